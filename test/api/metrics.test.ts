import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { resetRateLimits } from '../../schema/limits.ts';
import { loadConfig } from '../../server/config.ts';
import { createHttpServer, LIMITS, MAX_BODY_BYTES } from '../../server/http.ts';
import { createLogger } from '../../server/logger.ts';
import { useHttpServer } from '../helpers/app.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { parseMetrics, sampleValue } from '../helpers/metrics.ts';

useTestDatabase();

const REQUESTS = 'expertnetwork_graphql_requests_total';
const TOKEN = 'scrape-token-0123456789abcdef';

function post(baseUrl: string, body: string) {
  return fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' }, body });
}

const operation = (query: string) => JSON.stringify({ query });

describe('Metrics', () => {
  const baseUrl = useHttpServer({ NODE_ENV: 'test' });

  it('counts requests by operation name and outcome, with latency and database command timings', async () => {
    resetRateLimits();
    expect((await post(baseUrl(), operation('query Places { places { name } }'))).status).toBe(200);
    expect((await post(baseUrl(), operation('query Expert { expert(handle: "nobody") { name } }'))).status).toBe(200);
    // Signed out: a typed NotAuthorizedError result, with no __typename to tell it apart in the data.
    const threadId = Buffer.from('Thread:000000000000000000000000').toString('base64url');
    const typed = await post(baseUrl(), operation(`mutation Bookmark { bookmarkThread(input: { id: "${threadId}", bookmarked: true }) { ... on NotAuthorizedError { message } } }`));
    expect(((await typed.json()) as { data: { bookmarkThread: { message?: string } } }).data.bookmarkThread.message).toBeTruthy();
    const aliases = Array.from({ length: LIMITS.aliases + 1 }, (_, i) => `a${i}: __typename`).join(' ');
    expect((await post(baseUrl(), operation(`query Aliases { ${aliases} }`))).status).toBe(400);
    expect((await post(baseUrl(), operation(`query Places { ${aliases} }`))).status).toBe(400);
    expect((await post(baseUrl(), 'x'.repeat(MAX_BODY_BYTES + 1))).status).toBe(413);

    const response = await fetch(`${baseUrl()}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const samples = parseMetrics(await response.text());
    expect(sampleValue(samples, REQUESTS, { operation: 'Places', outcome: 'ok', code: '', status: '200' })).toBe(1);
    expect(sampleValue(samples, REQUESTS, { operation: 'Expert', outcome: 'error', code: 'NOT_FOUND', status: '200' })).toBe(1);
    expect(sampleValue(samples, REQUESTS, { operation: 'Bookmark', outcome: 'error', code: 'NOT_AUTHORIZED', status: '200' })).toBe(1);
    // A name that never passed validation is not given a series of its own.
    expect(sampleValue(samples, REQUESTS, { operation: '(other)', outcome: 'rejected', code: 'TOO_MANY_ALIASES', status: '400' })).toBe(1);
    expect(sampleValue(samples, REQUESTS, { operation: 'Places', outcome: 'rejected', code: 'TOO_MANY_ALIASES', status: '400' })).toBe(1);
    expect(sampleValue(samples, REQUESTS, { operation: '(other)', outcome: 'rejected', code: 'PAYLOAD_TOO_LARGE', status: '413' })).toBe(1);
    expect(samples.some((s) => s.labels.operation === 'Aliases')).toBe(false);

    expect(sampleValue(samples, 'expertnetwork_graphql_request_duration_seconds_count', { operation: 'Places', outcome: 'ok' })).toBe(1);
    expect(sampleValue(samples, 'expertnetwork_graphql_request_duration_seconds_bucket', { operation: 'Places', outcome: 'ok', le: '+Inf' })).toBe(1);
    expect(sampleValue(samples, 'expertnetwork_db_command_duration_seconds_count', { command: 'find', outcome: 'ok' })).toBeGreaterThan(0);
    expect(sampleValue(samples, 'expertnetwork_supervisor_restarts_total', { process: 'postgres' })).toBeGreaterThanOrEqual(0);
    expect(sampleValue(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    // Health checks and the metrics page are not GraphQL operations.
    await fetch(`${baseUrl()}/health`);
    const again = parseMetrics(await (await fetch(`${baseUrl()}/metrics`)).text());
    expect(sampleValue(again, REQUESTS)).toBe(sampleValue(samples, REQUESTS));
  });

  it('listens to the driver once however many servers the process creates', () => {
    const client = mongoose.connection.getClient();
    const before = client.listenerCount('commandSucceeded');
    for (let i = 0; i < 3; i++) createHttpServer(loadConfig({ NODE_ENV: 'test' }), createLogger('silent', false));
    expect(client.listenerCount('commandSucceeded')).toBe(before);
  });
});

describe('Metrics in production without a token', () => {
  const baseUrl = useHttpServer({ NODE_ENV: 'production' });

  it('answers 404, token or not', async () => {
    expect((await fetch(`${baseUrl()}/metrics`)).status).toBe(404);
    expect((await fetch(`${baseUrl()}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
  });
});

describe('Metrics with a token', () => {
  const baseUrl = useHttpServer({ NODE_ENV: 'production', METRICS_TOKEN: TOKEN });

  it('answers 401 without the token or with a wrong one, and 200 with the right one', async () => {
    const scrape = (authorization?: string) => fetch(`${baseUrl()}/metrics`, { headers: authorization ? { authorization } : {} });
    const missing = await scrape();
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await scrape(`Bearer ${TOKEN.slice(0, -1)}X`)).status).toBe(401);
    expect((await scrape(`Basic ${Buffer.from(`metrics:${TOKEN}`).toString('base64')}`)).status).toBe(401);
    const allowed = await scrape(`Bearer ${TOKEN}`);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('cache-control')).toBe('no-store');
    expect(await allowed.text()).toContain('# TYPE expertnetwork_graphql_requests_total counter');
  });
});
