import { createHash, timingSafeEqual } from 'node:crypto';
import { unwrapError } from '@pothos/plugin-errors';
import { getOperationAST, type DocumentNode, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { mongo } from 'mongoose';
import { collectDefaultMetrics, Counter, Histogram, Registry, type Metric } from 'prom-client';
import type { Config } from './config.ts';

/*
 * Prometheus metrics. Each HTTP server gets its own registry (tests create many servers in one
 * process, and each wants counts of its own requests); the facts of the process itself (CPU,
 * memory, event loop, database commands, supervisor restarts) are single metric objects that
 * every registry shares, so they are neither registered twice nor split between servers.
 */

const PREFIX = 'expertnetwork_';

/**
 * Operation names come from clients, and every distinct label value costs memory for as long as
 * the process lives. A name is admitted only once an operation carrying it has passed
 * validation, and only this many per registry; the web app uses well under a hundred.
 */
export const OPERATION_NAME_LIMIT = 200;
const OPERATION_NAME_LENGTH = 64;
/** Error codes and command names come from our code and the driver, but are bounded all the same. */
const CODE_LIMIT = 50;
const COMMAND_LIMIT = 50;

export const ANONYMOUS = '(anonymous)';
/** Any operation not admitted: unparsable, never valid, over the limit, or refused before reading. */
export const OTHER = '(other)';

export type Outcome = 'ok' | 'error' | 'masked' | 'rejected';

const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,39}$/;
const COMMAND_NAME = /^[A-Za-z]{1,40}$/;

/** The facts of this process, shared by every registry; made on first use, not on import. */
let processMetrics: ReturnType<typeof createProcessMetrics> | undefined;

function createProcessMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const commandDuration = new Histogram({
    name: `${PREFIX}db_command_duration_seconds`,
    help: 'Database commands as the driver saw them, by command name and outcome (ok or failed).',
    labelNames: ['command', 'outcome'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const restarts = new Counter({
    name: `${PREFIX}supervisor_restarts_total`,
    help: 'Restarts of the embedded database processes after they stopped unexpectedly.',
    labelNames: ['process'] as const,
    registers: [registry],
  });
  // Zero from the start, so that rate() and alerts see the first restart.
  for (const name of ['postgres', 'ferretdb']) restarts.inc({ process: name }, 0);
  return { registry, commandDuration, restarts, commandNames: new Set<string>() };
}

function shared() {
  processMetrics ??= createProcessMetrics();
  return processMetrics;
}

/** Called by the embedded database's supervisor each time it starts a process again. */
export function recordSupervisorRestart(processName: 'postgres' | 'ferretdb'): void {
  shared().restarts.inc({ process: processName });
}

type CommandClient = Pick<mongo.MongoClient, 'on'>;
const observedClients = new WeakSet<object>();

/**
 * Times every command the driver reports. Needs a client connected with `monitorCommands: true`
 * (otherwise the driver emits nothing). Listens once per client, however many servers ask.
 */
export function observeDatabaseCommands(client: CommandClient): void {
  if (observedClients.has(client)) return;
  observedClients.add(client);
  const { commandDuration, commandNames } = shared();
  const label = (name: string) => {
    if (commandNames.has(name)) return name;
    if (!COMMAND_NAME.test(name) || commandNames.size >= COMMAND_LIMIT) return 'other';
    commandNames.add(name);
    return name;
  };
  client.on('commandSucceeded', (event) => commandDuration.observe({ command: label(event.commandName), outcome: 'ok' }, event.duration / 1000));
  client.on('commandFailed', (event) => commandDuration.observe({ command: label(event.commandName), outcome: 'failed' }, event.duration / 1000));
}

/** What one GraphQL request turned out to be, gathered across Yoga's hooks. */
interface RequestRecord {
  startedAt: bigint;
  /** The selected operation's name, once the document parsed (null: anonymous). */
  name?: string | null;
  executed: boolean;
  masked: boolean;
  codes: string[];
}

/** Where a mutation's wrapped resolver reports typed errors; put into the context by the plugin. */
const typedErrorSink = Symbol('metrics.typedErrors');
const instrumentedSchemas = new WeakSet<GraphQLSchema>();

/**
 * A mutation that ends in a typed error (ValidationError, NotAuthorizedError...) answers 200
 * with data, and without `__typename` in the selection nothing in the result tells it from a
 * success. So the root mutation resolvers are wrapped once per schema, and report an error
 * result when a metrics plugin asked for it through the context (otherwise they do nothing).
 */
function instrumentTypedErrors(schema: GraphQLSchema) {
  if (instrumentedSchemas.has(schema)) return;
  instrumentedSchemas.add(schema);
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve;
    if (!resolve) continue;
    const wrapped: GraphQLFieldResolver<unknown, Record<symbol, unknown>> = (source, args, context, info) => {
      const result = resolve(source, args, context, info);
      const sink = context?.[typedErrorSink] as RequestRecord | undefined;
      if (!sink) return result;
      const note = (value: unknown) => {
        // The errors plugin returns a typed error as a proxy of the thrown error, marked by this key.
        if (value && typeof value === 'object' && Reflect.get(value, unwrapError)) {
          const error = value as { code?: unknown; extensions?: { code?: unknown } };
          sink.codes.push(String(error.extensions?.code ?? error.code ?? 'ERROR'));
        }
        return value;
      };
      return result instanceof Promise ? result.then(note) : note(result);
    };
    field.resolve = wrapped as typeof resolve;
  }
}

export interface Metrics {
  readonly registry: Registry;
  /** The Yoga plugin that counts and times requests to the GraphQL endpoint. */
  readonly plugin: Plugin;
  /** A GraphQL request answered before Yoga saw it (a body over the size limit, a crash). */
  recordRefusal(outcome: Extract<Outcome, 'rejected' | 'masked'>, status: number, code: string, startedAt: bigint): void;
  /** The text a Prometheus scrape receives. */
  render(): Promise<string>;
}

/** Set by the HTTP server when the request arrived, so that latency includes reading the body. */
export interface TimedServerContext {
  receivedAt?: bigint;
}

export function createMetrics(): Metrics {
  const processFacts = shared();
  const registry = new Registry();
  for (const metric of processFacts.registry.getMetricsAsArray()) registry.registerMetric(metric as unknown as Metric);

  const requests = new Counter({
    name: `${PREFIX}graphql_requests_total`,
    help: 'GraphQL requests by operation name and outcome: ok; error (a coded error, in errors or as a typed mutation result); masked (an unexpected error); rejected (refused with an HTTP error status, e.g. by the operation limits or the body size limit).',
    labelNames: ['operation', 'outcome', 'code', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: `${PREFIX}graphql_request_duration_seconds`,
    help: 'Time from receiving a GraphQL request to its response, by operation name and outcome.',
    labelNames: ['operation', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const admitted = new Set<string>();
  const admit = (name: string) => {
    if (admitted.has(name)) return name;
    if (admitted.size >= OPERATION_NAME_LIMIT) return OTHER;
    admitted.add(name);
    return name;
  };
  const operationLabel = (record: RequestRecord) => {
    if (record.name === undefined) return OTHER;
    const name = record.name === null ? ANONYMOUS : record.name;
    if (record.executed) return admit(name);
    return name === ANONYMOUS || admitted.has(name) ? name : OTHER;
  };
  const codes = new Set<string>();
  const codeLabel = (code: string | undefined) => {
    if (!code) return '';
    if (codes.has(code)) return code;
    if (!ERROR_CODE.test(code) || codes.size >= CODE_LIMIT) return 'OTHER';
    codes.add(code);
    return code;
  };
  const record = (operation: string, outcome: Outcome, code: string | undefined, status: number, startedAt: bigint) => {
    requests.inc({ operation, outcome, code: codeLabel(code), status: String(status) });
    duration.observe({ operation, outcome }, Number(process.hrtime.bigint() - startedAt) / 1e9);
  };

  const pending = new WeakMap<Request, RequestRecord>();
  const plugin: Plugin<Record<string, unknown>, TimedServerContext> = {
    onSchemaChange: ({ schema }) => instrumentTypedErrors(schema),
    onRequest: ({ request, url, serverContext }) => {
      if (url.pathname !== '/graphql') return;
      pending.set(request, { startedAt: serverContext?.receivedAt ?? process.hrtime.bigint(), executed: false, masked: false, codes: [] });
    },
    onParse: ({ context }) => {
      const current = pending.get(context.request);
      if (!current) return;
      return ({ result }) => {
        if (!result || result instanceof Error) return;
        // No operation when operationName names none of the document's (or several are anonymous).
        const operation = getOperationAST(result as DocumentNode, context.params?.operationName);
        if (operation) current.name = operation.name ? operation.name.value.slice(0, OPERATION_NAME_LENGTH) : null;
      };
    },
    onExecute: ({ args, extendContext }) => {
      const current = pending.get((args.contextValue as { request: Request }).request);
      if (!current) return;
      current.executed = true;
      extendContext({ [typedErrorSink]: current } as Record<symbol, unknown>);
    },
    onResultProcess: ({ request, result }) => {
      const current = pending.get(request);
      if (!current) return;
      for (const single of Array.isArray(result) ? result : [result]) {
        if (!single || !('errors' in single) || !single.errors) continue;
        for (const error of single.errors) {
          const extensions = (error as { extensions?: Record<string, unknown> }).extensions ?? {};
          if (extensions.unexpected === true || extensions.code === 'INTERNAL_SERVER_ERROR') current.masked = true;
          current.codes.push(String(extensions.code ?? ''));
        }
      }
    },
    onResponse: ({ request, response }) => {
      const current = pending.get(request);
      if (!current) return;
      pending.delete(request);
      const outcome: Outcome = current.masked ? 'masked' : response.status >= 400 ? 'rejected' : current.codes.length ? 'error' : 'ok';
      const code = current.masked ? 'INTERNAL_SERVER_ERROR' : current.codes.find(Boolean);
      record(operationLabel(current), outcome, code, response.status, current.startedAt);
    },
  };

  return {
    registry,
    plugin: plugin as Plugin,
    recordRefusal: (outcome, status, code, startedAt) => record(OTHER, outcome, code, status, startedAt),
    render: () => registry.metrics(),
  };
}

export type MetricsAccess = 'allowed' | 'unauthorized' | 'hidden';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Who may read /metrics. With METRICS_TOKEN, only a request bearing it; without, anyone in
 * development and nobody in production (answered as if there were no such page). The token is
 * compared through fixed-length digests, so the comparison takes the same time for any guess.
 */
export function metricsAccess(config: Pick<Config, 'NODE_ENV' | 'METRICS_TOKEN'>): (authorization: string | undefined) => MetricsAccess {
  const token = config.METRICS_TOKEN;
  if (!token) return () => (config.NODE_ENV === 'production' ? 'hidden' : 'allowed');
  const expected = digest(token);
  return (authorization) => {
    const given = /^Bearer +(\S+) *$/i.exec(authorization ?? '')?.[1] ?? '';
    return timingSafeEqual(digest(given), expected) ? 'allowed' : 'unauthorized';
  };
}
