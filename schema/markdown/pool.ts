import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { ValidationError } from '../errors.ts';
import { expertsByHandles } from '../expert/service.ts';
import { MAX_HTML_LENGTH, RENDERER_VERSION, unlinkMentions } from './render.ts';

/*
 * Rendering runs on worker threads, never on the event loop: the worst 20,000 characters of
 * markdown found take about 0.4 s to render (README, Security), which on the loop would hold every
 * other request for as long. Texts are rendered once, when written (and by the start-up
 * migrations when RENDERER_VERSION changes), and for the editor's preview; reads serve the stored
 * HTML.
 */

export interface Rendered {
  /** Sanitised HTML. */
  html: string;
  /** The handles the text mentions, each once, in order. */
  mentions: string[];
  /** RENDERER_VERSION of the renderer that made `html`. */
  version: number;
}

let pool: Piscina | null = null;

/**
 * The thread's module: the compiled server's bundle of ./render-texts.ts (server/build.mjs sets
 * COMPILED_SERVER in the bundle), or the TypeScript itself through tsx.
 */
const workerFile = process.env.COMPILED_SERVER ? new URL('../../dist/server/render-texts.js', import.meta.url) : new URL('./worker.mjs', import.meta.url);

const renderPool = () =>
  (pool ??= new Piscina({
    filename: workerFile.href,
    // At most one thread per core but one, so rendering never takes every core from the loop.
    minThreads: 0,
    maxThreads: Math.max(1, Math.min(2, availableParallelism() - 1)),
    idleTimeout: 60_000,
  }));

/** Renders texts off the event loop, in order. */
export async function renderTexts(sources: readonly string[]): Promise<Rendered[]> {
  if (!sources.length) return [];
  // Empty texts (a draft's unwritten fields) need no thread.
  if (sources.every((s) => s === '')) return sources.map(() => ({ html: '', mentions: [], version: RENDERER_VERSION }));
  const results = (await renderPool().run([...sources])) as Omit<Rendered, 'version'>[];
  return (await keepKnownMentions(results)).map((r) => ({ ...r, version: RENDERER_VERSION }));
}

/** At most this many different handles of one text are looked up and linked (20 are told, see discussion's MAX_MENTIONS); the rest stay text. */
const MAX_LINKED_MENTIONS = 30;

/**
 * A mention of a handle nobody has stays plain text (a link would lead to a missing profile, and
 * nobody is told). One indexed lookup for the handles of the whole batch.
 */
async function keepKnownMentions(results: Omit<Rendered, 'version'>[]): Promise<Omit<Rendered, 'version'>[]> {
  const handles = [...new Set(results.flatMap((r) => r.mentions.slice(0, MAX_LINKED_MENTIONS)))];
  if (!handles.length) return results;
  const known = new Set((await expertsByHandles(handles)).map((expert) => expert.handle));
  return results.map((r) => {
    const linked = r.mentions.slice(0, MAX_LINKED_MENTIONS).filter((handle) => known.has(handle));
    return linked.length === r.mentions.length
      ? r
      : {
          html: unlinkMentions(
            r.html,
            r.mentions.filter((handle) => !linked.includes(handle)),
          ),
          mentions: linked,
        };
  });
}

/** Refuses a text to be stored whose HTML would pass MAX_HTML_LENGTH (`path`: its input field). */
export function refuseOversized(path: string, rendered: Rendered): Rendered {
  if (rendered.html.length > MAX_HTML_LENGTH) {
    throw ValidationError.field(path, 'TOO_COMPLEX', `${path} makes too much HTML (over ${MAX_HTML_LENGTH} characters): use fewer links, addresses, mentions or table cells`);
  }
  return rendered;
}

export const renderText = async (source: string): Promise<Rendered> => (await renderTexts([source]))[0]!;

/** Stops the rendering threads (a server's shutdown; tests). */
export async function closeRenderPool(): Promise<void> {
  const closing = pool;
  pool = null;
  await closing?.destroy();
}
