// `npm run bench`: seeds the demo network and a synthetic one at one or more scales into a fresh
// database, runs the product's HTTP server in a child process, and measures it over HTTP:
// serial page times, throughput under load (autocannon), database commands per request,
// GraphQL's cost next to a plain endpoint making the same reads, resident memory, bundle sizes.
// Writes test/bench/RESULTS.md; the targets are checked there and summarised on stdout.
//
// Environment:
//   BENCH_SCALES=1,4       the scales measured, in one run (BENCH_SCALE=n for one); default 1
//   BENCH_REQUESTS=40      serial page loads per page (after 3 unmeasured)
//   BENCH_SECONDS=6        seconds of load per autocannon run (after 1 unmeasured)
//   BENCH_CONCURRENCY=1,16,64
//   BENCH_MONGODB_URI      measure this database server (MongoDB, or FerretDB elsewhere) instead
//                          of starting the embedded one; the database BENCH_DB (default "bench")
//                          is dropped first
//   BENCH_CPU_PROFILE=dir  write a V8 CPU profile of the server process per scale into dir
//                          (open it in Chrome's DevTools)
import { fork, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import mongoose from 'mongoose';
import { Reply, Thread } from '../../schema/discussion/model.ts';
import { anyOf } from '../../schema/query.ts';
import { createSession } from '../../schema/session/service.ts';
import { connectDatabase, disconnectDatabase } from '../../server/db/connection.ts';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../server/db/embedded.ts';
import { sessionCookieName } from '../../server/http.ts';
import { demoExpertId } from '../../seeds/load.ts';
import { Dataset, sizeOf } from './dataset.ts';
import { Client, load, memoryOf, timeSerially } from './measure.ts';
import { hostileRequests } from './hostile.ts';
import { measureTransfer, transferTable } from './transfer.ts';
import { globalId, pageSizePairs, planPages, replyRequest, type Fixtures, type GraphQLRequest, type Page } from './pages.ts';
import { bundleRows, writeResults, type Results, type ScaleResults } from './report.ts';
import type { CommandsMessage, ReadyMessage, ToServer } from './server.ts';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const numbers = (text: string) => text.split(',').map((s) => Number(s.trim()));

const scales = numbers(process.env.BENCH_SCALES ?? process.env.BENCH_SCALE ?? '1');
const samples = Number(process.env.BENCH_REQUESTS ?? 40);
const seconds = Number(process.env.BENCH_SECONDS ?? 6);
const concurrencies = numbers(process.env.BENCH_CONCURRENCY ?? '1,16,64');
const externalUri = process.env.BENCH_MONGODB_URI;
const dbName = process.env.BENCH_DB ?? 'bench';
const cpuProfileDir = process.env.BENCH_CPU_PROFILE ? path.resolve(process.env.BENCH_CPU_PROFILE) : undefined;

if (scales.some((s) => !(s >= 1)) || scales.some((s, i) => i && s <= scales[i - 1]!)) throw new Error('BENCH_SCALES: increasing numbers from 1, e.g. 1,4');
if (![samples, seconds, ...concurrencies].every((n) => Number.isInteger(n) && n > 0)) throw new Error('BENCH_REQUESTS, BENCH_SECONDS and BENCH_CONCURRENCY take positive integers.');

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s`;
const say = (line: string) => console.log(`[bench ${elapsed()}] ${line}`);

/** The pages put under load, and posting a reply. */
const LOADED = ['home', 'practices', 'thread-200', 'directory-filtered', 'search'];
/** Connections sending the worst requests at once, as fast as they are answered. */
const HOSTILE_CONNECTIONS = 2;
/** Rounds of a quiet run then an attacked one: the target is read on the median round. */
const HOSTILE_ROUNDS = 3;
/** Distinct people posting replies: the write limit (60 a minute each) is never what is measured. */
const WRITERS = 1000;
/** Threads the replies go to (demo threads, none of the pages measured). */
const REPLY_THREADS = 32;
/** Longest wait, in seconds, for the work a load run left behind before the next starts. */
const DRAIN_LIMIT = 90;
/**
 * GraphQL's home feed and the plain endpoint are compared in alternating short runs, so that the
 * load other users put on the machine falls on both alike.
 */
const PAIRED_ROUNDS = 3;
const PAIRED_SECONDS = 2;

interface Server {
  child: ChildProcess;
  url: string;
  plainUrl: string;
  commands(): Promise<CommandsMessage>;
  trace(on: boolean): void;
  /** Enforces the per-person read budgets (schema/limits.ts), lifted otherwise. */
  readBudgets(on: boolean): void;
  /** Forgets what every sender has spent of every limit. */
  resetLimits(): void;
  /** Seconds until the server had finished what the last load left behind (at most `limit`). */
  drain(limit: number): Promise<number>;
  stop(): Promise<void>;
}

async function startServer(uri: string): Promise<Server> {
  const child = fork(path.join(benchDir, 'server.ts'), [], {
    execArgv: ['--import', 'tsx', ...(cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [])],
    env: { ...process.env, BENCH_URI: uri, BENCH_DB: dbName },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // One answer awaited per message type; an answer nobody awaits any more (a drain given up) is dropped.
  const waiting = new Map<string, (message: any) => void>();
  child.on('message', (message: { type: string }) => {
    const resolve = waiting.get(message.type);
    waiting.delete(message.type);
    resolve?.(message);
  });
  const ask = <T>(type: string, message?: ToServer) =>
    new Promise<T>((resolve) => {
      waiting.set(type, resolve);
      if (message) child.send(message);
    });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`The bench server exited (${code}).`))));
  exited.catch(() => {});
  const ready = await Promise.race([ask<ReadyMessage>('ready'), exited]);
  return {
    child,
    url: `http://127.0.0.1:${ready.port}/graphql`,
    plainUrl: `http://127.0.0.1:${ready.plainPort}`,
    commands: () => ask<CommandsMessage>('commands', { type: 'commands' }),
    trace: (on) => child.send({ type: 'trace', on } satisfies ToServer),
    readBudgets: (on) => child.send({ type: 'read-budgets', on } satisfies ToServer),
    resetLimits: () => child.send({ type: 'reset-limits' } satisfies ToServer),
    drain: async (limit) => {
      const start = performance.now();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([ask('idle', { type: 'idle', quietMs: 500 }), new Promise<void>((resolve) => (timer = setTimeout(resolve, limit * 1000)))]);
      clearTimeout(timer);
      waiting.delete('idle');
      return (performance.now() - start) / 1000;
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}

/** The commands one run of `send` issues, as "name collection" lines, sorted. */
async function traceOf(server: Server, send: () => Promise<unknown>): Promise<string[]> {
  await send();
  server.trace(true);
  await send();
  const { trace } = await server.commands();
  server.trace(false);
  return trace.sort();
}

function fixtures(dataset: Dataset): Fixtures & { replyThreads: string[] } {
  return {
    practiceId: globalId('Practice', dataset.practiceId),
    shortThreadId: globalId('Thread', dataset.shortThreadId),
    longThreadId: globalId('Thread', dataset.longThreadId),
    replyThreads: dataset.replyTargets(REPLY_THREADS).map((id) => globalId('Thread', id)),
  };
}

interface Cookies {
  member: string;
  /** One signed-in writer each: synthetic people of scale 1. */
  writers: string[];
}

async function signIn(dataset: Dataset): Promise<Cookies> {
  const cookieName = sessionCookieName({ NODE_ENV: 'production' });
  const cookie = async (id: unknown) => `${cookieName}=${(await createSession(String(id), 'bench')).token}`;
  const writers: string[] = [];
  for (const person of dataset.writers(WRITERS)) writers.push(await cookie(person.id));
  return { member: await cookie(demoExpertId('linhnt')), writers };
}

async function measureScale(scale: number, dataset: Dataset, uri: string, database: EmbeddedDatabase | null, cookiesOf: () => Promise<Cookies>): Promise<ScaleResults> {
  const seedStart = performance.now();
  await dataset.growTo(scale);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const counts = {
    people: await mongoose.connection.collection('experts').estimatedDocumentCount(),
    practices: await mongoose.connection.collection('practices').estimatedDocumentCount(),
    threads: await mongoose.connection.collection('threads').estimatedDocumentCount(),
    replies: await mongoose.connection.collection('replies').estimatedDocumentCount(),
  };
  say(`scale ${scale}: ${JSON.stringify(counts)}, seeded in ${seedSeconds.toFixed(0)} s`);

  const cookies = await cookiesOf();
  const server = await startServer(uri);
  try {
    const client = new Client(server.url, cookies.member);
    const fixed = fixtures(dataset);
    const pages = await planPages(fixed, (request, member) => client.ask(request, member));
    const loadBefore = loadavg()[0]!;

    const transfer = scale === scales[0] ? transferTable(await measureTransfer(server.url.replace(/\/graphql$/, ''))) : null;
    if (transfer) say(`first load per page:\n${transfer.join('\n')}`);

    say('serial page loads');
    const serial: ScaleResults['serial'] = [];
    for (const page of pages) {
      for (let i = 0; i < 3; i++) await client.show(page);
      const before = (await server.commands()).count;
      const timing = await timeSerially(client, page, samples, 0);
      const commands = ((await server.commands()).count - before) / samples;
      serial.push({ key: page.key, label: page.label, list: page.list, requests: page.steps.flat().length, commands, ...timing });
      say(`  ${page.label}: p50 ${timing.p50.toFixed(1)} ms, p95 ${timing.p95.toFixed(1)} ms, ${commands.toFixed(1)} commands`);
    }

    say('database commands at page sizes 10 and 50');
    const pageSizes: ScaleResults['pageSizes'] = [];
    for (const pair of pageSizePairs(fixed)) {
      const at = (first: number) => traceOf(server, () => client.ask(pair.at(first), pair.member));
      pageSizes.push({ label: pair.label, at10: await at(10), at50: await at(50) });
    }

    say('the home feed: GraphQL and the plain endpoint, command by command');
    const home = pages.find((p) => p.key === 'home')!;
    const plainHome = async () => {
      for (const route of ['/home/practices', '/home/threads']) {
        const response = await fetch(server.plainUrl + route, { method: 'POST', headers: client.headers(true), body: '{}' });
        if (!response.ok) throw new Error(`The plain endpoint answered ${response.status} on ${route}`);
        await response.arrayBuffer();
      }
    };
    const homeCommands = { graphql: await traceOf(server, () => client.show(home)), plain: await traceOf(server, plainHome) };

    const toLoad = (page: Page) => page.steps.flat().map((request) => ({ body: JSON.stringify(request), headers: client.headers(page.member) }));
    const loads: ScaleResults['loads'] = [];
    const run = async (key: string, label: string, perPage: number, options: (connections: number) => Parameters<typeof load>[0]) => {
      const results: ScaleResults['loads'][number]['results'] = [];
      for (const connections of concurrencies) {
        // Requests a client gave up on still run to their end: the next run starts after them.
        const drained = await server.drain(DRAIN_LIMIT);
        const loadAverage = loadavg()[0]!;
        const result = { ...(await load({ ...options(connections), settle: () => server.drain(DRAIN_LIMIT) })), drained, loadAverage };
        results.push(result);
        say(
          `  ${label}, ${connections} connections: ${result.requestsPerSecond.toFixed(1)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.errors} errors${result.oneRound ? ' (one round: none came back within the run)' : ''} (load average ${loadAverage.toFixed(1)}${drained > 1 ? `, ${drained.toFixed(0)} s to drain the previous run` : ''})`,
        );
      }
      loads.push({ key, label, requestsPerPage: perPage, results });
    };

    say(`load: ${seconds} s per run at ${concurrencies.join(', ')} connections`);
    for (const key of LOADED) {
      const page = pages.find((p) => p.key === key)!;
      await run(key, page.label, page.steps.flat().length, (connections) => ({ url: server.url, connections, seconds, requests: toLoad(page) }));
    }

    say('a normal request, quiet and beside the worst requests');
    const normal = pages.find((p) => p.key === 'practice')!;
    const from = (address: string) => (request: { body: string; headers: Record<string, string> }) => ({ ...request, headers: { ...request.headers, 'x-forwarded-for': address } });
    const normalLoad = { url: server.url, connections: 1, seconds, requests: toLoad(normal).map(from('198.51.100.10')) };
    const hostile: ScaleResults['hostile'] = [];
    for (let round = 1; round <= HOSTILE_ROUNDS; round++) {
      await server.drain(DRAIN_LIMIT);
      const quiet = await load(normalLoad);
      await server.drain(DRAIN_LIMIT);
      // Budgets on: they are what makes most of the worst requests cheap. The attack starts with the normal run's warm-up and outlasts it; refusals are its expected answers.
      const attack = load({
        url: server.url,
        connections: HOSTILE_CONNECTIONS,
        seconds: seconds + 1,
        requests: hostileRequests().map((r) => from('203.0.113.66')({ ...r, headers: client.headers(false) })),
        accept: () => true,
      });
      server.readBudgets(true);
      const [attacked, attacker] = await Promise.all([load(normalLoad), attack]);
      server.readBudgets(false);
      // Each round's attacker starts with fresh budgets, as a new one would.
      server.resetLimits();
      hostile.push({ quiet, attacked, attacker });
      say(
        `  ${normal.label}, round ${round}: p99 ${quiet.p99} ms quiet, ${attacked.p99} ms beside ${HOSTILE_CONNECTIONS} connections of the worst requests (${attacker.requestsPerSecond.toFixed(1)} req/s of them)`,
      );
    }

    say('the home feed against the plain endpoint, in alternating runs');
    const plainLoad = (connections: number, warmup: number) => ({
      url: server.plainUrl,
      connections,
      seconds: PAIRED_SECONDS,
      warmup,
      requests: ['/home/practices', '/home/threads'].map((route) => ({ path: route, body: '{}', headers: client.headers(true) })),
      accept: (body: string) => body.startsWith('{"data"'),
    });
    const graphqlLoad = (connections: number, warmup: number) => ({ url: server.url, connections, seconds: PAIRED_SECONDS, warmup, requests: toLoad(home) });
    const paired: ScaleResults['paired'] = [];
    for (const connections of concurrencies) {
      // Overloaded (no answer within a run), the two only differ by how long the database takes.
      if (loads.find((l) => l.key === 'home')!.results.find((r) => r.connections === connections)?.oneRound) continue;
      const rounds: { graphql: number; plain: number }[] = [];
      for (let round = 0; round < PAIRED_ROUNDS; round++) {
        const warmup = round === 0 ? 1 : 0;
        await server.drain(DRAIN_LIMIT);
        const graphql = (await load(graphqlLoad(connections, warmup))).requestsPerSecond;
        await server.drain(DRAIN_LIMIT);
        const plain = (await load(plainLoad(connections, warmup))).requestsPerSecond;
        rounds.push({ graphql, plain });
      }
      const sum = (key: 'graphql' | 'plain') => rounds.reduce((total, r) => total + r[key], 0);
      paired.push({ connections, graphql: sum('graphql') / rounds.length, plain: sum('plain') / rounds.length, ratios: rounds.map((r) => r.graphql / r.plain) });
      say(
        `  ${connections} connections: GraphQL ${(sum('graphql') / rounds.length).toFixed(1)} req/s, plain ${(sum('plain') / rounds.length).toFixed(1)} req/s: ${(sum('graphql') / sum('plain')).toFixed(2)}`,
      );
    }

    let posted = 0;
    /** The ids of the replies answered as posted, warm-up runs included. */
    const acknowledged = new Set<string>();
    await run('post-reply', 'posting a reply', 1, (connections) => ({
      url: server.url,
      connections,
      seconds,
      requests: [{ body: '', headers: client.headers(false) }],
      // Each reply from the next writer, to the next thread: the write limit is per person.
      prepare: (request) => {
        const n = posted++;
        request.headers = { ...request.headers, cookie: cookies.writers[n % cookies.writers.length]! };
        const reply: GraphQLRequest = replyRequest(fixed.replyThreads[n % fixed.replyThreads.length]!, `Bên em cũng làm như vậy, kết quả tương tự (ghi chú ${n}).`);
        request.body = JSON.stringify(reply);
      },
      accept: (body) => {
        const id = body.includes('"ReplyToThreadPayload"') ? /"reply":\{"id":"([^"]+)"/.exec(body)?.[1] : undefined;
        if (id) acknowledged.add(id);
        return Boolean(id);
      },
    }));

    await server.drain(DRAIN_LIMIT);
    // Concurrent replies must each be counted once by their thread (an $inc lost or doubled shows here).
    const replyCounts = await Promise.all(
      dataset.replyTargets(REPLY_THREADS).map(async (id) => {
        const stored = (await Thread.findById(id, { replyCount: 1 }).lean())?.replyCount ?? 0;
        return { stored, actual: await Reply.countDocuments({ thread: id, deleted: false }) };
      }),
    );
    const counters = {
      threads: replyCounts.length,
      wrong: replyCounts.filter((c) => c.stored !== c.actual).length,
      acknowledged: acknowledged.size,
      stored: await Reply.countDocuments({ _id: anyOf([...acknowledged]) }),
    };
    say(`replies: ${counters.acknowledged} acknowledged, ${counters.stored} of them stored; reply counts of the ${counters.threads} threads written to: ${counters.wrong} wrong`);

    const pids = database?.pids() ?? {};
    const memory = {
      // The server alone: tsx's esbuild helper, its child, is no part of the product.
      server: memoryOf(server.child.pid, false),
      // The launcher execs each engine program, so these are FerretDB and the postmaster themselves.
      ferretdb: memoryOf(pids.ferretdb, true),
      postgres: memoryOf(pids.postgres, true),
    };
    say(`memory: ${JSON.stringify(memory)}`);
    return { scale, transfer, size: sizeOf(scale), counts, seedSeconds, loadBefore, loadAfter: loadavg()[0]!, serial, pageSizes, homeCommands, loads, hostile, paired, counters, memory };
  } finally {
    await server.stop();
  }
}

async function main() {
  let database: EmbeddedDatabase | null = null;
  let dataDir: string | null = null;
  let uri = externalUri;
  if (!uri) {
    dataDir = mkdtempSync(path.join(tmpdir(), 'expert-network-bench-'));
    // mkdtemp makes it 0700; run as root, PostgreSQL runs as "postgres" and must pass through it.
    chmodSync(dataDir, 0o711);
    say('starting the embedded database');
    database = await startEmbeddedDatabase({ dataDir, say: (line) => say(`  ${line}`) });
    uri = database.uri;
  }
  try {
    // Dropped before connecting: connecting creates the declared indexes, and an old database's may differ.
    const admin = new mongoose.mongo.MongoClient(uri);
    await admin.db(dbName).dropDatabase();
    const buildInfo = await admin.db(dbName).command({ buildInfo: 1 });
    await admin.close();
    await connectDatabase(uri, { dbName });
    const engine = externalUri
      ? `the database at BENCH_MONGODB_URI (MongoDB ${buildInfo.version}${buildInfo.ferretdb ? `, FerretDB ${buildInfo.ferretdb.version}` : ''})`
      : `the embedded PostgreSQL 15 + DocumentDB + FerretDB ${buildInfo.ferretdb?.version ?? ''}`.trim();

    say('loading the demo network');
    const dataset = new Dataset((line) => say(`  ${line}`));
    await dataset.loadDemo();
    let cookies: Promise<Cookies> | null = null;
    const cookiesOf = () => (cookies ??= signIn(dataset));

    const results: Results = {
      date: new Date(),
      engine,
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', memoryGiB: totalmem() / 2 ** 30, node: process.version },
      samples,
      seconds,
      concurrencies,
      pairing: { rounds: PAIRED_ROUNDS, seconds: PAIRED_SECONDS },
      scales: [],
      bundles: bundleRows(),
      external: Boolean(externalUri),
    };
    for (const scale of scales) results.scales.push(await measureScale(scale, dataset, uri, database, cookiesOf));
    const summary = writeResults(results);
    console.log(summary);
    say('written test/bench/RESULTS.md');
  } finally {
    await disconnectDatabase();
    await database?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
