import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { connectDatabase, disconnectDatabase } from './connection.ts';
import { ensureLauncherBuilt, startEmbeddedDatabase, type EmbeddedDatabase } from './embedded.ts';

export interface Database {
  /** Where the data lives, for the start-up message (no credentials). */
  description: string;
  close(): Promise<void>;
}

/**
 * Connects to MONGODB_URI, or, without it, builds (on first need) and starts the embedded
 * FerretDB on DATA_DIR. `onFatal` is told when the embedded server dies for good.
 */
export async function openDatabase(config: Config, logger: Logger, onFatal: (error: Error) => void): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let uri = config.MONGODB_URI;
  let description: string;
  if (uri) {
    const { hostname, port } = new URL(uri.replace(/^mongodb\+srv:/, 'http:').replace(/^mongodb:/, 'http:'));
    description = `MongoDB at ${hostname}${port ? `:${port}` : ''}, database ${config.DB_NAME}`;
  } else {
    ensureLauncherBuilt((message) => logger.info(message));
    embedded = await startEmbeddedDatabase({
      dataDir: config.dataDir,
      onLog: (line) => logger.debug({ ferretdb: line }),
      onRestart: (code) => logger.warn(`The embedded database exited (code ${code}) and was restarted.`),
      onFatal,
    });
    uri = embedded.uri;
    description = `embedded FerretDB (SQLite) in ${config.dataDir}`;
  }
  try {
    await connectDatabase(uri, { dbName: config.DB_NAME });
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return {
    description,
    async close() {
      await disconnectDatabase();
      await embedded?.stop();
    },
  };
}
