import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { rootDir } from '../../server/config.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';

/*
 * `npm start` runs the server compiled to dist/server/main.js with plain Node (no tsx): a broken
 * build, or a module that no longer finds its files (seed data, the built web app) from there,
 * must fail here rather than in production. It runs from a copy holding only what a deployment
 * needs (the bundle, the seed data, the built web app, the dependencies): no TypeScript source.
 */

let server: ServerProcess | undefined;
let deployment = '';

beforeAll(async () => {
  // The build step of `npm start` (server/prepare.mjs, which rebuilds only what changed).
  const build = spawnSync(process.execPath, ['server/prepare.mjs', 'build'], { cwd: rootDir, encoding: 'utf8' });
  expect(build.status, build.stdout + build.stderr).toBe(0);
  deployment = mkdtempSync(path.join(tmpdir(), 'compiled-start-'));
  for (const part of ['dist/server', 'seeds/data', 'web/dist', 'package.json']) cpSync(path.join(rootDir, part), path.join(deployment, part), { recursive: true });
  symlinkSync(path.join(rootDir, 'node_modules'), path.join(deployment, 'node_modules'));
  server = await startServerProcess(
    { MONGODB_URI: inject('mongoUri'), DB_NAME: 'compiledstart', DEMO_DATA: 'never' },
    120_000,
    [process.execPath, '--enable-source-maps', path.join(deployment, 'dist/server/main.js')],
    deployment,
  );
});
afterAll(async () => {
  await server?.stop();
  if (deployment) rmSync(deployment, { recursive: true, force: true });
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

  it('renders markdown on its threads from the compiled bundle, with no TypeScript source at hand', async () => {
    const response = await fetch(`${server!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ previewMarkdown(text: "**Một cửa** liên thông") }' }),
    });
    expect((await response.json()).data.previewMarkdown).toContain('<strong>Một cửa</strong>');
  });
});
