import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { recordSupervisorRestart } from '../metrics.ts';
import { connectDatabase, disconnectDatabase, reconnectWhenStuck } from './connection.ts';
import { runningEmbeddedUri, startEmbeddedDatabase, type EmbeddedDatabase } from './embedded.ts';

export interface Database {
  /** Where the data lives, for the start-up message (no credentials). */
  description: string;
  /** False while the embedded database is down (being restarted); always true with MONGODB_URI. */
  healthy(): boolean;
  close(): Promise<void>;
}

/**
 * Connects to MONGODB_URI, or, without it, builds (on first need) and starts the embedded
 * PostgreSQL + DocumentDB + FerretDB 2 on DATA_DIR, supervised for as long as we run. With
 * `shareRunning` (the command-line tools), a server already running on DATA_DIR is joined instead.
 */
export async function openDatabase(config: Config, logger: Logger, options: { shareRunning?: boolean } = {}): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let uri = config.MONGODB_URI;
  let description: string;
  const running = !uri && options.shareRunning ? runningEmbeddedUri(config.dataDir) : undefined;
  if (running) {
    uri = running;
    description = `the embedded database of the server running on ${config.dataDir}`;
  } else if (uri) {
    const { hostname, port } = new URL(uri.replace(/^mongodb\+srv:/, 'http:').replace(/^mongodb:/, 'http:'));
    description = `MongoDB at ${hostname}${port ? `:${port}` : ''}, database ${config.DB_NAME}`;
  } else {
    embedded = await startEmbeddedDatabase({
      dataDir: config.dataDir,
      sourcesDir: config.ENGINE_SOURCES_DIR,
      say: (message) => logger.info(message),
      onLog: (source, line) => logger.debug({ [source]: line }),
      onDown: (source) => logger.warn(`The embedded database's ${source} process exited; restarting it.`),
      onRestart: (source, code, signal) => {
        recordSupervisorRestart(source);
        logger.warn(`The embedded database's ${source} process (${signal ?? `exit code ${code}`}) was restarted.`);
      },
      onStartFailed: (source, error, retryInMs) => logger.warn(`The embedded database's ${source} process did not start again (trying again in ${retryInMs} ms): ${error.message}`),
    });
    uri = embedded.uri;
    description = `embedded PostgreSQL 15 + DocumentDB + FerretDB 2 in ${config.dataDir}`;
  }
  try {
    await connectDatabase(uri, { dbName: config.DB_NAME });
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  const engine = embedded;
  const stopWatching = engine
    ? reconnectWhenStuck(engine.healthy, () => logger.warn('The database driver stayed cut off from the embedded database after it was back up; connecting it again.'))
    : () => {};
  return {
    description,
    healthy: () => embedded?.healthy() ?? true,
    async close() {
      stopWatching();
      await disconnectDatabase();
      await embedded?.stop();
    },
  };
}
