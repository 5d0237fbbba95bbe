// `npm run send-digest`: sends this week's digest to every member who should get one and has not
// yet (the servers also do it hourly from Monday, DIGEST_HOUR; running both is safe).
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/index.ts';
import { EmbeddedDatabaseError } from './db/embedded.ts';
import { createLogger } from './logger.ts';
import { configureEmail, emailsSettled } from '../schema/email/mailer.ts';
import { DEFAULT_DIGEST_HOUR, sendWeeklyDigests } from '../schema/digest/service.ts';

let database: Awaited<ReturnType<typeof openDatabase>> | undefined;
try {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  configureEmail({ ...config, siteUrl: config.PUBLIC_URL ?? `http://localhost:${config.PORT}` }, logger);
  database = await openDatabase(config, logger, { shareRunning: true });
  const run = await sendWeeklyDigests({ hour: config.DIGEST_HOUR === 'off' ? DEFAULT_DIGEST_HOUR : config.DIGEST_HOUR });
  await emailsSettled();
  console.log(`Weekly digest ${run.week}: ${run.sent} sent, ${run.empty} with nothing to say.`);
  await database.close();
  process.exit(0);
} catch (error) {
  await database?.close();
  console.error(error instanceof ConfigError || error instanceof EmbeddedDatabaseError ? error.message : error);
  process.exit(1);
}
