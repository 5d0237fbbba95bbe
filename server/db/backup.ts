import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { ensureEngineBuilt, EmbeddedDatabaseError, type Engine } from './build.ts';
import { clientInvocation, clusterPaths, runClient, type ClusterPaths } from './cluster.ts';
import { runningEmbeddedUri, startEmbeddedDatabase } from './embedded.ts';

/*
 * A backup is one tar file holding PostgreSQL's own dump of the cluster's database (pg_dump,
 * custom format) and DocumentDB's catalogue of collections and indexes. pg_dump leaves the
 * catalogue out because DocumentDB does not mark those tables as configuration, yet without it
 * the restored document tables belong to no collection. Both are read in one exported snapshot,
 * so the file is consistent even while a server writes.
 */

const run = promisify(execFile);
const CATALOGUE = ['collections', 'collection_indexes'] as const;
const SEQUENCES = ['collections_collection_id_seq', 'collection_indexes_index_id_seq'] as const;

interface BackupOptions {
  dataDir: string;
  sourcesDir?: string;
  say?: (message: string) => void;
}

/** A psql session that answers one statement at a time; the transaction stays open between them. */
function psqlSession(paths: ClusterPaths, engine: Engine) {
  const { env, connection } = clientInvocation(paths, engine);
  const child = spawn(path.join(engine.pgBin, 'psql'), [...connection, '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const lines = createInterface({ input: child.stdout });
  const pending: ((line: string) => void)[] = [];
  lines.on('line', (line) => pending.shift()?.(line));
  const exited = new Promise<void>((resolve, reject) => child.once('exit', (code) => (code === 0 ? resolve() : reject(new EmbeddedDatabaseError(`psql failed: ${stderr.trim()}`)))));
  return {
    /** Sends one statement that prints exactly one line, and returns that line. */
    ask: (sql: string) =>
      Promise.race([
        new Promise<string>((resolve) => {
          pending.push(resolve);
          child.stdin.write(`${sql}\n`);
        }),
        exited.then(() => {
          throw new EmbeddedDatabaseError(`psql ended early: ${stderr.trim()}`);
        }),
      ]),
    send: (sql: string) => child.stdin.write(`${sql}\n`),
    end: () => {
      child.stdin.end('COMMIT;\n\\q\n');
      return exited;
    },
  };
}

/**
 * Writes a consistent snapshot of the embedded database to `file`. A running server's database is
 * dumped as it runs; otherwise the database is started for the dump.
 */
export async function backupEmbeddedDatabase(file: string, options: BackupOptions): Promise<{ bytes: number; ms: number }> {
  const say = options.say ?? (() => {});
  const started = Date.now();
  const target = path.resolve(file);
  if (existsSync(target)) throw new EmbeddedDatabaseError(`${target} exists already: choose a new file name.`);
  const running = runningEmbeddedUri(options.dataDir) !== undefined;
  const database = running ? undefined : await startEmbeddedDatabase({ dataDir: options.dataDir, sourcesDir: options.sourcesDir, say });
  const work = mkdtempSync(`${target}.partial-`);
  try {
    const engine = database?.engine ?? (await ensureEngineBuilt({ sourcesDir: options.sourcesDir, say }));
    const paths = clusterPaths(options.dataDir);
    say(running ? `Dumping the database of the server running on ${options.dataDir}…` : 'Dumping the database…');
    const session = psqlSession(paths, engine);
    session.send('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;');
    const snapshot = await session.ask('SELECT pg_export_snapshot();');
    const sequences: Record<string, string> = {};
    for (const sequence of SEQUENCES) sequences[sequence] = await session.ask(`SELECT last_value FROM documentdb_api_catalog.${sequence};`);
    for (const table of CATALOGUE) session.send(`\\copy documentdb_api_catalog.${table} TO '${path.join(work, `${table}.copy`)}'`);
    // pg_cron's job table is the extension's own: it recreates those jobs at restore.
    await runClient(paths, engine, 'pg_dump', 'pg_dump', [`--snapshot=${snapshot}`, '--format=custom', '--exclude-table-data=cron.*', '-f', path.join(work, 'database.pgdump')]);
    await session.end();
    writeFileSync(path.join(work, 'sequences.json'), JSON.stringify(sequences));
    await run('tar', ['-cf', `${target}.tmp`, '-C', work, '.']);
    renameSync(`${target}.tmp`, target);
    return { bytes: statSync(target).size, ms: Date.now() - started };
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(`${target}.tmp`, { force: true });
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
  const work = mkdtempSync(path.join(path.dirname(source), '.restore-'));
  try {
    await run('tar', ['-xf', source, '-C', work]).catch(() => {
      throw new EmbeddedDatabaseError(`${source} is not a backup written by npm run backup.`);
    });
    if (!existsSync(path.join(work, 'database.pgdump'))) throw new EmbeddedDatabaseError(`${source} is not a backup written by npm run backup.`);
    const database = await startEmbeddedDatabase({ dataDir: options.dataDir, sourcesDir: options.sourcesDir, say: options.say, restoreFrom: work });
    await database.stop();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { ms: Date.now() - started };
}

/** Fills a cluster created for a restore: pg_dump's part, then the catalogue and its sequences. */
export async function loadBackup(directory: string, paths: ClusterPaths, engine: Engine): Promise<void> {
  // The dump creates the extensions itself (with their empty catalogue), then the document tables.
  await runClient(paths, engine, 'Restoring (pg_restore)', 'pg_restore', ['--exit-on-error', path.join(directory, 'database.pgdump')]);
  const sequences = JSON.parse(readFileSync(path.join(directory, 'sequences.json'), 'utf8')) as Record<string, string>;
  const script = [
    'BEGIN;',
    ...CATALOGUE.map((table) => `\\copy documentdb_api_catalog.${table} FROM '${path.join(directory, `${table}.copy`)}'`),
    ...SEQUENCES.map((sequence) => `SELECT setval('documentdb_api_catalog.${sequence}', ${Number(sequences[sequence])});`),
    'COMMIT;',
  ].join('\n');
  const scriptFile = path.join(directory, 'catalogue.sql');
  writeFileSync(scriptFile, `${script}\n`);
  await runClient(paths, engine, 'Restoring (the catalogue)', 'psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', scriptFile]);
}
