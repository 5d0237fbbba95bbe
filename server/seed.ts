// `npm run seed`: loads the reference data and adds the missing demo records, never changing what
// people did; `npm run seed -- --reset` puts the demo back as shipped (see seeds/command.ts).
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/index.ts';
import { EmbeddedDatabaseError } from './db/embedded.ts';
import { createLogger } from './logger.ts';
import { runSeed, SeedRefusedError } from '../seeds/command.ts';

let database: Awaited<ReturnType<typeof openDatabase>> | undefined;
try {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  database = await openDatabase(config, logger, { shareRunning: true });
  const reports = await runSeed(process.argv.slice(2), config, (line) => console.log(line));
  for (const r of reports) console.log(`${r.collection.padEnd(14)} inserted ${r.inserted}, updated ${r.updated}, unchanged ${r.unchanged}`);
  await database.close();
} catch (error) {
  await database?.close();
  console.error(error instanceof ConfigError || error instanceof EmbeddedDatabaseError || error instanceof SeedRefusedError ? error.message : error);
  process.exit(1);
}
