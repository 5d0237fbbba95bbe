import { describe, expect, it } from 'vitest';
import { Expert } from '../../schema/expert/model.ts';
import { useRunningApp } from '../helpers/app.ts';
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
    const set = await graphql(`mutation ($image: String!) { setAvatar(input: { image: $image }) { __typename ... on SetAvatarPayload { expert { avatarUrl } } } }`, { image: png.toString('base64') }, { cookie });
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
