import mongoose from 'mongoose';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Reply, Thread } from '../../schema/discussion/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { renderText } from '../../schema/markdown/pool.ts';
import { MAX_MARKDOWN_LENGTH, RENDERER_VERSION, renderMarkdown } from '../../schema/markdown/render.ts';
import { MAX_BODY_BYTES } from '../../server/http.ts';
import { useHttpServer } from '../helpers/app.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor, yoga } from '../helpers/graphql.ts';

/*
 * No request holds the event loop (and so every other user) for long, whatever it carries: the
 * costliest markdown found (README, Security) renders on worker threads, and reads serve stored
 * HTML. This measures blocking, not speed: the loop's longest stall while one request runs.
 *
 * The bounds: on the loop itself such a request stalls it for 100 ms to seconds (one rendering of
 * the refused texts takes 60 to 110 ms warm, up to 400 ms cold; a preview request holds four; a
 * page of 50 replies rendered on read, 50 renderings: 0.5 to 2 s). With rendering on worker
 * threads a preview or a write leaves 5 to 17 ms on the loop (measured with two other test files
 * rendering on the same 2 cores): 50 ms leaves room for a loaded CI machine. A page of 50 replies
 * at the longest also decodes about 4.6 MB from the database (50 times 20,000 characters of
 * markdown and 72,000 of HTML, as the web app asks both) and encodes it as JSON, on the loop:
 * 25 to 60 ms measured the same way, so it gets 120 ms, still far under rendering on read.
 */
const MAX_STALL_MS = 50;
/**
 * A body at the size limit (512 KiB) costs 2 to 9 ms of CPU more than a small one (read, parsed as
 * JSON), all of it on the loop. Handed to Yoga's Node adapter as a Buffer it cost 20 to 150 ms more,
 * each of its bytes listed as a key. CPU time, unlike the loop's delay, is what this process spent,
 * whatever else the machine runs.
 */
const MAX_BODY_EXTRA_CPU_MS = 12;
const MAX_PAGE_STALL_MS = 120;

const fill = (unit: string) => unit.repeat(Math.ceil(MAX_MARKDOWN_LENGTH / unit.length)).slice(0, MAX_MARKDOWN_LENGTH);

/** The costliest texts of the longest size found whose HTML stays under the stored-HTML cap. */
const costly = {
  // Links with little between: HTML of 72,000 characters, near the cap (what a page of 50 carries).
  links: fill(`[a](http://a.b) ${'x '.repeat(4)}`),
  images: fill('!['),
  brackets: fill('['),
  emphasis: fill('*a *a '),
};
/** Costly ones whose HTML passes the cap: a preview shows them, a write refuses them. */
const tooBig = {
  tableRows: `a|b\n-|-\n${fill('|\n').slice(8)}`,
  references: `[a]: http://a\n${fill('[a] ').slice(14)}`,
  addresses: fill('a@b.vn '),
};

useTestDatabase();
const server = useHttpServer();
let cookie = '';
const newThread = async () =>
  (
    await graphql(
      `mutation ($input: CreateThreadInput!) { createThread(input: $input) { ... on CreateThreadPayload { thread { id } } } }`,
      { input: { kind: 'DISCUSSION', title: 'Một chủ đề dài và tốn công', body: '', topics: [] } },
      { cookie },
    )
  ).data.createThread.thread.id as string;

beforeAll(async () => {
  await createReferenceData();
  cookie = await sessionCookieFor(String((await createExpert({ handle: 'writer1' }))._id));
  // The rendering threads start, and each kind of request runs, once before anything is measured:
  // the first of each compiles its code, which no hostile input changes.
  await renderText('warm');
  const threadId = await newThread();
  await graphql(`mutation ($input: ReplyToThreadInput!) { replyToThread(input: $input) { __typename } }`, { input: { threadId, body: 'Ý kiến *ngắn*' } }, { cookie });
  await graphql(`query ($id: ID!) { thread(id: $id) { replies(first: 50) { edges { node { bodyHtml history { bodyHtml } author { handle } } } } } }`, { id: threadId }, { cookie });
  await graphql(`query { previewMarkdown(text: "*ngắn*") }`, {}, { cookie });
});
beforeEach(() => resetRateLimits());

/**
 * The longest stall of the event loop while `work` runs, in milliseconds: the least of five runs,
 * since a stall of the code under test comes back every time, while one from the machine (the
 * process descheduled on a busy CI machine, another test file rendering at the same time, a
 * database server's burst) seldom comes back five times in a row.
 */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let least = Infinity;
  for (let run = 0; run < 5; run++) {
    // Five runs of a request spend five times its budgets: each run starts from a clean slate.
    resetRateLimits();
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    try {
      await work();
      // The monitor samples on a timer: a stall is recorded when that timer fires late, so it
      // must get to fire after the work, or a request that never yielded would record nothing.
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      delay.disable();
    }
    least = Math.min(least, delay.max / 1e6);
  }
  return least;
}

/** The least CPU time of seven requests with this body, sent to the HTTP server, answered and read. */
async function leastCpuMs(body: string): Promise<number> {
  let least = Infinity;
  for (let run = 0; run < 7; run++) {
    const before = process.cpuUsage();
    const response = await fetch(`${server()}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    const spent = process.cpuUsage(before);
    least = Math.min(least, (spent.user + spent.system) / 1000);
  }
  return least;
}

describe('The event loop', () => {
  it('spends little on a request body at the size limit, through the HTTP server', async () => {
    const ask = (pad: string) => JSON.stringify({ query: 'query ($pad: String) { __typename }', variables: { pad } });
    const largest = ask('a'.repeat(MAX_BODY_BYTES - 200));
    expect(largest.length).toBeLessThan(MAX_BODY_BYTES);
    const small = await leastCpuMs(ask('a'));
    const extra = (await leastCpuMs(largest)) - small;
    expect(extra).toBeLessThan(MAX_BODY_EXTRA_CPU_MS);
  });

  it('is never held by previews of the costliest texts, several in one request', async () => {
    for (const text of [...Object.values(costly), ...Object.values(tooBig)]) {
      let html = '';
      const stall = await longestStall(async () => {
        const response = await graphql(
          `query ($text: String!) { a: previewMarkdown(text: $text) b: previewMarkdown(text: $text) c: previewMarkdown(text: $text) d: previewMarkdown(text: $text) }`,
          { text },
          { cookie },
        );
        html = response.data.a;
      });
      expect(html.length).toBeGreaterThan(1000);
      expect(stall).toBeLessThan(MAX_STALL_MS);
    }
  });

  it('is never held by a reply of the costliest text, taken or refused', async () => {
    const threadId = await newThread();
    for (const body of [...Object.values(costly), ...Object.values(tooBig)]) {
      let result = '';
      const stall = await longestStall(async () => {
        const response = await graphql(`mutation ($input: ReplyToThreadInput!) { replyToThread(input: $input) { __typename ... on Error { code } } }`, { input: { threadId, body } }, { cookie });
        result = response.data.replyToThread.code ?? response.data.replyToThread.__typename;
      });
      // Each of the five runs writes (or refuses) the same reply.
      expect(result).toBe(Object.values(costly).includes(body) ? 'ReplyToThreadPayload' : 'VALIDATION_FAILED');
      expect(stall).toBeLessThan(MAX_STALL_MS);
    }
  });

  it('is never held by reading a thread of 50 of the costliest replies', async () => {
    const threadId = await newThread();
    const thread = (await Thread.findOne({}).sort({ _id: -1 }).lean())!;
    // Stored as a write stores them (rendering each through the API would only take longer).
    const html = renderMarkdown(costly.links);
    const at = Date.now();
    await Reply.insertMany(
      Array.from({ length: 50 }, (_, i) => ({
        _id: new mongoose.Types.ObjectId(),
        thread: thread._id,
        parent: null,
        depth: 0,
        author: thread.author,
        body: costly.links,
        bodyHtml: html,
        bodyVersion: RENDERER_VERSION,
        createdAt: new Date(at + i),
        updatedAt: new Date(at + i),
      })),
    );
    // The server's work only: the response is read as text while measured, parsed after (in
    // production the browser parses it).
    let text = '';
    const stall = await longestStall(async () => {
      const response = await yoga.fetch(
        'http://localhost/graphql',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', cookie },
          body: JSON.stringify({
            query: `query ($id: ID!) { thread(id: $id) { bodyHtml replies(first: 50) { edges { node { id body bodyHtml edited history { bodyHtml } author { handle } } } } } }`,
            variables: { id: threadId },
          }),
        },
        { clientAddress: '192.0.2.1' },
      );
      text = await response.text();
    });
    const shown = JSON.parse(text).data.thread.replies.edges.filter((e: any) => e.node.bodyHtml === html).length;
    expect(shown).toBe(50);
    expect(stall).toBeLessThan(MAX_PAGE_STALL_MS);
  });
});
