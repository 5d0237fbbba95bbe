import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Thread } from '../../schema/discussion/model.ts';
import { LARGE_PAGE_ABOVE, RATE_LIMITS, resetRateLimits } from '../../schema/limits.ts';
import { Practice } from '../../schema/practice/model.ts';
import { FLOOD_REFUSAL_HOLD_MS } from '../../server/http.ts';
import { useHttpServer } from '../helpers/app.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

/*
 * What keeps one sender from taking the server from everyone else (the budgets themselves are in
 * limits.test.ts): a flood from one address is refused before its body is read, and each refusal
 * is held a while; one person's costly reads run one at a time.
 */

useTestDatabase();
const server = useHttpServer();
beforeAll(() => createReferenceData());
beforeEach(() => resetRateLimits());

describe('Requests per address', () => {
  it('refuses a flood from one address before reading it, writes included', async () => {
    const ask = (body: string) => fetch(`${server()}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const cheap = JSON.stringify({ query: '{ __typename }' });
    const { points } = RATE_LIMITS.requestsPerAddress;
    for (let sent = 0; sent < points; sent += 50) {
      const answers = await Promise.all(Array.from({ length: Math.min(50, points - sent) }, () => ask(cheap)));
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    }
    // Past the rate, even a write is refused whole, before anything runs.
    const threads = await Thread.countDocuments();
    const sentAt = performance.now();
    const refused = await ask(JSON.stringify({ query: 'mutation { createThread(input: { kind: QUESTION, title: "Câu hỏi bị chặn", body: "", topics: [] }) { __typename } }' }));
    // Held before it is sent, so a sender waiting for each answer sends about one a second.
    expect(performance.now() - sentAt).toBeGreaterThanOrEqual(FLOOD_REFUSAL_HOLD_MS - 50);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(await Thread.countDocuments()).toBe(threads);
  });
});

describe('Costly reads', () => {
  it("runs one person's costly reads one after another, and no one else waits for them", async () => {
    const [first, second] = await Promise.all(['reader1', 'reader2'].map(async (handle) => sessionCookieFor(String((await createExpert({ handle }))._id))));
    const large = (filter: string) => `{ practices(first: ${LARGE_PAGE_ABOVE + 10}, filter: { ${filter} }) { totalCount } }`;
    // The first read of practices waits at the database until released; the filters tell the reads apart.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const find = Practice.find.bind(Practice);
    const filters: unknown[] = [];
    const spy = vi.spyOn(Practice, 'find').mockImplementation(((...args: Parameters<typeof Practice.find>) => {
      const query = find(...args);
      filters.push(args[0]);
      if (filters.length === 1) {
        const exec = query.exec.bind(query);
        query.exec = (async () => {
          await gate;
          return exec();
        }) as typeof query.exec;
      }
      return query;
    }) as typeof Practice.find);
    try {
      const held = graphql(large(''), {}, { cookie: first });
      await vi.waitFor(() => expect(filters).toHaveLength(1));
      const queued = graphql(large('year: 2024'), {}, { cookie: first });
      // Another person's costly read runs to its end meanwhile...
      const other = await graphql(large('stage: PILOT'), {}, { cookie: second });
      expect(other.errors).toBeUndefined();
      // ...while the first person's second one has not begun.
      expect(JSON.stringify(filters)).not.toContain('"year"');
      release();
      const [a, b] = await Promise.all([held, queued]);
      expect([a.errors, b.errors]).toEqual([undefined, undefined]);
      expect(JSON.stringify(filters)).toContain('"year"');
    } finally {
      release();
      spy.mockRestore();
    }
  });
});
