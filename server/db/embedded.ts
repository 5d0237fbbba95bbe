import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { rootDir } from '../config.ts';

/** Raised for problems a person can fix (no Go, failed build, database that will not start). */
export class EmbeddedDatabaseError extends Error {}

const sourceDir = path.join(rootDir, 'server/db/ferretdb');
const defaultBinDir = path.join(rootDir, '.data/bin');

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of ['main.go', 'go.mod', 'go.sum']) hash.update(readFileSync(path.join(sourceDir, file)));
  return hash.digest('hex');
}

/**
 * Builds the Go launcher into .data/bin/ unless a build of the current source is already there.
 * Returns the binary's path. `say` reports what is being done, since the first build downloads
 * FerretDB's modules and takes a minute or two.
 */
export function ensureLauncherBuilt(say: (message: string) => void = () => {}, binDir = defaultBinDir): string {
  const binary = path.join(binDir, 'ferretdb-launcher');
  const stampFile = `${binary}.source-hash`;
  const hash = sourceHash();
  if (existsSync(binary) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash) return binary;

  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.error || go.status !== 0) {
    throw new EmbeddedDatabaseError(
      'The embedded database needs Go (1.24 or newer) to build FerretDB, and `go` was not found.\n' +
        'Install Go from your package manager, or point the server at any MongoDB with MONGODB_URI=mongodb://…',
    );
  }
  say(`Building the embedded database (FerretDB 1.24.2, SQLite backend) with ${go.stdout.trim()}; the first build downloads its Go modules…`);
  mkdirSync(binDir, { recursive: true });
  // Build to a temporary name and rename, so a concurrent start never runs a half-written file.
  const tmp = `${binary}.${process.pid}.tmp`;
  const build = spawnSync('go', ['build', '-trimpath', '-o', tmp, '.'], {
    cwd: sourceDir,
    encoding: 'utf8',
    env: { ...process.env, CGO_ENABLED: '0' },
  });
  if (build.status !== 0) {
    throw new EmbeddedDatabaseError(
      `Building the embedded database failed (go build exited ${build.status ?? build.signal}):\n${build.stderr.trim()}\n` +
        'Check that this machine reaches the Go module proxy, or set MONGODB_URI to use another MongoDB.',
    );
  }
  renameSync(tmp, binary);
  writeFileSync(stampFile, hash);
  say('Embedded database built.');
  return binary;
}

export interface EmbeddedDatabase {
  /** mongodb:// address of the running server (same port across supervised restarts). */
  uri: string;
  /** Process id of the running server (it changes when the supervisor restarts it). */
  pid(): number | undefined;
  /** Stops the server and waits until its files are closed. */
  stop(): Promise<void>;
}

interface Options {
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  onLog?: (line: string) => void;
  /** Called when the server died and could not be brought back. */
  onFatal?: (error: Error) => void;
  /** Called after the server died and was restarted. */
  onRestart?: (exitCode: number | null) => void;
}

/** Starts one launcher process and resolves with its URI once it accepts connections. */
function launch(bin: string, dataDir: string, port: number, onLog: (line: string) => void) {
  const child = spawn(bin, ['-dir', dataDir, '-listen', `127.0.0.1:${port}`], {
    // stdin stays open as a lifeline: the launcher exits when it closes (when we die).
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const recent: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    recent.push(line);
    if (recent.length > 20) recent.shift();
    onLog(line);
  });
  const ready = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('ready ')) resolve(line.slice('ready '.length).trim());
    });
    child.once('error', (err) => reject(new EmbeddedDatabaseError(`Cannot run the embedded database: ${err.message}`)));
    child.once('exit', (code) => {
      const log = recent.join('\n');
      const busy = /address already in use/i.test(log);
      reject(
        new EmbeddedDatabaseError(
          busy
            ? `The embedded database cannot listen on 127.0.0.1:${port}: the port is in use by another program.`
            : `The embedded database exited during start-up (code ${code}):\n${log}`,
        ),
      );
    });
  });
  return { child, ready };
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Starts the embedded FerretDB and supervises it: if it dies, it is restarted on the same port
 * (so open driver connections reconnect); after three deaths within a minute, onFatal is called.
 */
export async function startEmbeddedDatabase(options: Options): Promise<EmbeddedDatabase> {
  const bin = ensureLauncherBuilt();
  mkdirSync(options.dataDir, { recursive: true });
  const onLog = options.onLog ?? (() => {});

  let current = launch(bin, options.dataDir, options.port ?? 0, onLog);
  const uri = await current.ready;
  const boundPort = Number(new URL(uri).port);
  let stopping = false;
  const deaths: number[] = [];

  const supervise = (child: ChildProcess) => {
    child.once('exit', async (code) => {
      if (stopping) return;
      const now = Date.now();
      deaths.push(now);
      while (deaths.length && deaths[0]! < now - 60_000) deaths.shift();
      if (deaths.length >= 3) {
        options.onFatal?.(new EmbeddedDatabaseError(`The embedded database keeps exiting (last code ${code}).`));
        return;
      }
      current = launch(bin, options.dataDir, boundPort, onLog);
      try {
        await current.ready;
        options.onRestart?.(code);
        supervise(current.child);
      } catch (error) {
        options.onFatal?.(error as Error);
      }
    });
  };
  supervise(current.child);

  return {
    uri,
    pid: () => current.child.pid,
    async stop() {
      stopping = true;
      const { child } = current;
      if (child.exitCode === null) child.kill('SIGTERM');
      await waitForExit(child, 5_000);
    },
  };
}
