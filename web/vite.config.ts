import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

const webDir = fileURLToPath(new URL('.', import.meta.url));

/** The API that `npm run dev` starts beside Vite (server/main.ts on its default port). */
const api = { '/graphql': { target: 'http://localhost:4000', changeOrigin: false } };

export default defineConfig({
  root: webDir,
  plugins: [solid()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: { port: 5173, proxy: api },
  preview: { port: 4173, proxy: api },
});
