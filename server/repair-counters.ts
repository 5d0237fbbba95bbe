// `npm run repair-counters`: recomputes every stored counter (endorsements, replies, votes,
// views, members' reputation, the moderation queue's flag counts) from the records they count, finishes two-step
// changes a crash cut short (a verified expert, a removed accepted answer, a flag not yet
// counted, a new member's post waiting outside the queue), and says how many of each it put right. Safe while servers write: a counter still
// moving is left for the next run (schema/counters.ts, schema/flag/repair.ts).
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/index.ts';
import { EmbeddedDatabaseError } from './db/embedded.ts';
import { createLogger } from './logger.ts';
import { repairCounters, repairReputations } from '../schema/counters.ts';
import { queueWaitingPosts, repairFlaggedItems } from '../schema/flag/repair.ts';

try {
  const config = loadConfig();
  const database = await openDatabase(config, createLogger(config.LOG_LEVEL), { shareRunning: true });
  const fixed = { ...(await repairCounters()), reputation: await repairReputations(), flaggedItems: await repairFlaggedItems(), waitingPosts: await queueWaitingPosts() };
  for (const [counter, wrong] of Object.entries(fixed)) console.log(`${counter.padEnd(16)} ${wrong} put right`);
  await database.close();
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof EmbeddedDatabaseError ? error.message : error);
  process.exit(1);
}
