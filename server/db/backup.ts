import { execFile } from 'node:child_process';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ensureEngineBuilt, EmbeddedDatabaseError } from './build.ts';
import { clusterPaths, DATABASE_USER, readPassword } from './cluster.ts';
import { runningEmbeddedUri, startEmbeddedDatabase } from './embedded.ts';

interface BackupOptions {
  dataDir: string;
  sourcesDir?: string;
  say?: (message: string) => void;
}

/**
 * Writes a consistent snapshot of the embedded database to `file` with PostgreSQL's own pg_dump
 * (one repeatable-read transaction, so a running server's writes never tear it). A running
 * server's database is dumped as it runs; otherwise the database is started for the dump.
 */
export async function backupEmbeddedDatabase(file: string, options: BackupOptions): Promise<{ bytes: number; ms: number }> {
  const say = options.say ?? (() => {});
  const started = Date.now();
  const target = path.resolve(file);
  if (existsSync(target)) throw new EmbeddedDatabaseError(`${target} exists already: choose a new file name.`);
  const running = runningEmbeddedUri(options.dataDir) !== undefined;
  const database = running ? undefined : await startEmbeddedDatabase({ dataDir: options.dataDir, sourcesDir: options.sourcesDir, say });
  try {
    const engine = database?.engine ?? (await ensureEngineBuilt({ sourcesDir: options.sourcesDir, say }));
    const paths = clusterPaths(options.dataDir);
    say(running ? `Dumping the database of the server running on ${options.dataDir}…` : 'Dumping the database…');
    const partial = `${target}.partial`;
    try {
      await promisify(execFile)(
        path.join(engine.pgBin, 'pg_dump'),
        // pg_cron's job table is the extension's own: it recreates those jobs at restore.
        ['-h', paths.socketDir, '-U', DATABASE_USER, '-d', 'postgres', '--format=custom', '--exclude-table-data=cron.*', '-f', partial],
        { env: { ...process.env, PGPASSWORD: readPassword(paths), LD_LIBRARY_PATH: engine.pgLib } },
      );
    } catch (error) {
      rmSync(partial, { force: true });
      throw new EmbeddedDatabaseError(`pg_dump failed: ${(error as { stderr?: string }).stderr?.trim() || (error as Error).message}`);
    }
    renameSync(partial, target);
    return { bytes: statSync(target).size, ms: Date.now() - started };
  } finally {
    await database?.stop();
  }
}

/** Creates the database of an empty DATA_DIR from a file `backupEmbeddedDatabase` wrote. */
export async function restoreEmbeddedDatabase(file: string, options: BackupOptions): Promise<{ ms: number }> {
  const started = Date.now();
  const source = path.resolve(file);
  if (!existsSync(source)) throw new EmbeddedDatabaseError(`${source} does not exist.`);
  if (existsSync(clusterPaths(options.dataDir).pgData)) {
    throw new EmbeddedDatabaseError(`DATA_DIR ${options.dataDir} already holds a database: restore into an empty DATA_DIR (set DATA_DIR to a new directory).`);
  }
  const database = await startEmbeddedDatabase({ dataDir: options.dataDir, sourcesDir: options.sourcesDir, say: options.say, restoreFrom: source });
  await database.stop();
  return { ms: Date.now() - started };
}
