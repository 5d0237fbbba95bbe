import { beforeAll, describe, expect, it } from 'vitest';
import { Thread } from '../../schema/discussion/model.ts';
import { Practice } from '../../schema/practice/model.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

/*
 * Newest-first lists read the most recent 90 days first, then further back as the pace of what
 * they found says, then the rest (schema/connection.ts findNewestFirst): pages must come out whole
 * and in order whichever windows their items fall in, and however many of them a window holds.
 */
useTestDatabase();

const DAY = 86_400_000;
/** Days ago of each item: several in the first window, a few in the second, some older, one in the future. */
const AGES = [-1, 0, 1, 3, 89, 90, 91, 179, 181, 200, 364, 366, 729, 731, 732, 1500, 4000];
let cookie = '';

beforeAll(async () => {
  await createReferenceData();
  const author = await createExpert({ handle: 'tacgia' });
  cookie = await sessionCookieFor(String(author._id));
  const at = (age: number) => new Date(Date.now() - age * DAY);
  await Practice.insertMany(
    AGES.map((age, i) => ({ title: `Thực tiễn ${i}`, summary: 'Tóm tắt', authors: [author._id], status: 'published', publishedAt: at(age), version: 1, topics: ['du-lieu-so'] })),
  );
  // Drafts are never listed, whatever their date.
  await Practice.insertMany([{ title: 'Bản nháp', summary: 'x', authors: [author._id], status: 'draft', version: 0, topics: [] }]);
  await Thread.insertMany(AGES.map((age, i) => ({ kind: 'discussion', title: `Thảo luận ${i}`, body: 'Nội dung', author: author._id, lastActivityAt: at(age) })));
});

interface Connection {
  edges: { node: { title: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string };
}

/** Every title of a list, page by page at `size`, following endCursor. */
async function walk(field: 'practices' | 'threads', size: number): Promise<string[]> {
  const titles: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const response: { data?: Record<string, Connection>; errors?: unknown } = await graphql(
      `query ($first: Int, $after: String) { ${field}(first: $first, after: $after) { edges { node { title } } pageInfo { hasNextPage endCursor } } }`,
      { first: size, after },
      { cookie },
    );
    expect(response.errors).toBeUndefined();
    const page: Connection = response.data![field]!;
    titles.push(...page.edges.map((edge) => edge.node.title));
    if (!page.pageInfo.hasNextPage) return titles;
    after = page.pageInfo.endCursor;
  }
  throw new Error('the list never ends');
}

describe('Newest-first lists across their date windows', () => {
  for (const [field, word] of [
    ['practices', 'Thực tiễn'],
    ['threads', 'Thảo luận'],
  ] as const) {
    for (const size of [1, 2, 5, 20]) {
      it(`lists every ${field} once, newest first, in pages of ${size}`, async () => {
        const expected = AGES.map((age, i) => ({ age, title: `${word} ${i}` }))
          .sort((a, b) => a.age - b.age)
          .map((item) => item.title);
        expect(await walk(field, size)).toEqual(expected);
      });
    }
  }
});
