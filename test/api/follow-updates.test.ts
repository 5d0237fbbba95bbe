import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Thread } from '../../schema/discussion/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Practice } from '../../schema/practice/model.ts';
import { globalId } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

useTestDatabase();

const ids: Record<string, string> = {};
const cookies: Record<string, string> = {};
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

beforeAll(async () => {
  await createReferenceData();
  for (const handle of ['reader', 'writer', 'counter', 'author']) {
    ids[handle] = String((await createExpert({ handle }))._id);
    cookies[handle] = await sessionCookieFor(ids[handle]!);
  }
});
beforeEach(() => resetRateLimits());

const UPDATES = `query ($first: Int) { followUpdates(first: $first) { newCount edges { node { isNew thread { title } practice { title } } } } }`;
const MARK_SEEN = `mutation { markFollowUpdatesSeen { __typename } }`;
const REPLY = `mutation ($threadId: ID!, $body: String!) { replyToThread(input: { threadId: $threadId, body: $body }) { __typename ... on Error { code message } } }`;
const FOLLOW_THREAD = `mutation ($id: ID!) { followThread(input: { id: $id, following: true }) { __typename } }`;
const FOLLOW_TOPIC = `mutation ($topic: String!) { followTopic(input: { topic: $topic, following: true }) { __typename } }`;
const FOLLOW_EXPERT = `mutation ($id: ID!) { followExpert(input: { id: $id, following: true }) { __typename } }`;

const updatesOf = async (cookie: string, first = 20) => (await graphql(UPDATES, { first }, { cookie })).data.followUpdates;
const entry = (updates: any, title: string) => updates.edges.map((e: any) => e.node).find((n: any) => (n.thread?.title ?? n.practice?.title) === title);

describe('Follow updates', () => {
  it('does not show one’s own reply in a followed thread as new, and shows the next reply by someone else as new', async () => {
    const thread = await Thread.create({ kind: 'discussion', title: 'Chia sẻ về LGSP', author: ids.writer, lastActivityAt: minutesAgo(30), createdAt: minutesAgo(30), topics: [] });
    const threadId = globalId('Thread', String(thread._id));
    await graphql(FOLLOW_THREAD, { id: threadId }, { cookie: cookies.reader });
    await graphql(MARK_SEEN, {}, { cookie: cookies.reader });

    const own = await graphql(REPLY, { threadId, body: 'Sở chúng tôi đã triển khai LGSP năm 2023.' }, { cookie: cookies.reader });
    expect(own.data.replyToThread.__typename).toBe('ReplyToThreadPayload');
    const afterOwn = await updatesOf(cookies.reader!);
    expect(entry(afterOwn, 'Chia sẻ về LGSP')).toMatchObject({ isNew: false });
    expect(afterOwn.newCount).toBe(0);

    await graphql(REPLY, { threadId, body: 'Cảm ơn anh, tôi xin tài liệu được không?' }, { cookie: cookies.writer });
    const afterOther = await updatesOf(cookies.reader!);
    expect(entry(afterOther, 'Chia sẻ về LGSP')).toMatchObject({ isNew: true });
    expect(afterOther.newCount).toBe(1);
  });

  it('does not show a practice the viewer co-wrote with a followed expert as new', async () => {
    await graphql(FOLLOW_EXPERT, { id: globalId('Expert', ids.writer!) }, { cookie: cookies.author });
    await Practice.create({ title: 'Sổ tay chữ ký số', authors: [ids.writer, ids.author], status: 'published', publishedAt: minutesAgo(5), version: 1, topics: [] } as never);
    const updates = await updatesOf(cookies.author!);
    expect(entry(updates, 'Sổ tay chữ ký số')).toMatchObject({ isNew: false });
    // Only the followed expert's own thread (written before) is new to them.
    expect(updates.newCount).toBe(updates.edges.filter((e: any) => e.node.isNew).length);
    expect(updates.newCount).toBe(1);
  });

  it('counts every new update when only the first page is loaded', async () => {
    await graphql(FOLLOW_TOPIC, { topic: 'an-toan-thong-tin' }, { cookie: cookies.counter });
    for (let i = 0; i < 5; i++) {
      await Practice.create({
        title: `Diễn tập an toàn thông tin ${i}`,
        authors: [ids.writer],
        status: 'published',
        publishedAt: minutesAgo(10 + i),
        version: 1,
        topics: ['an-toan-thong-tin'],
      } as never);
    }
    const firstPage = await updatesOf(cookies.counter!, 2);
    expect(firstPage.edges).toHaveLength(2);
    expect(firstPage.newCount).toBe(5);
    await graphql(MARK_SEEN, {}, { cookie: cookies.counter });
    expect((await updatesOf(cookies.counter!, 2)).newCount).toBe(0);
  });
});
