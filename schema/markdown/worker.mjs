/*
 * A rendering thread when the server runs from TypeScript (tsx, vitest): plain JavaScript, so that
 * a worker starts the same way under each, loading the renderer's TypeScript through tsx. The
 * compiled server runs the bundled dist/server/render-texts.js instead (see ./pool.ts).
 */
import { tsImport } from 'tsx/esm/api';

const { default: renderTexts } = await tsImport('./render-texts.ts', import.meta.url);

export default renderTexts;
