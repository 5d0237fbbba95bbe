// The server under measurement, in a process of its own so that its memory is its own and the
// load generator does not share its event loop: the product's HTTP server (GraphQL, production
// settings) and, beside it, the plain endpoint it is compared with. The benchmark (run.ts) starts
// it with fork() and talks to it over the IPC channel:
//   -> { type: 'ready', port, plainPort }      once both listen on 127.0.0.1
//   <- { type: 'commands' } -> { type: 'commands', count, log? }   database commands so far
//   <- { type: 'trace', on } to keep (or stop keeping) the shape of each command
//   <- { type: 'idle', quietMs } -> { type: 'idle' } once the database has been quiet that long
//   <- { type: 'read-budgets', on } to enforce the read budgets (off at first: see below)
//   <- { type: 'reset-limits' } to forget what every sender spent of every limit
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import mongoose from 'mongoose';
import { loadConfig } from '../../server/config.ts';
import { connectDatabase } from '../../server/db/connection.ts';
import { createHttpServer } from '../../server/http.ts';
import { createLogger } from '../../server/logger.ts';
import { liftBenchLimits, resetRateLimits } from '../../schema/limits.ts';
import { OLDER_WINDOW, shapeOf } from './measure.ts';
import { OLDER_WINDOW_COMMENT } from '../../schema/connection.ts';
import { createPlainHomeServer } from './plain-home.ts';

export interface ReadyMessage {
  type: 'ready';
  port: number;
  plainPort: number;
}
export interface CommandsMessage {
  type: 'commands';
  count: number;
  trace: string[];
}
/** Answered when no command has been in flight for `quietMs` (requests abandoned by a load run still finish after it). */
export interface IdleMessage {
  type: 'idle';
}
export type ToServer = { type: 'commands' } | { type: 'trace'; on: boolean } | { type: 'idle'; quietMs: number } | { type: 'read-budgets'; on: boolean } | { type: 'reset-limits' };

const uri = process.env.BENCH_URI;
const dbName = process.env.BENCH_DB ?? 'bench';
if (!uri || !process.send) throw new Error('test/bench/server.ts is started by test/bench/run.ts.');
const send = process.send.bind(process);

await connectDatabase(uri, { dbName, monitorCommands: true });
let count = 0;
let trace: string[] | null = null;
/** Commands sent and not answered yet, and when the database was last asked or answered. */
let inFlight = 0;
let lastActivity = Date.now();
const client = mongoose.connection.getClient();
client.on('commandStarted', (event) => {
  count++;
  inFlight++;
  lastActivity = Date.now();
  trace?.push(shapeOf(event.commandName, event.command) + (event.command.comment === OLDER_WINDOW_COMMENT ? OLDER_WINDOW : ''));
});
for (const ended of ['commandSucceeded', 'commandFailed'] as const) {
  client.on(ended, () => {
    inFlight--;
    lastActivity = Date.now();
  });
}

// One member here sends what thousands of people would: the per-person read budgets would measure
// refusals. They are enforced for the run beside the worst requests, which they are there for.
liftBenchLimits(true);

const logger = createLogger('silent', false);
// Behind one proxy, as in production: the run beside the worst requests sends them, and the normal
// requests, as from two addresses (X-Forwarded-For); every other run comes from the socket's.
const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', TRUST_PROXY: '1' });
const { server } = createHttpServer(config, logger);
const plain = createPlainHomeServer(mongoose.connection.getClient().db(dbName));

const listen = (s: Server) =>
  new Promise<number>((resolve, reject) => {
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port));
  });
// autocannon keeps up to 64 connections open; the defaults would close idle ones mid-run.
for (const s of [server, plain]) s.keepAliveTimeout = 60_000;

send({ type: 'ready', port: await listen(server), plainPort: await listen(plain) } satisfies ReadyMessage);

process.on('message', (message: ToServer) => {
  if (message.type === 'trace') trace = message.on ? [] : null;
  if (message.type === 'read-budgets') liftBenchLimits(!message.on);
  if (message.type === 'reset-limits') resetRateLimits();
  if (message.type === 'commands') send({ type: 'commands', count, trace: trace ?? [] } satisfies CommandsMessage);
  if (message.type === 'idle') {
    const check = () => (inFlight <= 0 && Date.now() - lastActivity >= message.quietMs ? send({ type: 'idle' } satisfies IdleMessage) : setTimeout(check, 100));
    check();
  }
});
// The benchmark ending, however it ends, ends this process.
process.on('disconnect', () => process.exit(0));
