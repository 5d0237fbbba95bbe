// How the benchmark measures: serial page timings over HTTP, load with autocannon, and the
// memory of a process tree read from /proc.
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { GraphQLRequest, Page } from './pages.ts';

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;
};

/** Sends GraphQL requests over HTTP as the web app does, anonymously or as the member. */
export class Client {
  constructor(
    readonly url: string,
    private readonly memberCookie: string,
  ) {}

  headers(member: boolean): Record<string, string> {
    return { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...(member ? { cookie: this.memberCookie } : {}) };
  }

  /** The data of one request; any GraphQL error fails the benchmark (it would measure an error page). */
  async ask(request: GraphQLRequest, member: boolean): Promise<any> {
    const response = await fetch(this.url, { method: 'POST', headers: this.headers(member), body: JSON.stringify(request) });
    const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
    if (!response.ok || body.errors?.length) throw new Error(`${request.operationName} answered ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
    return body.data;
  }

  /** One page: its steps in order, each step's requests together. */
  async show(page: Page): Promise<void> {
    for (const step of page.steps) await Promise.all(step.map((request) => this.ask(request, page.member)));
  }
}

export interface Timing {
  p50: number;
  p95: number;
  samples: number;
}

/** Page times in ms, one page after another, after a few unmeasured ones. */
export async function timeSerially(client: Client, page: Page, samples: number, warmup = 3): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await client.show(page);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await client.show(page);
    times.push(performance.now() - start);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), samples };
}

export interface LoadResult {
  connections: number;
  /** HTTP requests a second (a page of several requests counts each). */
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Connection errors, timeouts, non-2xx answers and answers carrying GraphQL errors. */
  errors: number;
  requests: number;
  /**
   * Set when no request came back within the run (each took longer under this load): the figures
   * are then those of one round instead, every connection's request sent at once and all awaited.
   */
  oneRound?: boolean;
}

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  /** Each connection sends these in turn, and again. */
  requests: { path?: string; body: string; headers: Record<string, string> }[];
  /** Changes each request just before it is sent (e.g. another writer's cookie). */
  prepare?: (request: { body?: string | Buffer; headers?: Record<string, string> }) => void;
  /** A sound answer; anything else counts as an error. */
  accept?: (body: string) => boolean;
  /** Seconds of unmeasured load first (default 1). */
  warmup?: number;
  /** Resolves once the server has finished the requests a run cut off. */
  settle?: () => Promise<unknown>;
}

/** A slow answer is still an answer: the limit is only there so that a hung request ends. */
const REQUEST_TIMEOUT_S = 120;

function cannon(options: LoadOptions, limit: { duration: number } | { amount: number }) {
  return autocannon({
    url: options.url,
    method: 'POST',
    connections: options.connections,
    timeout: REQUEST_TIMEOUT_S,
    ...limit,
    requests: options.requests.map((request) => ({
      method: 'POST' as const,
      ...(request.path ? { path: request.path } : {}),
      body: request.body,
      headers: request.headers,
      ...(options.prepare
        ? {
            setupRequest: (req: any) => {
              options.prepare!(req);
              return req;
            },
          }
        : {}),
    })),
    verifyBody: (body) => {
      const text = String(body ?? '');
      return options.accept ? options.accept(text) : !text.includes('"errors"');
    },
  });
}

/** autocannon over keep-alive connections, after a little unmeasured load. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const warmup = options.warmup ?? 1;
  if (warmup > 0) await cannon(options, { duration: warmup });
  let result = await cannon(options, { duration: options.seconds });
  let oneRound = false;
  if (result.requests.total < options.connections) {
    // The requests cut off at the end of the run are still being served: they finish first.
    await options.settle?.();
    result = await cannon(options, { amount: options.connections });
    oneRound = true;
  }
  return {
    connections: options.connections,
    requestsPerSecond: result.requests.total / (result.duration || options.seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
    requests: result.requests.total,
    ...(oneRound ? { oneRound } : {}),
  };
}

/** Resident memory of a process and all its descendants (PostgreSQL's backends are its children). */
export interface Memory {
  processes: number;
  /** Sum of the processes' RSS, MiB: pages shared between them (PostgreSQL's shared buffers) count once per process. */
  rss: number;
  /** Sum of PSS, MiB: shared pages split between their sharers; what the tree really holds. */
  pss: number;
}

function children(): Map<number, number[]> {
  const byParent = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name is in parentheses and may hold spaces: the parent pid follows the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      byParent.set(parent, [...(byParent.get(parent) ?? []), Number(entry)]);
    } catch {
      /* it ended meanwhile */
    }
  }
  return byParent;
}

const kib = (text: string, field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);

/** Memory of `pid` and, with `descendants`, of every process under it. */
export function memoryOf(pid: number | undefined, descendants: boolean): Memory | null {
  if (!pid) return null;
  const byParent = descendants ? children() : new Map<number, number[]>();
  const tree: number[] = [];
  const visit = (p: number) => {
    tree.push(p);
    for (const child of byParent.get(p) ?? []) visit(child);
  };
  visit(pid);
  let rss = 0;
  let pss = 0;
  let processes = 0;
  for (const p of tree) {
    try {
      rss += kib(readFileSync(`/proc/${p}/status`, 'utf8'), 'VmRSS');
      pss += kib(readFileSync(`/proc/${p}/smaps_rollup`, 'utf8'), 'Pss');
      processes++;
    } catch {
      /* it ended meanwhile */
    }
  }
  return processes ? { processes, rss: rss / 1024, pss: pss / 1024 } : null;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && !('_bsontype' in value);

/** Ends the shape of a read of a newest-first list's older date window. */
export const OLDER_WINDOW = ' (older window)';

/**
 * What a database command asks, without its values: `find practices {"$and":[{"status":"…"}]}`.
 * Two requests that read the same way give the same lines, whatever ids they read.
 */
export function shapeOf(commandName: string, command: Record<string, any>): string {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.some(isPlainObject) ? value.map(strip) : '…';
    if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strip(v)]));
    return '…';
  };
  const collection = typeof command[commandName] === 'string' ? command[commandName] : '';
  const asked = command.filter ?? command.query ?? (command.pipeline as object[] | undefined)?.map((stage) => Object.keys(stage)[0]);
  return [commandName, collection, asked === undefined ? '' : JSON.stringify(Array.isArray(asked) ? asked : strip(asked))].filter(Boolean).join(' ');
}
