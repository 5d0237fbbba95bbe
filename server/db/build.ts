import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { rootDir } from '../config.ts';

/*
 * The embedded database is PostgreSQL 15 (Debian's package) with the DocumentDB extension and its
 * two companions (pg_cron, pgvector) built from pinned sources, and FerretDB 2 in front of it.
 * PostgreSQL loads extensions only from its own directories, so instead of installing into the
 * system we assemble a private copy of Debian's PostgreSQL with the extensions added: PostgreSQL
 * finds its share/ and lib/ relative to its binary, so the copy works from anywhere, needs no
 * root once built, and leaves the system untouched. Everything lands in .data/engine/ and is
 * rebuilt only when the pins, this recipe or the installed PostgreSQL change.
 */

/** Raised for problems a person can fix (a missing package or tool, a failed build, a bad setting). */
export class EmbeddedDatabaseError extends Error {}

const PG_MAJOR = '15';
const FERRETDB_VERSION = 'v2.7.0';
/** Changes whenever the build steps below change in a way that needs a rebuild. */
const RECIPE_VERSION = '1';

interface SourcePin {
  name: 'documentdb' | 'pg_cron' | 'pgvector';
  file: string;
  /** The upstream archive, for machines without ENGINE_SOURCES_DIR (not exercised here: see README). */
  url: string;
  sha256: string;
}

/** The pins of ../shared/vendor/SOURCES.md: what is built, from which revision, checked by checksum. */
export const SOURCE_PINS: readonly SourcePin[] = [
  {
    name: 'documentdb',
    file: 'documentdb-ferretdb-3f80da90.tar.gz',
    url: 'https://github.com/FerretDB/documentdb/archive/3f80da90a9e0b04f214183aa656c4fb0b4bc31e4.tar.gz',
    sha256: '1ac01653480a671b7253a5c004e42ddb54c623004484fcc4165dd82246520e2a',
  },
  {
    name: 'pg_cron',
    file: 'pg_cron-1.6.3.tar.gz',
    url: 'https://github.com/citusdata/pg_cron/archive/refs/tags/v1.6.3.tar.gz',
    sha256: '97cd57223fe960c716cb5ceec40ac75461f810484d960d1af5a8435d55be937d',
  },
  {
    name: 'pgvector',
    file: 'pgvector-0.8.0.tar.gz',
    url: 'https://github.com/pgvector/pgvector/archive/refs/tags/v0.8.0.tar.gz',
    sha256: 'a85d2cd63383b3a4c0e36e934c3c3b4636279063632e45ae12f524043d04a6de',
  },
];

/** Debian 12 packages the build and the cluster need (SOURCES.md). */
export const DEBIAN_PACKAGES = [
  'build-essential',
  'pkg-config',
  `postgresql-${PG_MAJOR}`,
  `postgresql-server-dev-${PG_MAJOR}`,
  'libpq-dev',
  'libicu-dev',
  'libkrb5-dev',
  `postgresql-${PG_MAJOR}-postgis-3`,
  `postgresql-${PG_MAJOR}-rum`,
  'libbson-dev',
  'libintelrdfpmath-dev',
  'libpcre2-dev',
];

const systemPgLib = `/usr/lib/postgresql/${PG_MAJOR}`;
const systemPgShare = `/usr/share/postgresql/${PG_MAJOR}`;
const launcherSource = path.join(rootDir, 'server/db/launcher');
export const defaultEngineDir = path.join(rootDir, '.data/engine');

/** Where the built engine lives. */
export interface Engine {
  /** PostgreSQL's programs (postgres, initdb, pg_ctl, pg_dump, pg_restore, psql) in the private copy. */
  pgBin: string;
  /** Its library directory, for LD_LIBRARY_PATH: pg_documentdb.so links pg_documentdb_core.so. */
  pgLib: string;
  ferretdb: string;
  launcher: string;
}

function engineAt(dir: string): Engine {
  return {
    pgBin: path.join(dir, `pg/lib/postgresql/${PG_MAJOR}/bin`),
    pgLib: path.join(dir, `pg/lib/postgresql/${PG_MAJOR}/lib`),
    ferretdb: path.join(dir, 'bin/ferretdb'),
    launcher: path.join(dir, 'bin/engine-launcher'),
  };
}

const run = promisify(execFile);

/** How often a long step says it is still working: a silent minute looks like a hang. */
const STILL_WORKING_EVERY_MS = 20_000;

/**
 * Runs a build step, saying what it does, roughly how long it takes (`aboutSeconds`, measured on two
 * cores), that it is still working every 20 s, and how long it took; a failure shows the output's tail.
 */
async function step<T>(say: (message: string) => void, what: string, work: () => Promise<T>, aboutSeconds?: number): Promise<T> {
  say(`${what}${aboutSeconds ? `, about ${aboutSeconds} s` : ''}…`);
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(0);
  const ticker = setInterval(() => say(`  still ${what.charAt(0).toLowerCase()}${what.slice(1)} (${seconds()} s so far)`), STILL_WORKING_EVERY_MS);
  try {
    const result = await work();
    say(`${what}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result;
  } catch (error) {
    if (error instanceof EmbeddedDatabaseError) throw error;
    const e = error as { stdout?: string; stderr?: string; message: string };
    const tail = `${e.stdout ?? ''}\n${e.stderr ?? ''}`.trim().split('\n').slice(-25).join('\n');
    throw new EmbeddedDatabaseError(`${what} failed: ${e.message.split('\n')[0]}\n${tail}`);
  } finally {
    clearInterval(ticker);
  }
}

const big = { maxBuffer: 256 * 1024 * 1024 };

function missingDebianPackages(): string[] {
  return DEBIAN_PACKAGES.filter((pkg) => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own field syntax
    const status = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
    return status.status !== 0 || !status.stdout.includes('install ok installed');
  });
}

/** Installs missing Debian packages when it can (root with apt), otherwise says the exact command. */
async function ensureDebianPackages(say: (message: string) => void): Promise<void> {
  const hasDpkg = spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status === 0;
  if (process.platform !== 'linux' || !hasDpkg) {
    throw new EmbeddedDatabaseError(
      'The embedded database (PostgreSQL 15 + DocumentDB + FerretDB 2) is built from Debian packages, and this machine has no apt/dpkg.\n' +
        'Point the server at any MongoDB 7+ instead: MONGODB_URI=mongodb://user:password@host:27017/',
    );
  }
  const missing = missingDebianPackages();
  if (!missing.length) return;
  const command = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new EmbeddedDatabaseError(
      `The embedded database needs these Debian packages: ${missing.join(', ')}.\nInstall them as root, then start again:\n  sudo apt-get update && sudo ${command}\n` +
        'Or point the server at any MongoDB 7+ with MONGODB_URI.',
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await step(say, `Installing Debian packages (${missing.join(' ')})`, async () => {
    await run('apt-get', ['update', '-qq'], { env, ...big });
    await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env, ...big });
  });
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/** The pinned archive: from ENGINE_SOURCES_DIR when set, else downloaded; checked either way. */
async function fetchSource(pin: SourcePin, sourcesDir: string | undefined, workDir: string, say: (m: string) => void): Promise<string> {
  let file: string;
  if (sourcesDir) {
    file = path.resolve(sourcesDir, pin.file);
    if (!existsSync(file)) throw new EmbeddedDatabaseError(`ENGINE_SOURCES_DIR (${sourcesDir}) has no ${pin.file}.`);
  } else {
    file = path.join(workDir, pin.file);
    await step(say, `Downloading ${pin.name} (${pin.url})`, async () => {
      const response = await fetch(pin.url);
      if (!response.ok || !response.body) throw new EmbeddedDatabaseError(`Downloading ${pin.url} failed: HTTP ${response.status}. Set ENGINE_SOURCES_DIR to a directory holding ${pin.file}.`);
      await writeFile(file, Buffer.from(await response.arrayBuffer()));
    });
  }
  const actual = await sha256Of(file);
  if (actual !== pin.sha256) {
    throw new EmbeddedDatabaseError(`${file} does not match its pin: sha256 ${actual}, expected ${pin.sha256}. Set ENGINE_SOURCES_DIR to a directory holding the pinned ${pin.file}.`);
  }
  return file;
}

/** What the build depends on: a change to any of it means a rebuild. */
function buildKey(): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ RECIPE_VERSION, FERRETDB_VERSION, SOURCE_PINS }));
  for (const file of ['go.mod', 'go.sum', 'main.go']) hash.update(readFileSync(path.join(launcherSource, file)));
  // A Debian update of PostgreSQL or PostGIS changes the files the private copy holds.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own field syntax
  const versions = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Version}\n', ...DEBIAN_PACKAGES], { encoding: 'utf8' });
  hash.update(versions.stdout ?? '');
  return hash.digest('hex');
}

function checkGo(): string {
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.error || go.status !== 0) {
    throw new EmbeddedDatabaseError(
      'The embedded database needs Go (1.25 or newer) to build FerretDB, and `go` was not found.\n' + 'Install Go, or point the server at any MongoDB 7+ with MONGODB_URI=mongodb://…',
    );
  }
  return go.stdout.trim();
}

export interface BuildOptions {
  /** A directory holding the pinned archives (ENGINE_SOURCES_DIR); without it they are downloaded. */
  sourcesDir?: string;
  say?: (message: string) => void;
  engineDir?: string;
}

/**
 * Builds the engine into .data/engine/ unless a build of the same pins is there, and returns its
 * paths. The first build takes a few minutes (Debian packages, three C extensions, FerretDB).
 */
export async function ensureEngineBuilt(options: BuildOptions = {}): Promise<Engine> {
  const say = options.say ?? (() => {});
  const engineDir = options.engineDir ?? defaultEngineDir;
  const stampFile = path.join(engineDir, 'build-key');
  const isBuilt = (key: string) => existsSync(stampFile) && readFileSync(stampFile, 'utf8') === key;
  // The key holds the installed packages' versions: a missing package means no match.
  if (isBuilt(buildKey())) return engineAt(engineDir);
  await ensureDebianPackages(say);
  const goVersion = checkGo();
  const key = buildKey();
  if (isBuilt(key)) return engineAt(engineDir);

  say(`Building the embedded database (PostgreSQL ${PG_MAJOR} + DocumentDB + FerretDB ${FERRETDB_VERSION}) into ${path.relative(rootDir, engineDir) || engineDir}, once: about 2 minutes…`);
  mkdirSync(path.dirname(engineDir), { recursive: true });
  // Built beside the final place and renamed into it, so a concurrent start never sees half a build.
  const work = await mkdtemp(`${engineDir}.build-`);
  try {
    const out = path.join(work, 'engine');
    const stage = path.join(work, 'stage');
    const sources: Record<string, string> = {};
    for (const pin of SOURCE_PINS) {
      const archive = await fetchSource(pin, options.sourcesDir, work, say);
      sources[pin.name] = path.join(work, pin.name);
      mkdirSync(sources[pin.name]!);
      await run('tar', ['-xzf', archive, '-C', sources[pin.name]!, '--strip-components=1']);
    }
    // DocumentDB asks pkg-config for "intelmathlib"; Debian ships the same library under another name.
    const pcDir = path.join(work, 'pkgconfig');
    mkdirSync(pcDir);
    writeFileSync(
      path.join(pcDir, 'intelmathlib.pc'),
      'Name: intelmathlib\nDescription: Intel decimal floating-point math (Debian libintelrdfpmath-dev)\nVersion: 2.0\nLibs: -l:libbidgcc000.a\nCflags:\n',
    );
    const env = { ...process.env, PKG_CONFIG_PATH: pcDir };
    const make = (dir: string, extra: string[]) =>
      run('make', ['-j2', 'with_llvm=no', ...extra], { cwd: dir, env, ...big }).then(() => run('make', ['with_llvm=no', ...extra, 'install', `DESTDIR=${stage}`], { cwd: dir, env, ...big }));
    // No -march=native: the build may move to another machine.
    await step(say, 'Building pgvector 0.8.0', () => make(sources.pgvector!, ['OPTFLAGS=']), 10);
    // Debian's pg_cron (1.4) rejects DocumentDB's "every few seconds" schedules; 1.6 accepts them.
    await step(say, 'Building pg_cron 1.6.3', () => make(sources.pg_cron!, []), 5);
    // Debian's libbson 1.23 lacks one enum value (added in 1.25) that DocumentDB switches on.
    const docdbFlags = ['COPT=-DBSON_SUBTYPE_SENSITIVE=0x08 -Wno-error=switch'];
    await step(say, 'Building DocumentDB (core)', () => make(path.join(sources.documentdb!, 'pg_documentdb_core'), docdbFlags), 5);
    await step(say, 'Building DocumentDB (API)', () => make(path.join(sources.documentdb!, 'pg_documentdb'), docdbFlags), 50);

    await step(
      say,
      `Assembling a private PostgreSQL ${PG_MAJOR} with the extensions`,
      async () => {
        const pgRoot = path.join(out, 'pg');
        await cp(systemPgLib, path.join(pgRoot, `lib/postgresql/${PG_MAJOR}`), { recursive: true, verbatimSymlinks: true });
        await cp(systemPgShare, path.join(pgRoot, `share/postgresql/${PG_MAJOR}`), { recursive: true, verbatimSymlinks: true });
        await cp(path.join(stage, `usr/lib/postgresql/${PG_MAJOR}`), path.join(pgRoot, `lib/postgresql/${PG_MAJOR}`), { recursive: true, force: true });
        await cp(path.join(stage, `usr/share/postgresql/${PG_MAJOR}`), path.join(pgRoot, `share/postgresql/${PG_MAJOR}`), { recursive: true, force: true });
      },
      5,
    );
    const bin = path.join(out, 'bin');
    // A minute the first time (Go modules are downloaded and compiled), seconds with Go's cache warm.
    await step(
      say,
      `Building FerretDB ${FERRETDB_VERSION} and the launcher with ${goVersion} (the first build downloads Go modules)`,
      async () => {
        const goEnv = { ...process.env, CGO_ENABLED: '0' };
        await run('go', ['build', '-trimpath', '-o', path.join(bin, 'ferretdb'), 'github.com/FerretDB/FerretDB/v2/cmd/ferretdb'], { cwd: launcherSource, env: goEnv, ...big });
        await run('go', ['build', '-trimpath', '-o', path.join(bin, 'engine-launcher'), '.'], { cwd: launcherSource, env: goEnv, ...big });
      },
      60,
    );
    writeFileSync(path.join(out, 'build-key'), key);
    const old = `${engineDir}.old-${process.pid}`;
    if (existsSync(engineDir)) renameSync(engineDir, old);
    renameSync(out, engineDir);
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  say('Embedded database built.');
  return engineAt(engineDir);
}
