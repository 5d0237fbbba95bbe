import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { rootDir } from '../../server/config.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';

/*
 * `npm start` runs the server compiled to dist/server/main.js with plain Node (no tsx): a broken
 * build, or a module that no longer finds its files (seed data, the built web app) from there,
 * must fail here rather than in production.
 */

let server: ServerProcess | undefined;

beforeAll(async () => {
  // The build step of `npm start` (server/prepare.mjs, which rebuilds only what changed).
  const build = spawnSync(process.execPath, ['server/prepare.mjs', 'build'], { cwd: rootDir, encoding: 'utf8' });
  expect(build.status, build.stdout + build.stderr).toBe(0);
  server = await startServerProcess({ MONGODB_URI: inject('mongoUri'), DB_NAME: 'compiledstart', DEMO_DATA: 'never' }, 120_000, [
    process.execPath,
    '--enable-source-maps',
    path.join(rootDir, 'dist/server/main.js'),
  ]);
});
afterAll(async () => {
  await server?.stop();
});

describe('The compiled server (npm start)', () => {
  it('runs under plain Node and answers /health', async () => {
    expect(server!.child.spawnargs.join(' ')).not.toContain('tsx');
    const response = await fetch(`${server!.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('loads the reference data from seeds/ and serves the built web app', async () => {
    const response = await fetch(`${server!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ topics { slug } }' }),
    });
    const body = await response.json();
    expect(body.data.topics.length).toBeGreaterThan(0);
    const page = await fetch(`${server!.url}/experts`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="(root|app)"/);
  });
});
