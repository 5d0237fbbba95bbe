#!/usr/bin/env node
// Runs before every npm command (plain Node, no dependencies: it may run before `npm ci`).
// It installs what a fresh clone lacks and says what it does:
//   - npm dependencies, when node_modules is missing or older than package-lock.json;
//   - the web app build, for `start`, `test` and `bench`, when web/ changed since the last build;
//   - the server build (dist/server, see server/build.mjs), for `start` and `build`, when server/,
//     schema/ or seeds/ changed since the last build;
//   - Chromium for the browser tests, for `test`, where apt-get can install it.
// The embedded database is built by the server and the test setup themselves, on first need.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureServerBuilt } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const command = process.argv[2] ?? 'start';
const say = (message) => console.log(`[prepare] ${message}`);

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`[prepare] ${cmd} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

function ensureDependencies() {
  const marker = path.join(root, 'node_modules/.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  say('Installing npm dependencies (npm ci), about a minute…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

/** A hash of everything the web build reads, so an unchanged tree is not rebuilt. */
function webSourceHash() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'dist' && entry.name !== 'node_modules') walk(full);
      } else {
        hash.update(path.relative(root, full));
        hash.update(readFileSync(full));
      }
    }
  };
  walk(path.join(root, 'web'));
  hash.update(readFileSync(path.join(root, 'schema/schema.graphql')));
  hash.update(readFileSync(path.join(root, 'package-lock.json')));
  return hash.digest('hex');
}

function ensureWebBuilt() {
  const stamp = path.join(root, 'web/dist/.source-hash');
  const hash = webSourceHash();
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  say('Building the web app (vite build), about 10 s…');
  run(path.join(root, 'node_modules/.bin/vite'), ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
  writeFileSync(stamp, hash);
}

/** The Debian packages the tests run: Chromium for the browser tests, Redis for the live-updates test. */
const TEST_PACKAGES = [
  { name: 'chromium', present: () => existsSync('/usr/bin/chromium'), use: 'the browser tests' },
  { name: 'redis-server', present: () => spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0, use: 'the live-updates test' },
];

function ensureTestPackages() {
  const missing = TEST_PACKAGES.filter((pkg) => !pkg.present());
  if (!missing.length) return;
  const names = missing.map((pkg) => pkg.name);
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    for (const pkg of missing) say(`${pkg.name} is missing and cannot be installed here: ${pkg.use} will fail. Install the Debian package "${pkg.name}".`);
    return;
  }
  say(`Installing ${names.join(' and ')} for the tests (apt-get install ${names.join(' ')})…`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

ensureDependencies();
// The benchmark reports the built bundle's size.
if (command === 'start' || command === 'test' || command === 'bench') ensureWebBuilt();
if (command === 'start' || command === 'build') await ensureServerBuilt(say);
if (command === 'test') ensureTestPackages();
