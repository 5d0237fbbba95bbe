import { describe, expect, it } from 'vitest';
import { useRunningApp } from '../helpers/app.ts';

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

  it('reports health', async () => {
    const response = await fetch(`${baseUrl()}/health`);
    expect(response.status).toBe(200);
  });
});
