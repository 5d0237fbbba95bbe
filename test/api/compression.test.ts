import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { webDistDir } from '../../server/http.ts';
import { useRunningApp } from '../helpers/app.ts';

/*
 * Officials on provincial networks and phones pay for every byte: built assets go out
 * precompressed (brotli or gzip, whichever the browser accepts), and larger API answers are
 * compressed on the way out. Raw HTTP here, as fetch would decode the body and hide the encoding.
 */

const baseUrl = useRunningApp();

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function send(pathname: string, headers: Record<string, string>, body?: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl()}${pathname}`, { method: body === undefined ? 'GET' : 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const decoded = (answer: RawAnswer) =>
  answer.headers['content-encoding'] === 'br' ? brotliDecompressSync(answer.body) : answer.headers['content-encoding'] === 'gzip' ? gunzipSync(answer.body) : answer.body;

/** The largest script of the built app (the one a first visit waits for). */
function largestScript(): { pathname: string; bytes: Buffer } {
  const assets = path.join(webDistDir, 'assets');
  const [name] = readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .sort((a, b) => readFileSync(path.join(assets, b)).length - readFileSync(path.join(assets, a)).length);
  return { pathname: `/assets/${name}`, bytes: readFileSync(path.join(assets, name!)) };
}

const placesQuery = JSON.stringify({ query: '{ places(includeFormer: true) { code name fullName } }' });
const graphqlHeaders = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };

describe('Compression', () => {
  it('sends a built script brotli-compressed to a browser that accepts it, gzip to one that accepts only gzip, and plain otherwise, all the same bytes', async () => {
    const script = largestScript();
    const brotli = await send(script.pathname, { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.status).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers.vary).toMatch(/accept-encoding/i);
    expect(brotli.body.length).toBeLessThan(script.bytes.length / 2);
    expect(decoded(brotli).equals(script.bytes)).toBe(true);

    const gzip = await send(script.pathname, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(decoded(gzip).equals(script.bytes)).toBe(true);

    const plain = await send(script.pathname, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(script.bytes)).toBe(true);
  });

  it('compresses a large GraphQL answer when asked, and sends it plain when not asked or when short', async () => {
    const plain = await send('/graphql', graphqlHeaders, placesQuery);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(4096);
    const places = JSON.parse(plain.body.toString('utf8')).data.places;
    expect(places.length).toBeGreaterThan(30);

    for (const encoding of ['br', 'gzip']) {
      const compressed = await send('/graphql', { ...graphqlHeaders, 'accept-encoding': encoding }, placesQuery);
      expect(compressed.status, encoding).toBe(200);
      expect(compressed.headers['content-encoding'], encoding).toBe(encoding);
      expect(compressed.headers.vary, encoding).toMatch(/accept-encoding/i);
      expect(compressed.headers['cache-control'], encoding).toBe('no-store');
      expect(compressed.body.length, encoding).toBeLessThan(plain.body.length / 3);
      expect(JSON.parse(decoded(compressed).toString('utf8')).data.places, encoding).toEqual(places);
    }

    // Under 1 KB, compression would save next to nothing for the time it takes.
    const short = await send('/graphql', { ...graphqlHeaders, 'accept-encoding': 'br, gzip' }, JSON.stringify({ query: '{ __typename }' }));
    expect(short.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(short.body.toString('utf8'))).toEqual({ data: { __typename: 'Query' } });
    const health = await send('/health', { 'accept-encoding': 'br, gzip' });
    expect(health.headers['content-encoding']).toBeUndefined();
  });
});
