import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { rootDir } from '../../server/config.ts';
import { passableTempDir } from '../helpers/data-dir.ts';
import { runServerUntilExit } from '../helpers/server-process.ts';

/*
 * The server as a person starts it: a real process, with its own embedded database in a fresh
 * DATA_DIR, talking HTTP.
 */

const root = passableTempDir('startup-');
const dataDir = path.join(root, 'data');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Processes whose command line names `dir`: the embedded database's, once a server has gone. */
function processesUsing(dir: string): string[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid)
    .flatMap((pid) => {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
        return cmdline.includes(dir) ? [`${pid}: ${cmdline}`] : [];
      } catch {
        return [];
      }
    });
}

async function noneLeft(dir: string, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (processesUsing(dir).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return processesUsing(dir);
}

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** A command-line tool (seed, repair-counters…) as npm runs it, on this file's DATA_DIR. */
function spawnTool(script: string): Run {
  return startServer({}, script);
}

function startServer(env: Record<string, string>, script = 'server/main.ts'): Run {
  let output = '';
  // One process (tsx's CLI would put a second node in between): a kill reaches the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: rootDir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output, exited: new Promise((resolve) => child.once('exit', resolve)) };
}

async function until(run: Run, pattern: RegExp, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!pattern.test(run.output())) {
    if (run.child.exitCode !== null || Date.now() > deadline) throw new Error(`never saw ${pattern}:\n${run.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/** How many people and practices the server shows anyone. */
type Counts = { experts: number; practices: number };
const publicCounts = async (port: number): Promise<Counts> => {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ experts(first: 1) { totalCount } practices(first: 1) { totalCount } }' }),
  });
  const { data, errors } = await response.json();
  expect(errors).toBeUndefined();
  return { experts: data.experts.totalCount as number, practices: data.practices.totalCount as number };
};
const expertCount = async (port: number) => (await publicCounts(port)).experts;

/** The TCP addresses a process listens on (IPv4 and IPv6), from the kernel's socket tables. */
function tcpListeners(pid: number): string[] {
  const inodes = new Set(
    readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
      try {
        return [/^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1]].filter(Boolean);
      } catch {
        return [];
      }
    }),
  );
  const LISTEN = '0A';
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((table) =>
    readFileSync(table, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[3] === LISTEN && inodes.has(fields[9]))
      .map((fields) => {
        const [address, port] = fields[1]!.split(':');
        // IPv4 addresses are printed as one little-endian word.
        const shown =
          address!.length === 8
            ? address!
                .match(/../g)!
                .reverse()
                .map((byte) => parseInt(byte, 16))
                .join('.')
            : address;
        return `${shown}:${parseInt(port!, 16)}`;
      }),
  );
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

// Each test starts database processes or servers: slow on a busy 2-core machine.
describe('Server start-up', { timeout: 180_000 }, () => {
  it('stops with a message naming the variable when the configuration is bad', async () => {
    const run = startServer({ PORT: 'eighty' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/Invalid configuration:\s+PORT/);
    noStackTrace(run.output());
  });

  it('serves the demo data from a fresh data directory, stops cleanly, and keeps its data', async () => {
    const port = await freePort();
    const first = startServer({ PORT: String(port) });
    await until(first, /Ready: http/);
    expect(first.output()).toMatch(/loading the demo dataset/);
    const count = await expertCount(port);
    expect(count).toBeGreaterThanOrEqual(150);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = startServer({ PORT: String(port) });
    await until(second, /Ready: http/);
    expect(second.output()).not.toMatch(/loading the demo dataset/);
    expect(await expertCount(port)).toBe(count);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
    // Ctrl-C stopped FerretDB and PostgreSQL before the server exited.
    expect(processesUsing(dataDir)).toEqual([]);
  });

  it('leaves no database process behind and starts again when the server is killed with -9', async () => {
    const port = await freePort();
    const first = startServer({ PORT: String(port) });
    await until(first, /Ready: http/);
    expect(processesUsing(dataDir).length).toBeGreaterThanOrEqual(2);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(await noneLeft(dataDir)).toEqual([]);
    const second = startServer({ PORT: String(port) });
    await until(second, /Ready: http/);
    expect(await expertCount(port)).toBeGreaterThanOrEqual(150);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('lets the command-line tools work through a server running on the same DATA_DIR', async () => {
    const server = startServer({ PORT: String(await freePort()) });
    await until(server, /Ready: http/);
    for (const tool of ['server/repair-counters.ts', 'server/seed.ts']) {
      const run = spawnTool(tool);
      expect(await run.exited, run.output()).toBe(0);
      expect(run.output()).not.toMatch(/Another server/);
    }
    const repair = spawnTool('server/repair-counters.ts');
    expect(await repair.exited).toBe(0);
    expect(repair.output()).toMatch(/replies\s+0 put right/);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('refuses a second server on the same DATA_DIR and names the first', async () => {
    const first = startServer({ PORT: String(await freePort()) });
    await until(first, /Ready: http/);
    const second = startServer({ PORT: String(await freePort()) });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(new RegExp(`Another server \\(pid ${first.child.pid}\\) is using DATA_DIR`));
    noStackTrace(second.output());
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  });

  it('keeps its embedded database to itself: FerretDB wants the password, PostgreSQL has no TCP port, the secrets are private', async () => {
    const server = startServer({ PORT: String(await freePort()) });
    await until(server, /Ready: http/);
    try {
      const uri = new URL(readFileSync(path.join(dataDir, 'private', 'mongodb-uri'), 'utf8').trim());
      expect(uri.hostname).toBe('127.0.0.1');
      const password = decodeURIComponent(uri.password);
      expect(readFileSync(path.join(dataDir, 'private', 'password'), 'utf8').trim()).toBe(password);

      // FerretDB: without credentials a client connects but may read nothing; a wrong password is refused.
      const anonymous = await mongoose.mongo.MongoClient.connect(`mongodb://127.0.0.1:${uri.port}/`, { serverSelectionTimeoutMS: 5_000 });
      try {
        await expect(anonymous.db('expertnetwork').collection('experts').findOne({})).rejects.toThrow(/requires authentication/i);
        await expect(anonymous.db('admin').command({ listDatabases: 1 })).rejects.toThrow(/requires authentication/i);
      } finally {
        await anonymous.close();
      }
      for (const [user, secret] of [
        [uri.username, `${password}x`],
        ['postgres', password],
        [uri.username, ''],
      ]) {
        const wrong = `mongodb://${user}:${encodeURIComponent(secret!)}@127.0.0.1:${uri.port}/?authMechanism=SCRAM-SHA-256`;
        await expect(mongoose.mongo.MongoClient.connect(wrong, { serverSelectionTimeoutMS: 5_000 }), `${user} with a wrong password`).rejects.toThrow(/Authentication failed/i);
      }

      // PostgreSQL listens on its private Unix socket only; FerretDB on loopback only.
      const postmaster = Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
      expect(tcpListeners(postmaster)).toEqual([]);
      const ferretdb = Number(processesUsing(path.join(dataDir, 'ferretdb'))[0]!.split(':')[0]);
      expect(tcpListeners(ferretdb)).toEqual([`127.0.0.1:${uri.port}`]);
      const socket = path.join(dataDir, 'run', '.s.PGSQL.5432');
      expect(statSync(socket).isSocket()).toBe(true);

      const mode = (file: string) => (statSync(path.join(dataDir, file)).mode & 0o777).toString(8);
      expect(Object.fromEntries(['private', 'run', 'pg'].map((dir) => [dir, mode(dir)]))).toEqual({ private: '700', run: '700', pg: '700' });
      const secrets = ['password', 'pgpass', 'postgresql-url', 'mongodb-uri'].map((name) => path.join('private', name));
      expect(Object.fromEntries(secrets.map((file) => [file, mode(file)]))).toEqual(Object.fromEntries(secrets.map((file) => [file, '600'])));
      // Nor does the password show in a process list.
      expect(processesUsing(dataDir).filter((line) => line.includes(password))).toEqual([]);
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
  });

  it('explains that a DATA_DIR of the former SQLite engine is not used, and changes nothing in it', async () => {
    const old = path.join(root, 'old-engine');
    mkdirSync(old);
    writeFileSync(path.join(old, 'expertnetwork.sqlite'), 'SQLite format 3');
    const run = startServer({ PORT: String(await freePort()), DATA_DIR: old });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/former embedded engine \(FerretDB 1\.24 on SQLite: expertnetwork\.sqlite\)/);
    noStackTrace(run.output());
    expect(readdirSync(old)).toEqual(['expertnetwork.sqlite']);
  });

  it('uses the MongoDB named by MONGODB_URI instead of starting its own, two servers started at once on an empty database', async () => {
    // As a deployment starts its instances: both create the collections and indexes at the same moment.
    const ports = [await freePort(), await freePort()];
    const runs = ports.map((port) => startServer({ PORT: String(port), MONGODB_URI: inject('mongoUri'), DB_NAME: 'startup_external' }));
    for (const run of runs) {
      await until(run, /Ready: http/);
      expect(run.output()).toMatch(/Database: MongoDB at 127\.0\.0\.1:\d+, database startup_external/);
      expect(run.output()).not.toMatch(/embedded/i);
    }
    // One demo between them, the same through both.
    const [first, second] = (await Promise.all(ports.map(publicCounts))) as [Counts, Counts];
    expect(second).toEqual(first);
    expect(first.experts).toBeGreaterThanOrEqual(150);
    expect(first.practices).toBeGreaterThanOrEqual(150);
    for (const run of runs) {
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    }
  });

  it('says the port is taken, without a stack trace, when another program holds it', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const { port } = blocker.address() as AddressInfo;
    const run = startServer({ PORT: String(port) });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain(`Port ${port} is already in use`);
    noStackTrace(run.output());
    blocker.close();
  });
});

/** As root every directory is writable: the server then runs as `nobody`, for whom it is not. */
function unprivileged(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(spawnSync('id', [flag, 'nobody'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

describe('A DATA_DIR the server cannot use', { timeout: 60_000 }, () => {
  const bad = path.join(root, 'bad');
  const plainFile = path.join(bad, 'plain-file');
  const readOnly = path.join(bad, 'read-only');
  // …/bad/ + the name + /run/.s.PGSQL.5432 is 108 bytes: one over the limit of a Unix socket's path.
  const tooDeep = path.join(bad, 'd'.repeat(107 - Buffer.byteLength(path.join(bad, 'run/.s.PGSQL.5432'))));

  it.each([
    { what: 'a regular file', dataDir: () => plainFile, says: /it is a file, not a directory/ },
    { what: 'a path below a regular file', dataDir: () => path.join(plainFile, 'data'), says: /plain-file is a file, not a directory/ },
    { what: 'a directory the server may not write in', dataDir: () => readOnly, says: /no file can be written in it: permission denied/ },
    { what: 'a path under /proc', dataDir: () => '/proc/expert-network-data', says: /inside \/proc/ },
    { what: "a path too long for PostgreSQL's socket", dataDir: () => tooDeep, says: /too long for PostgreSQL's socket \(.+ is 1\d\d bytes, the limit is 107\)/ },
  ])('stops at once with one line naming DATA_DIR and the problem when DATA_DIR is $what', async ({ dataDir, says }) => {
    mkdirSync(readOnly, { recursive: true });
    chmodSync(readOnly, 0o555);
    writeFileSync(plainFile, 'not a directory');
    const as = dataDir() === readOnly ? unprivileged() : undefined;

    const run = await runServerUntilExit({ DATA_DIR: dataDir() }, { as, withinMs: 20_000 });

    expect(run.code, run.stderr).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toContain(`DATA_DIR ${dataDir()} cannot be used:`);
    expect(lines[0]).toMatch(says);
    noStackTrace(run.stdout + run.stderr);
    // Refused before anything was made: no directory, no lock, no database process.
    expect(readdirSync(readOnly)).toEqual([]);
    expect(existsSync(tooDeep)).toBe(false);
    expect(processesUsing(bad)).toEqual([]);
  });
});
