import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Expert } from '../../schema/expert/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { MAX_BODY_BYTES, webDistDir } from '../../server/http.ts';
import { useHttpServer, useRunningApp } from '../helpers/app.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

const baseUrl = useRunningApp();

describe('HTTP server', () => {
  it('serves the app for deep links, including handles with dots', async () => {
    for (const route of ['/', '/experts', '/experts/tri.nv', '/experts?place=da-nang']) {
      const response = await fetch(`${baseUrl()}${route}`);
      expect(response.status, route).toBe(200);
      expect(await response.text(), route).toMatch(/<div id="(root|app)"/);
    }
  });

  it('answers 404, not the app, for a missing built asset', async () => {
    const response = await fetch(`${baseUrl()}/assets/missing-file.js`);
    expect(response.status).toBe(404);
  });

  it('sends a Content-Security-Policy that allows only same-origin scripts', async () => {
    const response = await fetch(`${baseUrl()}/experts`);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves an uploaded profile picture byte for byte with its sniffed type', async () => {
    const expert = await Expert.findOne({ handle: 'tuantm' }).lean();
    const cookie = await sessionCookieFor(String(expert!._id));
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    const set = await graphql(
      `mutation ($image: String!) { setAvatar(input: { image: $image }) { __typename ... on SetAvatarPayload { expert { avatarUrl } } } }`,
      { image: png.toString('base64') },
      { cookie },
    );
    const url = set.data.setAvatar.expert.avatarUrl;
    expect(url).toMatch(/^\/avatars\/[0-9a-f]{24}$/);
    const response = await fetch(`${baseUrl()}${url}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
    expect((await fetch(`${baseUrl()}/avatars/0123456789abcdef01234567`)).status).toBe(404);
  });

  it('reports health when the database is connected', async () => {
    const response = await fetch(`${baseUrl()}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

/** A GraphQL POST over HTTP, as the web app sends it. */
const postGraphQL = (baseUrl: string, query: string, headers: Record<string, string> = {}, variables: Record<string, unknown> = {}) =>
  fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });

describe('Caching', () => {
  it('lets no cache keep any GraphQL answer, while built assets, the app page and profile pictures keep their own caching', async () => {
    const expert = await Expert.findOne({ handle: 'tuantm' }).lean();
    const cookie = await sessionCookieFor(String(expert!._id));
    const answers = {
      signedIn: await postGraphQL(baseUrl(), '{ viewer { handle sessions { current } } }', { cookie }),
      signedOut: await postGraphQL(baseUrl(), '{ viewer { handle } }'),
      invalid: await postGraphQL(baseUrl(), '{ noSuchField }'),
      tooLarge: await postGraphQL(baseUrl(), '{ viewer { handle } }', {}, { padding: 'x'.repeat(MAX_BODY_BYTES) }),
    };
    expect(answers.tooLarge.status).toBe(413);
    for (const [name, response] of Object.entries(answers)) expect(response.headers.get('cache-control'), name).toBe('no-store');

    const script = readdirSync(path.join(webDistDir, 'assets')).find((name) => name.endsWith('.js'));
    const asset = await fetch(`${baseUrl()}/assets/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${baseUrl()}/experts`)).headers.get('cache-control')).toBe('no-cache');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 9)]);
    const set = await graphql(`mutation ($image: String!) { setAvatar(input: { image: $image }) { ... on SetAvatarPayload { expert { avatarUrl } } } }`, { image: png.toString('base64') }, { cookie });
    const avatar = await fetch(`${baseUrl()}${set.data.setAvatar.expert.avatarUrl}`);
    expect(avatar.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});

describe('Strict-Transport-Security', () => {
  const production = useHttpServer({ NODE_ENV: 'production' });
  const paths = ['/', '/experts/tri.nv', '/assets/missing-file.js', '/graphql', '/health', '/metrics'];

  it('tells browsers to use HTTPS only on every response in production, and not elsewhere (plain HTTP)', async () => {
    for (const route of paths) {
      const response = await fetch(`${production()}${route}`);
      expect(response.headers.get('strict-transport-security'), route).toBe('max-age=31536000; includeSubDomains');
    }
    const answer = await postGraphQL(production(), '{ __typename }');
    expect(answer.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    for (const route of paths) expect((await fetch(`${baseUrl()}${route}`)).headers.get('strict-transport-security'), route).toBeNull();
  });
});

describe('The client address behind proxies', () => {
  const behindOne = useHttpServer({ NODE_ENV: 'test', TRUST_PROXY: '1' });
  const behindTwo = useHttpServer({ NODE_ENV: 'test', TRUST_PROXY: '2' });
  const SIGN_IN = `mutation ($email: String!) { signIn(input: { email: $email, password: "doan-thu-mat-khau" }) { __typename } }`;
  let probe = 0;
  /** Eight sign-in attempts with different emails (so only the per-address limit is at play), each with its own X-Forwarded-For. */
  const attempts = async (baseUrl: string, forwardedFor: (attempt: number) => string | undefined) => {
    const results: string[] = [];
    for (let i = 0; i < 8; i++) {
      const forwarded = forwardedFor(i);
      const response = await postGraphQL(baseUrl, SIGN_IN, forwarded === undefined ? {} : { 'x-forwarded-for': forwarded }, { email: `probe${++probe}@example.vn` });
      results.push((await response.json()).data.signIn.__typename);
    }
    return results;
  };
  const limitedAfterSix = [...Array<string>(6).fill('InvalidCredentialsError'), 'RateLimitedError', 'RateLimitedError'];
  beforeEach(() => resetRateLimits());

  it('with one proxy, limits a client rotating the left-most X-Forwarded-For entry by the address the proxy appended', async () => {
    expect(await attempts(behindOne(), (i) => `10.9.8.${i}, 203.0.113.20`)).toEqual(limitedAfterSix);
    // Different clients behind the proxy keep limits of their own.
    expect(await attempts(behindOne(), (i) => `203.0.113.${30 + i}`)).not.toContain('RateLimitedError');
    // A request that reached the server without the header is counted by its connection.
    expect(await attempts(behindOne(), () => undefined)).toEqual(limitedAfterSix);
    // Without TRUST_PROXY the header, which any client can write, is ignored.
    resetRateLimits();
    expect(await attempts(baseUrl(), (i) => `203.0.113.${60 + i}`)).toEqual(limitedAfterSix);
  });

  it('with two proxies, takes the entry the outer proxy appended, or the left-most when there are fewer', async () => {
    expect(await attempts(behindTwo(), (i) => `198.18.0.${i}, 203.0.113.40, 10.0.0.2`)).toEqual(limitedAfterSix);
    expect(await attempts(behindTwo(), (i) => `203.0.113.${50 + i}, 10.0.0.2`)).not.toContain('RateLimitedError');
    // One entry: the client reached the inner proxy directly; its address, not one limit for everyone.
    expect(await attempts(behindTwo(), (i) => `203.0.113.${70 + i}`)).not.toContain('RateLimitedError');
    expect(await attempts(behindTwo(), () => '203.0.113.80')).toEqual(limitedAfterSix);
  });
});
