/*
 * What a rendering thread runs (see ./pool.ts), on a batch of texts. The compiled server runs it
 * bundled (dist/server/render-texts.js, server/build.mjs); tsx and vitest load it through ./worker.mjs.
 */
import { mentionedHandles, renderMarkdown } from './render.ts';

export default function renderTexts(sources: string[]): { html: string; mentions: string[] }[] {
  return sources.map((source) => ({ html: renderMarkdown(source), mentions: mentionedHandles(source) }));
}
