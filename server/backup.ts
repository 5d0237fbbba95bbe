// `npm run backup [FILE]`: a consistent snapshot of the embedded database in one file, taken
// while the server runs (or with the database started for it). With MONGODB_URI, the engine's
// own tools do this job instead.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, rootDir } from './config.ts';
import { backupEmbeddedDatabase } from './db/backup.ts';
import { EmbeddedDatabaseError } from './db/build.ts';

try {
  const config = loadConfig();
  if (config.MONGODB_URI) {
    console.error('MONGODB_URI is set: back up that database with its own tools, e.g. `mongodump --uri="$MONGODB_URI" --archive=backup.archive --gzip` (restore with mongorestore).');
    process.exit(1);
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = process.argv[2] ?? path.join(rootDir, '.data/backups', `expert-network-${stamp}.tar`);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const { bytes, ms } = await backupEmbeddedDatabase(file, { dataDir: config.dataDir, sourcesDir: config.ENGINE_SOURCES_DIR, say: (m) => console.log(m) });
  console.log(`Backup written: ${path.resolve(file)} (${(bytes / 1024 / 1024).toFixed(1)} MiB in ${(ms / 1000).toFixed(1)} s).`);
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof EmbeddedDatabaseError ? error.message : error);
  process.exit(1);
}
