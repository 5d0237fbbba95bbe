// Compiles the server (server/, schema/, seeds/) to one JavaScript file that `npm start` runs with
// plain Node. Plain JavaScript, so that server/prepare.mjs can load it before tsx is installed;
// esbuild itself is loaded only when a build is needed.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What `npm start` runs. */
export const serverEntry = path.join(root, 'dist/server/main.js');
const stamp = path.join(root, 'dist/server/.source-hash');

/** A hash of every source the bundle is made of, so an unchanged tree is not rebuilt. */
function serverSourceHash() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      // Data files (seeds/data) and the database launcher are read at run time, not bundled.
      if (entry.isDirectory()) {
        if (entry.name !== 'data' && entry.name !== 'launcher' && entry.name !== 'node_modules') walk(full);
      } else if (/\.(ts|mjs|js|json)$/.test(entry.name)) {
        hash.update(path.relative(root, full));
        hash.update(readFileSync(full));
      }
    }
  };
  for (const dir of ['server', 'schema', 'seeds']) walk(path.join(root, dir));
  for (const file of ['package-lock.json', 'tsconfig.json']) hash.update(readFileSync(path.join(root, file)));
  return hash.digest('hex');
}

/**
 * The bundle lives in dist/server, but modules find their files from their own place
 * (`new URL('./data/x.json', import.meta.url)`, rootDir in server/config.ts): each module's
 * `import.meta.url` becomes its source file's URL, reckoned from the bundle's own, so that the
 * compiled server reads the same files as the TypeScript one wherever the checkout lies.
 */
const sourceLocations = {
  name: 'source-locations',
  setup(build) {
    const outDir = path.dirname(serverEntry);
    build.onLoad({ filter: /\.[cm]?ts$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return { contents: source, loader: 'ts' };
      const relative = path.relative(outDir, args.path).split(path.sep).join('/');
      return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, import.meta.url).href`), loader: 'ts' };
    });
  },
};

/** Builds dist/server/main.js when a source changed since the last build; `say` tells what it does. */
export async function ensureServerBuilt(say = () => {}) {
  const hash = serverSourceHash();
  if (existsSync(serverEntry) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  say('Building the server (esbuild)…');
  const { build } = await import('esbuild');
  await build({
    // The server, and the module its markdown threads run (schema/markdown/pool.ts).
    entryPoints: [path.join(root, 'server/main.ts'), path.join(root, 'schema/markdown/render-texts.ts')],
    outdir: path.dirname(serverEntry),
    entryNames: '[name]',
    // Tells the bundle it runs compiled (no tsx at run time).
    define: { 'process.env.COMPILED_SERVER': '"1"' },
    bundle: true,
    // Libraries are loaded from node_modules as they are (native ones such as argon2 included).
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [sourceLocations],
  });
  writeFileSync(stamp, hash);
}
