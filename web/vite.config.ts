import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import solid from 'vite-plugin-solid';
import { firstLoadChunks } from './first-load-chunks.ts';

const webDir = fileURLToPath(new URL('.', import.meta.url));
const firstLoad = firstLoadChunks(`${webDir}src/index.tsx`, `${webDir}src/features/home/home-page.tsx`);

/** The API that `npm run dev` starts beside Vite (server/main.ts on its default port). */
const api = { '/graphql': { target: 'http://localhost:4000', changeOrigin: false } };

export default defineConfig({
  root: webDir,
  // Errors and warnings only: the size table of every build is noise on each `npm start`.
  logLevel: 'warn',
  plugins: [
    solid(),
    firstLoad.plugin,
    // A .br and a .gz beside every text asset, which the server sends as they are to browsers that
    // accept them (officials on slow provincial networks and phones pay per byte). Small files too:
    // the bundler's runtime, a few hundred bytes, is one of the first load's scripts; a file the
    // compressors cannot shrink is left alone (skipIfLargerOrEqual).
    compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 0 }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Browsers without <link rel=modulepreload> fetch the same modules through their imports.
    modulePreload: { polyfill: false },
    // The bundler's timing table is a warning on slow machines: not something a build should print.
    rolldownOptions: {
      checks: { bundlerTimings: false },
      output: { codeSplitting: { groups: firstLoad.groups } },
    },
  },
  server: { port: 5173, proxy: api },
  preview: { port: 4173, proxy: api },
});
