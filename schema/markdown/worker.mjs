/*
 * A rendering thread (see ./pool.ts). Plain JavaScript so that a worker starts the same way under
 * `node --import tsx`, tsx and vitest; it loads the one renderer's TypeScript through tsx.
 */
import { tsImport } from 'tsx/esm/api';

const { renderMarkdown, mentionedHandles } = await tsImport('./render.ts', import.meta.url);

/** @param {string[]} sources */
export default function render(sources) {
  return sources.map((source) => ({ html: renderMarkdown(source), mentions: mentionedHandles(source) }));
}
