import { beforeAll, describe, expect, it } from 'vitest';
import { useHttpServer } from '../helpers/app.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { sessionCookieFor } from '../helpers/graphql.ts';

useTestDatabase();

let expertId = '';
beforeAll(async () => {
  await createReferenceData();
  expertId = String((await createExpert({ handle: 'victim1' }))._id);
});

const PRIVATE_QUERY = '{ viewer { handle sessions { current } } }';
const SIGN_OUT_EVERYWHERE = 'mutation { signOutEverywhere { __typename } }';
/** The public site that the allow-list names in these tests. */
const LISTED = 'https://chuyengia.gov.vn';

/** The Access-Control-Allow-* headers of a response, which decide what a browser lets a page read. */
const corsHeaders = (response: Response) => [...response.headers.keys()].filter((name) => name.startsWith('access-control-allow-'));

/** A preflight, as a browser sends it before the web app's JSON POST from `origin`. */
const preflight = (baseUrl: string, origin: string) =>
  fetch(`${baseUrl}/graphql`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-graphql-yoga-csrf', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'cors' },
  });

/** A credentialed POST as a browser sends it from a page of `origin`, `site` saying how it relates to the server. */
const post = (baseUrl: string, query: string, cookie: string, origin: string, site?: string) =>
  fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1', cookie, origin, ...(site ? { 'sec-fetch-site': site, 'sec-fetch-mode': 'cors' } : {}) },
    body: JSON.stringify({ query }),
  });

describe('Origins, with CORS_ORIGINS unset', () => {
  const baseUrl = useHttpServer({ NODE_ENV: 'test' });
  /** The red-team's page: the same host, another port. */
  const otherPort = () => `http://127.0.0.1:${Number(new URL(baseUrl()).port) + 1}`;

  it("answers the server's own pages, with no CORS headers needed", async () => {
    const cookie = await sessionCookieFor(expertId);
    const response = await post(baseUrl(), PRIVATE_QUERY, cookie, baseUrl(), 'same-origin');
    expect(response.status).toBe(200);
    expect((await response.json()).data.viewer.handle).toBe('victim1');
    expect(corsHeaders(response)).toEqual([]);
  });

  it('gives a page on another port of the same host no CORS headers, so its preflight fails', async () => {
    const response = await preflight(baseUrl(), otherPort());
    expect(corsHeaders(response)).toEqual([]);
  });

  it("refuses that page's credentialed request outright: nothing to read and the mutation does not run", async () => {
    const cookie = await sessionCookieFor(expertId);
    const read = await post(baseUrl(), PRIVATE_QUERY, cookie, otherPort(), 'same-site');
    expect(read.status).toBe(403);
    expect(corsHeaders(read)).toEqual([]);
    const body = await read.json();
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions.code).toBe('ORIGIN_NOT_ALLOWED');

    const write = await post(baseUrl(), SIGN_OUT_EVERYWHERE, cookie, 'https://evil.example', 'cross-site');
    expect(write.status).toBe(403);
    expect(corsHeaders(write)).toEqual([]);
    // The session still works: signOutEverywhere never ran.
    const after = await post(baseUrl(), PRIVATE_QUERY, cookie, baseUrl(), 'same-origin');
    expect((await after.json()).data.viewer.handle).toBe('victim1');
  });

  it('gives a browser that does not say where the request comes from no CORS headers either', async () => {
    const cookie = await sessionCookieFor(expertId);
    const response = await post(baseUrl(), PRIVATE_QUERY, cookie, otherPort());
    expect(corsHeaders(response)).toEqual([]);
  });
});

describe('Origins, with CORS_ORIGINS listing some', () => {
  const baseUrl = useHttpServer({ NODE_ENV: 'test', CORS_ORIGINS: `${LISTED},https://www.chuyengia.gov.vn` });
  const unlisted = ['https://chuyengia.gov.vn.evil.example', 'http://chuyengia.gov.vn', 'https://evil.example'];

  it("lets only a listed origin's preflight through, for the credentialed JSON POST the web app sends", async () => {
    const response = await preflight(baseUrl(), LISTED);
    expect(response.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('x-graphql-yoga-csrf');
    for (const origin of unlisted) expect(corsHeaders(await preflight(baseUrl(), origin)), origin).toEqual([]);
  });

  it("answers a listed origin's page with the visitor's data, and refuses every other, a look-alike included", async () => {
    const cookie = await sessionCookieFor(expertId);
    const response = await post(baseUrl(), PRIVATE_QUERY, cookie, LISTED, 'cross-site');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect((await response.json()).data.viewer.handle).toBe('victim1');
    for (const origin of unlisted) {
      const refused = await post(baseUrl(), PRIVATE_QUERY, cookie, origin, 'cross-site');
      expect(refused.status, origin).toBe(403);
      expect(corsHeaders(refused), origin).toEqual([]);
    }
  });
});
