// `npm run restore FILE`: brings a backup written by `npm run backup` back into an empty DATA_DIR.
import { ConfigError, loadConfig } from './config.ts';
import { restoreEmbeddedDatabase } from './db/backup.ts';
import { EmbeddedDatabaseError } from './db/build.ts';

try {
  const config = loadConfig();
  const file = process.argv[2];
  if (!file) {
    console.error('Usage: npm run restore FILE   (into an empty DATA_DIR; set DATA_DIR to choose it)');
    process.exit(1);
  }
  if (config.MONGODB_URI) {
    console.error('MONGODB_URI is set: restore that database with its own tools, e.g. `mongorestore --uri="$MONGODB_URI" --archive=backup.archive --gzip`.');
    process.exit(1);
  }
  const { ms } = await restoreEmbeddedDatabase(file, { dataDir: config.dataDir, sourcesDir: config.ENGINE_SOURCES_DIR, say: (m) => console.log(m) });
  console.log(`Restored into ${config.dataDir} in ${(ms / 1000).toFixed(1)} s. Start the server with this DATA_DIR.`);
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof EmbeddedDatabaseError ? error.message : error);
  process.exit(1);
}
