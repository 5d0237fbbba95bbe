import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/index.ts';
import { EmbeddedDatabaseError } from './db/embedded.ts';
import { createHttpServer } from './http.ts';
import { createLogger } from './logger.ts';
import { sweepExpiredSessions } from '../schema/session/service.ts';
import { loadDemoDataAtStart, loadReferenceData } from '../seeds/load.ts';
import { reindexPractices } from '../schema/practice/migrate.ts';
import { repairCounters } from '../schema/counters.ts';
import { configureEmail } from '../schema/email/mailer.ts';
import { carryEventsThroughRedis } from '../schema/live/events.ts';
import { keepRateLimitsIn } from '../schema/limits.ts';
import { startDigestSchedule } from '../schema/digest/schedule.ts';
import { startNotificationOutbox } from '../schema/notification/outbox.ts';
import { connectRedis } from './redis.ts';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  configureEmail({ ...config, siteUrl: config.PUBLIC_URL ?? `http://localhost:${config.PORT}` }, logger);
  const database = await openDatabase(config, logger);
  logger.info(`Database: ${database.description}`);

  await loadReferenceData();
  await loadDemoDataAtStart(config, (line) => logger.info(line));
  // Search tokens of practices written before the index grew (e.g. to the long fields); writes only what differs.
  const reindexed = await reindexPractices();
  if (reindexed) logger.info(`Search: reindexed ${reindexed} practices.`);

  // Expiry is checked on every request; this only removes what nobody will present again.
  const sweep = setInterval(
    () => {
      sweepExpiredSessions().then(
        (removed) => removed && logger.info(`Removed ${removed} expired sessions.`),
        (error: unknown) => logger.warn({ err: error }, 'sweeping expired sessions failed'),
      );
    },
    60 * 60 * 1000,
  );
  sweep.unref();

  // With REDIS_URL, live events and rate-limit counts are shared by every server instance.
  const redis = config.REDIS_URL ? await Promise.all([connectRedis(config.REDIS_URL), connectRedis(config.REDIS_URL)]) : [];
  if (redis.length === 2) {
    carryEventsThroughRedis(redis[0]!, redis[1]!);
    keepRateLimitsIn(redis[0]!);
    logger.info('Redis: live updates and rate limits are shared with the other server instances.');
  }

  const { server } = createHttpServer(config, logger, { databaseHealthy: database.healthy });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, resolve);
  }).catch(async (error: NodeJS.ErrnoException) => {
    await database.close();
    if (error.code === 'EADDRINUSE') throw new ConfigError(`Port ${config.PORT} is already in use: stop the other program or set PORT.`);
    throw error;
  });

  // Background work starts once the server is up (a start that fails stops with nothing half-done).
  // Notification emails waiting in the database: this process sends its share (claimed one by one).
  const stopOutbox = startNotificationOutbox(logger);
  // The weekly digest: each server checks hourly; a (member, week) record makes each digest go once.
  const stopDigests = config.DIGEST_HOUR === 'off' ? () => undefined : startDigestSchedule(config.DIGEST_HOUR, logger);
  // A server killed between a record and its counter's $inc left that counter one off: put such
  // leftovers right in the background (safe beside other servers' writes).
  repairCounters().then(
    (report) => {
      const repaired = Object.entries(report).filter(([, n]) => n > 0);
      if (repaired.length) logger.info(`Counters put right after an interrupted write: ${repaired.map(([k, n]) => `${k} ${n}`).join(', ')}.`);
    },
    (error: unknown) => logger.warn({ err: error }, 'repairing counters failed'),
  );
  const shown = config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST;
  logger.info(`Ready: http://${shown}:${config.PORT} (GraphQL at /graphql)`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: stopping…`);
    clearInterval(sweep);
    stopDigests();
    stopOutbox();
    server.closeAllConnections();
    server.close();
    await Promise.all(redis.map((client) => client.quit().catch(() => undefined)));
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  // Problems a person can fix get their message alone, without a stack trace.
  if (error instanceof ConfigError || error instanceof EmbeddedDatabaseError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
