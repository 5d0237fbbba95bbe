import { closeSync, linkSync, openSync, readFileSync, rmSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { EmbeddedDatabaseError, ensureEngineBuilt, type Engine } from './build.ts';
import { clearLeftoverPostmaster, DATABASE_USER, killOrphanedBackends, markInitialised, prepareCluster, readPassword, runClient } from './cluster.ts';
import { loadBackup } from './backup.ts';
import { prepareDataDir } from './data-dir.ts';
import { ChildStartError, superviseChild, type SupervisedChild } from './supervisor.ts';

export { EmbeddedDatabaseError } from './build.ts';

export type EngineProcess = 'postgres' | 'ferretdb';

export interface EmbeddedOptions {
  dataDir: string;
  /** A directory holding the pinned source archives (ENGINE_SOURCES_DIR), for the first build. */
  sourcesDir?: string;
  /** Progress of the build and the first start, for a person to read. */
  say?: (message: string) => void;
  /** Every line PostgreSQL and FerretDB print. */
  onLog?: (source: EngineProcess, line: string) => void;
  /** A process died and is down; it is being restarted. */
  onDown?: (source: EngineProcess) => void;
  /**
   * An unpacked backup (see backup.ts) to create a fresh DATA_DIR's database from, instead of an
   * empty one. Refused when DATA_DIR already holds a database.
   */
  restoreFrom?: string;
  /** A process died and was started again. */
  onRestart?: (source: EngineProcess, exitCode: number | null, signal: NodeJS.Signals | null) => void;
  /** A restart failed (the error carries the process's last lines); it is tried again later. */
  onStartFailed?: (source: EngineProcess, error: Error, retryInMs: number) => void;
}

export interface EmbeddedDatabase {
  /** mongodb:// address of FerretDB with the credentials (the same across supervised restarts). */
  uri: string;
  engine: Engine;
  pids(): Partial<Record<EngineProcess, number>>;
  /** Both processes run and have said they are ready. */
  healthy(): boolean;
  /** Stops FerretDB, then PostgreSQL (fast shutdown), and releases DATA_DIR. */
  stop(): Promise<void>;
}

/**
 * One server per DATA_DIR: a lock file holding the owner's pid, taken atomically (link fails when
 * the file exists). A lock whose process is gone (a server killed with -9) is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'server.lock');
  const mine = `${lockFile}.${process.pid}`;
  const fd = openSync(mine, 'w', 0o644);
  writeSync(fd, `${process.pid}\n`);
  closeSync(fd);
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        linkSync(mine, lockFile);
        return () => {
          try {
            if (readFileSync(lockFile, 'utf8').trim() === String(process.pid)) unlinkSync(lockFile);
          } catch {
            /* already gone */
          }
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const owner = Number(readFileSync(lockFile, 'utf8').trim());
        if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
          throw new EmbeddedDatabaseError(`Another server (pid ${owner}) is using DATA_DIR ${dataDir}. Stop it, or give this one another DATA_DIR.`);
        }
        unlinkSync(lockFile);
      }
    }
    throw new EmbeddedDatabaseError(`Cannot lock DATA_DIR ${dataDir}: another server is starting on it.`);
  } finally {
    unlinkSync(mine);
  }
}

/** Where a running server leaves FerretDB's address for the tools (seed, repair, backup) to share it. */
const uriFile = (dataDir: string) => path.join(dataDir, 'private', 'mongodb-uri');

/**
 * The address of the embedded database a live server runs on DATA_DIR, if one does: tools such as
 * `npm run repair-counters` work through it instead of being refused the directory.
 */
export function runningEmbeddedUri(dataDir: string): string | undefined {
  try {
    const owner = Number(readFileSync(path.join(dataDir, 'server.lock'), 'utf8').trim());
    if (!Number.isInteger(owner) || owner <= 0 || !isAlive(owner)) return undefined;
    return readFileSync(uriFile(dataDir), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Builds the engine on first need, then starts and supervises PostgreSQL (with DocumentDB) and
 * FerretDB 2 on DATA_DIR. Each runs under our launcher, so it dies with this process; each is
 * restarted whenever it dies while we live.
 */
export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const say = options.say ?? (() => {});
  // Before the engine's build: a DATA_DIR that cannot be used is told at once.
  prepareDataDir(options.dataDir);
  const engine = await ensureEngineBuilt({ sourcesDir: options.sourcesDir ?? process.env.ENGINE_SOURCES_DIR, say });
  const unlock = lockDataDir(options.dataDir);
  const children: Partial<Record<EngineProcess, SupervisedChild>> = {};
  try {
    const { paths, user, initialised } = await prepareCluster(options.dataDir, engine, say);
    if (options.restoreFrom && initialised) {
      throw new EmbeddedDatabaseError(`DATA_DIR ${options.dataDir} already holds a database: restore into an empty DATA_DIR.`);
    }
    await clearLeftoverPostmaster(paths);
    const launch = (name: EngineProcess, signal: 'INT' | 'TERM', program: string, args: () => string[], env: Record<string, string>) => ({
      name,
      command: engine.launcher,
      args: () => ['-signal', signal, '-parent', String(process.pid), '--', program, ...args()],
      // Its own session: a Ctrl-C in the terminal reaches the server, which stops them in order.
      options: { uid: user.uid, gid: user.gid, cwd: paths.privateDir, detached: true, env: { ...process.env, ...env } },
      onLine: (line: string) => options.onLog?.(name, line),
    });
    const events = (name: EngineProcess) => ({
      onDown: () => options.onDown?.(name),
      onStartFailed: (error: Error, retryInMs: number) => options.onStartFailed?.(name, error, retryInMs),
      onRestart: (code: number | null, signal: NodeJS.Signals | null) => {
        options.onRestart?.(name, code, signal);
        // FerretDB's pooled connections to the old PostgreSQL are dead and would fail one request
        // each; a fresh FerretDB starts with none (clients reconnect, and retry a read or write once).
        if (name === 'postgres') children.ferretdb?.restart('SIGTERM', 2_000);
      },
    });

    // SIGINT on the server's death: PostgreSQL's fast shutdown (a checkpoint, no waiting for clients).
    children.postgres = await superviseChild(
      {
        ...launch('postgres', 'INT', path.join(engine.pgBin, 'postgres'), () => ['-D', paths.pgData], {
          LD_LIBRARY_PATH: engine.pgLib,
          PGPASSFILE: paths.pgpassFile,
        }),
        isReadyLine: (line) => line.includes('database system is ready to accept connections'),
        readyTimeoutMs: 120_000,
        clearLeftovers: () => killOrphanedBackends(paths.pgData),
      },
      events('postgres'),
    );
    if (!initialised) {
      if (options.restoreFrom) {
        say('Restoring the backup…');
        await loadBackup(options.restoreFrom, paths, engine);
      } else {
        say('Creating the DocumentDB extension…');
        await runClient(paths, engine, 'Creating the DocumentDB extension', 'psql', ['-v', 'ON_ERROR_STOP=1', '-qc', 'CREATE EXTENSION IF NOT EXISTS documentdb CASCADE']);
      }
      markInitialised(paths);
    }

    let port = 0;
    const listening = /Listening on TCP 127\.0\.0\.1:(\d+)/;
    const ferretdbArgs = () => [
      `--postgresql-url-file=${paths.postgresUrlFile}`,
      // The port of the first start is kept, so that connected clients find it again.
      `--listen-addr=127.0.0.1:${port}`,
      `--state-dir=${paths.ferretdbState}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-format=json',
      '--log-level=info',
    ];
    children.ferretdb = await superviseChild(
      {
        ...launch('ferretdb', 'TERM', engine.ferretdb, ferretdbArgs, { DO_NOT_TRACK: '1' }),
        isReadyLine: (line) => {
          const match = listening.exec(line);
          if (match) port = Number(match[1]);
          return match !== null;
        },
      },
      events('ferretdb'),
    );
    const uri = `mongodb://${DATABASE_USER}:${encodeURIComponent(readPassword(paths))}@127.0.0.1:${port}/?authMechanism=SCRAM-SHA-256`;

    writeFileSync(uriFile(options.dataDir), `${uri}\n`, { mode: 0o600 });
    let stopped = false;
    return {
      uri,
      engine,
      pids: () => ({ postgres: children.postgres?.pid(), ferretdb: children.ferretdb?.pid() }),
      healthy: () => Boolean(children.postgres?.ready() && children.ferretdb?.ready()),
      async stop() {
        if (stopped) return;
        stopped = true;
        await children.ferretdb?.stop('SIGTERM', 10_000);
        await children.postgres?.stop('SIGINT', 60_000);
        rmSync(uriFile(options.dataDir), { force: true });
        unlock();
      },
    };
  } catch (error) {
    await children.ferretdb?.stop('SIGTERM', 10_000);
    await children.postgres?.stop('SIGINT', 60_000);
    unlock();
    if (error instanceof ChildStartError) throw new EmbeddedDatabaseError(`The embedded database did not start: ${error.message}`);
    throw error;
  }
}
