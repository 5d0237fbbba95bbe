import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import solid from 'vite-plugin-solid';

const webDir = fileURLToPath(new URL('.', import.meta.url));

/** The API that `npm run dev` starts beside Vite (server/main.ts on its default port). */
const api = { '/graphql': { target: 'http://localhost:4000', changeOrigin: false } };

export default defineConfig({
  root: webDir,
  // Errors and warnings only: the size table of every build is noise on each `npm start`.
  logLevel: 'warn',
  plugins: [
    solid(),
    // A .br and a .gz beside every text asset over 1 KB, which the server sends as they are to
    // browsers that accept them (officials on slow provincial networks and phones pay per byte).
    compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The bundler's timing table is a warning on slow machines: not something a build should print.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: { port: 5173, proxy: api },
  preview: { port: 4173, proxy: api },
});
