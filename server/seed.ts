// `npm run seed`: loads the reference data and the demo dataset; a re-run changes nothing.
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/index.ts';
import { EmbeddedDatabaseError } from './db/embedded.ts';
import { createLogger } from './logger.ts';
import { loadDemoData, loadReferenceData } from '../seeds/load.ts';

try {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const database = await openDatabase(config, logger, { shareRunning: true });
  const reports = [...(await loadReferenceData()), ...(await loadDemoData())];
  for (const r of reports) console.log(`${r.collection.padEnd(14)} inserted ${r.inserted}, updated ${r.updated}, unchanged ${r.unchanged}`);
  await database.close();
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof EmbeddedDatabaseError ? error.message : error);
  process.exit(1);
}
