import { EventEmitter } from 'node:events';
import { GraphQLError } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { createMetrics, metricsAccess, observeDatabaseCommands, OPERATION_NAME_LIMIT, recordSupervisorRestart, type Metrics } from '../../server/metrics.ts';
import { parseMetrics, sampleValue } from '../helpers/metrics.ts';

const REQUESTS = 'expertnetwork_graphql_requests_total';

/** A small Yoga app with the metrics plugin, so that outcomes are exercised without a database. */
function appWith(metrics: Metrics) {
  const yoga = createYoga({
    schema: createSchema({
      typeDefs: 'type Query { hello: String, missing: String, boom: String }',
      resolvers: {
        Query: {
          hello: () => 'hi',
          missing: () => {
            throw new GraphQLError('No such thing.', { extensions: { code: 'NOT_FOUND' } });
          },
          boom: () => {
            throw new Error('a bug');
          },
        },
      },
    }),
    plugins: [metrics.plugin],
    logging: false,
  });
  return (query: string, operationName?: string) =>
    yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, operationName }),
    });
}

async function scrape(metrics: Metrics) {
  return parseMetrics(await metrics.render());
}

describe('Metrics', () => {
  it('tells ok, coded errors, masked errors and rejections apart', async () => {
    const metrics = createMetrics();
    const send = appWith(metrics);
    await send('query Hello { hello }');
    await send('query Missing { missing }');
    await send('query Boom { boom }');
    await send('{ hello }');
    await send('query Broken {');
    const samples = await scrape(metrics);
    expect(sampleValue(samples, REQUESTS, { operation: 'Hello', outcome: 'ok', code: '', status: '200' })).toBe(1);
    expect(sampleValue(samples, REQUESTS, { operation: 'Missing', outcome: 'error', code: 'NOT_FOUND', status: '200' })).toBe(1);
    expect(sampleValue(samples, REQUESTS, { operation: 'Boom', outcome: 'masked', code: 'INTERNAL_SERVER_ERROR' })).toBe(1);
    expect(sampleValue(samples, REQUESTS, { operation: '(anonymous)', outcome: 'ok' })).toBe(1);
    expect(sampleValue(samples, REQUESTS, { operation: '(other)', outcome: 'rejected', code: 'GRAPHQL_PARSE_FAILED', status: '400' })).toBe(1);
    expect(sampleValue(samples, 'expertnetwork_graphql_request_duration_seconds_count', { operation: 'Hello', outcome: 'ok' })).toBe(1);
  });

  it('labels an invalid operation by name only when that name has run before', async () => {
    const metrics = createMetrics();
    const send = appWith(metrics);
    await send('query Hello { nope }');
    await send('query Hello { hello }');
    await send('query Hello { nope }');
    const samples = await scrape(metrics);
    expect(sampleValue(samples, REQUESTS, { operation: '(other)', outcome: 'rejected', code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(sampleValue(samples, REQUESTS, { operation: 'Hello', outcome: 'rejected', code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
  });

  it(`keeps at most ${OPERATION_NAME_LIMIT} operation names, each at most 64 characters`, async () => {
    const metrics = createMetrics();
    const send = appWith(metrics);
    await send(`query ${'L'.repeat(500)} { hello }`);
    for (let i = 0; i < OPERATION_NAME_LIMIT + 20; i++) await send(`query Op${i} { hello }`);
    const names = new Set((await scrape(metrics)).filter((s) => s.name === REQUESTS).map((s) => s.labels.operation));
    expect(names.has('L'.repeat(64))).toBe(true);
    expect(names.has('(other)')).toBe(true);
    expect(names.size).toBe(OPERATION_NAME_LIMIT + 1);
    expect(sampleValue(await scrape(metrics), REQUESTS, { operation: '(other)', outcome: 'ok' })).toBe(21);
  });

  it('counts requests per registry, so that two servers in one process keep their own', async () => {
    const first = createMetrics();
    const second = createMetrics();
    await appWith(first)('query Hello { hello }');
    expect(sampleValue(await scrape(first), REQUESTS, { operation: 'Hello' })).toBe(1);
    expect(sampleValue(await scrape(second), REQUESTS, { operation: 'Hello' })).toBeUndefined();
  });

  it('shares the facts of the process with every registry: process metrics and supervisor restarts', async () => {
    const first = createMetrics();
    const second = createMetrics();
    recordSupervisorRestart('ferretdb');
    for (const metrics of [first, second]) {
      const samples = await scrape(metrics);
      expect(sampleValue(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
      expect(sampleValue(samples, 'expertnetwork_supervisor_restarts_total', { process: 'ferretdb' })).toBe(1);
      expect(sampleValue(samples, 'expertnetwork_supervisor_restarts_total', { process: 'postgres' })).toBe(0);
    }
  });

  it('times database commands once per client, with bounded command names', async () => {
    const metrics = createMetrics();
    const client = new EventEmitter();
    for (let i = 0; i < 3; i++) observeDatabaseCommands(client as never);
    expect(client.listenerCount('commandSucceeded')).toBe(1);
    client.emit('commandSucceeded', { commandName: 'find', duration: 4 });
    client.emit('commandFailed', { commandName: 'update', duration: 20 });
    client.emit('commandSucceeded', { commandName: 'no such {command}', duration: 1 });
    const samples = await scrape(metrics);
    const count = 'expertnetwork_db_command_duration_seconds_count';
    expect(sampleValue(samples, count, { command: 'find', outcome: 'ok' })).toBe(1);
    expect(sampleValue(samples, count, { command: 'update', outcome: 'failed' })).toBe(1);
    expect(sampleValue(samples, count, { command: 'other', outcome: 'ok' })).toBe(1);
    expect(sampleValue(samples, 'expertnetwork_db_command_duration_seconds_sum', { command: 'update' })).toBeCloseTo(0.02);
  });
});

describe('Metrics access', () => {
  const token = 'a-scrape-token-of-32-characters!';

  it('is open in development and hidden in production when no token is configured', () => {
    expect(metricsAccess({ NODE_ENV: 'development' })(undefined)).toBe('allowed');
    expect(metricsAccess({ NODE_ENV: 'test' })(undefined)).toBe('allowed');
    expect(metricsAccess({ NODE_ENV: 'production' })(`Bearer ${token}`)).toBe('hidden');
  });

  it('requires the bearer token when one is configured, in any environment', () => {
    for (const NODE_ENV of ['development', 'production'] as const) {
      const access = metricsAccess({ NODE_ENV, METRICS_TOKEN: token });
      expect(access(undefined)).toBe('unauthorized');
      expect(access('')).toBe('unauthorized');
      expect(access(`Bearer ${token}x`)).toBe('unauthorized');
      expect(access(`Bearer ${token.slice(0, -1)}`)).toBe('unauthorized');
      expect(access(`Basic ${token}`)).toBe('unauthorized');
      expect(access(token)).toBe('unauthorized');
      expect(access(`Bearer ${token}`)).toBe('allowed');
      expect(access(`bearer ${token}`)).toBe('allowed');
    }
  });
});
