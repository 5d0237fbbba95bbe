import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { EmbeddedDatabaseError, type Engine } from './build.ts';

/*
 * The PostgreSQL cluster of the embedded database, under DATA_DIR:
 *   pg/        the cluster (PGDATA)
 *   run/       its Unix socket: it listens on no TCP port at all
 *   private/   the generated password, and the files that hand it to PostgreSQL and FerretDB (0600)
 *   ferretdb/  FerretDB's state
 * PostgreSQL refuses to run as root, so a root server runs the cluster as the `postgres` user that
 * Debian's package creates; otherwise everything runs as the current user.
 */

/** The PostgreSQL role FerretDB connects as and clients authenticate as (SCRAM, checked by DocumentDB). */
export const DATABASE_USER = 'expertnet';

export interface ClusterPaths {
  dataDir: string;
  pgData: string;
  socketDir: string;
  privateDir: string;
  ferretdbState: string;
  passwordFile: string;
  /** libpq password file for PostgreSQL's connections to itself (DocumentDB's background work). */
  pgpassFile: string;
  /** FerretDB's PostgreSQL URL, in a file so that the password never shows in a process list. */
  postgresUrlFile: string;
  /** Marks a cluster whose extension is created: a start cut short before it is redone from scratch. */
  readyMarker: string;
}

export function clusterPaths(dataDir: string): ClusterPaths {
  const privateDir = path.join(dataDir, 'private');
  return {
    dataDir,
    pgData: path.join(dataDir, 'pg'),
    socketDir: path.join(dataDir, 'run'),
    privateDir,
    ferretdbState: path.join(dataDir, 'ferretdb'),
    passwordFile: path.join(privateDir, 'password'),
    pgpassFile: path.join(privateDir, 'pgpass'),
    postgresUrlFile: path.join(privateDir, 'postgresql-url'),
    readyMarker: path.join(privateDir, 'initialised'),
  };
}

export interface EngineUser {
  /** Set only when the server runs as root and the engine must run as someone else. */
  uid?: number;
  gid?: number;
  name: string;
}

export function engineUser(): EngineUser {
  if (process.getuid?.() !== 0) return { name: 'the current user' };
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0) {
    throw new EmbeddedDatabaseError(
      'The server runs as root, and PostgreSQL refuses to: it needs the system user "postgres" (Debian\'s postgresql package creates it). Run the server as another user, or install postgresql-15.',
    );
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()), name: 'postgres' };
}

/** A directory the engine user owns and nobody else can enter. */
function privateDirectory(dir: string, user: EngineUser) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (user.uid !== undefined) chownSync(dir, user.uid, user.gid!);
  chmodSync(dir, 0o700);
}

function privateFile(file: string, content: string, user: EngineUser) {
  writeFileSync(file, content, { mode: 0o600 });
  chmodSync(file, 0o600);
  if (user.uid !== undefined) chownSync(file, user.uid, user.gid!);
}

/** When the cluster runs as another user, every directory above DATA_DIR must let it pass. */
function checkReachable(dataDir: string, user: EngineUser) {
  if (user.uid === undefined) return;
  for (let dir = dataDir; ; dir = path.dirname(dir)) {
    const stat = statSync(dir);
    const passable = stat.uid === user.uid ? (stat.mode & 0o100) !== 0 : (stat.mode & 0o001) !== 0;
    if (!passable) {
      throw new EmbeddedDatabaseError(
        `PostgreSQL runs as the system user "${user.name}" (it refuses to run as root) and cannot reach DATA_DIR: ${dir} is closed to other users.\n` +
          `Allow passing through it (chmod o+x ${dir}) or choose a DATA_DIR elsewhere.`,
      );
    }
    if (dir === path.dirname(dir)) break;
  }
}

/** FerretDB 1.24 kept one SQLite file per database directly in DATA_DIR. */
function checkNotOldEngine(dataDir: string) {
  if (!existsSync(dataDir)) return;
  const sqlite = readdirSync(dataDir).filter((name) => name.endsWith('.sqlite'));
  if (sqlite.length) {
    throw new EmbeddedDatabaseError(
      `DATA_DIR (${dataDir}) holds a database of the former embedded engine (FerretDB 1.24 on SQLite: ${sqlite.join(', ')}), which this version no longer runs.\n` +
        'Move that directory aside or set DATA_DIR to a new one to start afresh; to carry its data over, export it with the previous version (mongoexport or mongodump against it) and import it into the new server.',
    );
  }
}

export function readPassword(paths: ClusterPaths): string {
  return readFileSync(paths.passwordFile, 'utf8').trim();
}

/** The environment and connection arguments of PostgreSQL's client programs (psql, pg_dump…). */
export function clientInvocation(paths: ClusterPaths, engine: Engine) {
  return {
    env: { ...process.env, PGPASSWORD: readPassword(paths), LD_LIBRARY_PATH: engine.pgLib },
    connection: ['-h', paths.socketDir, '-U', DATABASE_USER, '-d', 'postgres'],
  };
}

/** Runs one of PostgreSQL's client programs against the cluster; a failure says `what` failed, with its message. */
export async function runClient(paths: ClusterPaths, engine: Engine, what: string, program: string, args: string[]): Promise<void> {
  const { env, connection } = clientInvocation(paths, engine);
  try {
    await promisify(execFile)(path.join(engine.pgBin, program), [...connection, ...args], { env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new EmbeddedDatabaseError(`${what} failed: ${e.stderr?.trim() || e.message}`);
  }
}

/**
 * The settings the cluster runs with, rewritten at every start (paths may move with DATA_DIR).
 * Sized for a small machine; durability as PostgreSQL's defaults give it: every acknowledged
 * commit is flushed to the write-ahead log.
 */
function settings(paths: ClusterPaths): string {
  const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;
  const lines: Record<string, string> = {
    listen_addresses: quote(''),
    unix_socket_directories: quote(paths.socketDir),
    unix_socket_permissions: '0700',
    password_encryption: quote('scram-sha-256'),
    max_connections: '100',
    shared_buffers: quote('128MB'),
    work_mem: quote('8MB'),
    maintenance_work_mem: quote('64MB'),
    effective_cache_size: quote('512MB'),
    fsync: 'on',
    synchronous_commit: 'on',
    full_page_writes: 'on',
    // Inserts racing for one unique key can deadlock on DocumentDB; the loser is told (and tries
    // again) after this wait instead of PostgreSQL's default second.
    deadlock_timeout: quote('100ms'),
    lc_messages: quote('C'),
    log_min_messages: quote('warning'),
    log_line_prefix: quote('%m [%p] '),
    // DocumentDB and its scheduler (SOURCES.md; packaging/10-preload.sh in its archive).
    shared_preload_libraries: quote('pg_cron,pg_documentdb_core,pg_documentdb'),
    'cron.database_name': quote('postgres'),
    // Scheduled jobs run in background workers, not over a password-less connection.
    'cron.use_background_workers': 'on',
    max_worker_processes: '20',
    'documentdb.enableCompact': 'true',
    'documentdb.enableLetAndCollationForQueryMatch': 'true',
    'documentdb.enableNowSystemVariable': 'true',
    'documentdb.enableSortbyIdPushDownToPrimaryKey': 'true',
    'documentdb.enableSchemaValidation': 'true',
    'documentdb.enableBypassDocumentValidation': 'true',
    'documentdb.enableUserCrud': 'true',
    'documentdb.maxUserLimit': '100',
    // DocumentDB opens libpq connections to its own server (e.g. to drop a collection): through
    // the private socket, with the password from PGPASSFILE.
    'documentdb.localhost_connection_string': quote(`host=${paths.socketDir}`),
  };
  return `# Written by the expert network's server at every start; edits here are overwritten.\n${Object.entries(lines)
    .map(([key, value]) => `${key} = ${value}`)
    .join('\n')}\n`;
}

const SETTINGS_FILE = 'expert-network.conf';

export interface PreparedCluster {
  paths: ClusterPaths;
  user: EngineUser;
  /** False when the cluster was just created and still needs its extension. */
  initialised: boolean;
}

/**
 * Creates the directories and, on first start, the cluster with a generated password; writes the
 * settings. Refuses a DATA_DIR of the former engine.
 */
export async function prepareCluster(dataDir: string, engine: Engine, say: (message: string) => void): Promise<PreparedCluster> {
  checkNotOldEngine(dataDir);
  const paths = clusterPaths(dataDir);
  const user = engineUser();
  mkdirSync(dataDir, { recursive: true });
  checkReachable(dataDir, user);
  privateDirectory(paths.privateDir, user);
  privateDirectory(paths.socketDir, user);
  privateDirectory(paths.ferretdbState, user);

  const initialised = existsSync(paths.readyMarker) && existsSync(path.join(paths.pgData, 'PG_VERSION'));
  if (!initialised) {
    // A first start that was cut short left no data worth keeping: nothing was served from it.
    rmSync(paths.pgData, { recursive: true, force: true });
    const password = randomBytes(24).toString('base64url');
    privateFile(paths.passwordFile, `${password}\n`, user);
    privateFile(paths.pgpassFile, `*:*:*:${DATABASE_USER}:${password}\n`, user);
    privateFile(paths.postgresUrlFile, `postgres://${DATABASE_USER}:${password}@/postgres?host=${encodeURIComponent(paths.socketDir)}\n`, user);
    privateDirectory(paths.pgData, user);
    const started = Date.now();
    say(`Creating the database cluster in ${paths.pgData}…`);
    try {
      await promisify(execFile)(
        path.join(engine.pgBin, 'initdb'),
        ['-D', paths.pgData, '-U', DATABASE_USER, `--pwfile=${paths.passwordFile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8'],
        { uid: user.uid, gid: user.gid, cwd: paths.privateDir, env: { ...process.env, LD_LIBRARY_PATH: engine.pgLib } },
      );
    } catch (error) {
      const e = error as { stderr?: string; message: string };
      throw new EmbeddedDatabaseError(`Creating the database cluster failed: ${e.stderr?.trim() || e.message}`);
    }
    writeFileSync(path.join(paths.pgData, 'postgresql.conf'), `\ninclude '${SETTINGS_FILE}'\n`, { flag: 'a' });
    say(`Database cluster created in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
  privateFile(path.join(paths.pgData, SETTINGS_FILE), settings(paths), user);
  return { paths, user, initialised };
}

export function markInitialised(paths: ClusterPaths) {
  writeFileSync(paths.readyMarker, `${new Date().toISOString()}\n`);
}

/**
 * A server killed with -9 leaves postmaster.pid behind, and its PostgreSQL shutting down (the
 * launcher's death signal) for a moment. We hold DATA_DIR's lock, so a live postmaster named in
 * the file is that leftover: wait for it to finish. A pid now used by another program is stale.
 */
export async function clearLeftoverPostmaster(paths: ClusterPaths): Promise<void> {
  const pidFile = path.join(paths.pgData, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  const isPostgres = () => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
    } catch {
      return false;
    }
  };
  if (!isPostgres()) {
    rmSync(pidFile, { force: true });
    return;
  }
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    /* gone meanwhile */
  }
  const deadline = Date.now() + 60_000;
  while (isPostgres() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (isPostgres()) throw new EmbeddedDatabaseError(`A PostgreSQL (pid ${pid}) from an earlier run still holds ${paths.pgData}: stop it, then start again.`);
}

/** Pids of the processes whose working directory is `dir` (PostgreSQL's processes all work in their data directory). */
function processesWorkingIn(dir: string): number[] {
  const target = path.resolve(dir);
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/cwd`) === target;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/**
 * Kills, with -9, the processes a dead postmaster left on its data directory, and waits until they
 * are gone. Each backend leads its own session (not the postmaster's process group), and one that a
 * client keeps busy never waits for input, so never notices the postmaster's death: it keeps the
 * shared memory attached, and a new postmaster refuses to start while it runs.
 */
export async function killOrphanedBackends(pgData: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = processesWorkingIn(pgData);
    if (left.length === 0) return;
    for (const pid of left) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone meanwhile */
      }
    }
    if (Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}
