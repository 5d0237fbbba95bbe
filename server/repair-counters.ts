// `npm run repair-counters`: recomputes every stored counter (endorsements, replies, votes,
// views) from the records they count, and says how many were wrong. Safe to run at any time.
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/index.ts';
import { EmbeddedDatabaseError } from './db/embedded.ts';
import { createLogger } from './logger.ts';
import { repairCounters } from '../schema/counters.ts';

try {
  const config = loadConfig();
  const database = await openDatabase(config, createLogger(config.LOG_LEVEL), (error) => {
    throw error;
  });
  const fixed = await repairCounters();
  for (const [counter, wrong] of Object.entries(fixed)) console.log(`${counter.padEnd(13)} ${wrong} corrected`);
  await database.close();
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof EmbeddedDatabaseError ? error.message : error);
  process.exit(1);
}
