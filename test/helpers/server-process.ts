import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { rootDir } from '../../server/config.ts';
import { demoEmail } from '../../seeds/load.ts';

/*
 * Real server processes (`tsx server/main.ts`) and a GraphQL client that talks to them over HTTP
 * as a browser behind a proxy would: its own address in X-Forwarded-For (the servers run with
 * TRUST_PROXY=true, so that each person's sign-in counts against their own address) and the
 * session cookie the sign-in returned.
 */

/** The password of every demo account (README, "Demo accounts"). */
export const DEMO_PASSWORD = 'chuyengia-demo-2026';

export interface ServerProcess {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** The `tsx` wrapper; the server itself is its child (its pid is in DATA_DIR/server.lock). */
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** Its exit code, or the signal that ended it. */
  exited: Promise<number | NodeJS.Signals | null>;
  /** SIGTERM, then its exit code. */
  stop(): Promise<number | NodeJS.Signals | null>;
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The TypeScript server as tsx runs it; `npm start` runs the compiled one instead (server/build.mjs). */
const typeScriptServer = [path.join(rootDir, 'node_modules/.bin/tsx'), 'server/main.ts'] as const;

/**
 * Starts `tsx server/main.ts` (or `command`) with only the variables given (plus PATH and HOME,
 * and the engine's source directory when the run has one) and waits until it says it is ready.
 */
export async function startServerProcess(env: Record<string, string>, readyWithinMs = 180_000, command: readonly string[] = typeScriptServer, cwd = rootDir): Promise<ServerProcess> {
  const port = env.PORT ?? String(await freePort());
  let printed = '';
  const [program, ...args] = command;
  const child = spawn(program!, args, {
    cwd,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...(process.env.ENGINE_SOURCES_DIR ? { ENGINE_SOURCES_DIR: process.env.ENGINE_SOURCES_DIR } : {}),
      LOG_LEVEL: 'info',
      TRUST_PROXY: 'true',
      ...env,
      PORT: port,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (printed += chunk));
  child.stderr!.on('data', (chunk) => (printed += chunk));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const deadline = Date.now() + readyWithinMs;
  while (!/Ready: http/.test(printed)) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The server exited before it was ready:\n${printed}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server was not ready within ${readyWithinMs} ms:\n${printed}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => printed,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** How a server that was expected to refuse to start ended. */
export interface RefusedStart {
  code: number | null;
  stdout: string;
  stderr: string;
  /** From spawn to exit. */
  ms: number;
}

/**
 * Runs `server/main.ts` (one node process) with only the variables given, as the user `as` when
 * given, until it exits; it is killed, and the test fails, if it still runs after `withinMs`.
 */
export async function runServerUntilExit(env: Record<string, string>, options: { as?: { uid: number; gid: number }; withinMs?: number } = {}): Promise<RefusedStart> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: rootDir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', PORT: String(await freePort()), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.as ? { uid: options.as.uid, gid: options.as.gid } : {}),
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const withinMs = options.withinMs ?? 20_000;
  const timer = setTimeout(() => child.kill('SIGKILL'), withinMs);
  const code = await new Promise<number | null>((resolve) => child.once('close', (exitCode) => resolve(exitCode)));
  clearTimeout(timer);
  const ms = Date.now() - started;
  if (ms >= withinMs) throw new Error(`The server was still running after ${withinMs} ms:\n${stdout}${stderr}`);
  return { code, stdout, stderr, ms };
}

/** What came back for one operation: the HTTP status and the GraphQL body. */
export interface Answer<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** One person (or a signed-out visitor) with their own address and, once signed in, a session. */
export class Browser {
  cookie = '';

  constructor(readonly address: string) {}

  /** Sends one operation to a server; throws when the connection fails (no answer at all). */
  async send<T = any>(serverUrl: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer<T>> {
    const response = await fetch(`${serverUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        'x-forwarded-for': this.address,
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    let body: Omit<Answer<T>, 'status'>;
    try {
      body = JSON.parse(text);
    } catch {
      body = { errors: [{ message: text }] };
    }
    return { status: response.status, ...body };
  }

  /** Like send, but the operation must succeed without GraphQL errors: its data. */
  async read<T = any>(serverUrl: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const answer = await this.send<T>(serverUrl, query, variables);
    if (answer.status !== 200 || answer.errors?.length || !answer.data) {
      throw new Error(`${query.trim().split('\n')[0]} failed with HTTP ${answer.status}: ${JSON.stringify(answer.errors ?? answer)}`);
    }
    return answer.data;
  }

  /** Signs a demo person in on that server; the session then works on every server of the database. */
  signIn(serverUrl: string, handle: string): Promise<{ id: string; handle: string }> {
    return this.signInWith(serverUrl, demoEmail(handle), DEMO_PASSWORD);
  }

  /** Signs in with an email and password on that server. */
  async signInWith(serverUrl: string, email: string, password: string): Promise<{ id: string; handle: string }> {
    const response = await fetch(`${serverUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': this.address },
      body: JSON.stringify({
        query: `mutation ($input: SignInInput!) { signIn(input: $input) { __typename ... on SignInPayload { viewer { id handle } } ... on Error { code message } } }`,
        variables: { input: { email, password } },
      }),
    });
    const body = await response.json();
    const result = body.data?.signIn;
    if (result?.__typename !== 'SignInPayload') throw new Error(`${email} could not sign in: ${JSON.stringify(body)}`);
    const session = response.headers.getSetCookie().find((line) => line.startsWith('session='));
    this.cookie = session!.split(';')[0]!;
    return result.viewer;
  }
}

/** Runs `task` for every item, at most `width` at a time; the results in item order. */
export async function inParallel<I, R>(items: readonly I[], width: number, task: (item: I, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return results;
}
