import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Flag, FlaggedItem } from '../../schema/flag/model.ts';
import { repairFlaggedItems } from '../../schema/flag/repair.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { signInPeople } from '../helpers/accounts.ts';
import { createReferenceData } from '../helpers/factories.ts';
import { graphql } from '../helpers/graphql.ts';

/*
 * `npm run repair-counters` puts the moderators' queue right: counts that drifted from the Flag
 * records (a crash between recording a flag and counting it, a hand edit of the database) come
 * back to what the flags say, and what was right is left alone.
 */

useTestDatabase();
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
beforeAll(async () => {
  await createReferenceData();
  await signInPeople({ writer: 'member', reader1: 'member', reader2: 'member', reader3: 'member', mod1: 'moderator' }, cookies, ids);
});
beforeEach(() => resetRateLimits());

const rawId = (gid: string) => Buffer.from(gid, 'base64url').toString().split(':')[1]!;
const itemOf = (threadId: string) => `thread:${rawId(threadId)}`;
const act = async (name: string, input: Record<string, unknown>, who: string, selection = '') =>
  (
    await graphql(
      `mutation ($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { __typename ... on Error { code } ${selection} } }`,
      { input },
      { cookie: cookies[who] },
    )
  ).data[name];
const flag = async (threadId: string, reason: string, who: string) =>
  expect(await act('flagContent', { threadId, reason }, who, '... on FlagContentPayload { counted }')).toMatchObject({ counted: true });

async function newThread(title: string) {
  const created = await act('createThread', { kind: 'DISCUSSION', title, body: 'Mua phần mềm giá rẻ tại đây', topics: ['du-lieu-so'] }, 'writer', '... on CreateThreadPayload { thread { id } }');
  return created.thread.id as string;
}

const QUEUE = `query { openFlagCount flagQueue(first: 50) { edges { node { flaggerCount reasonCounts { reason count } flags { reason } thread { id } } } } }`;
async function queue() {
  const { openFlagCount, flagQueue } = (await graphql(QUEUE, {}, { cookie: cookies.mod1 })).data;
  return { openFlagCount, byThread: new Map<string, any>(flagQueue.edges.map((e: any) => [e.node.thread.id, e.node])) };
}
const inQueue = (node: any) => node && { flaggerCount: node.flaggerCount, reasonCounts: node.reasonCounts, flags: node.flags.length };

const quick = { settleMs: 300 };

describe('The repair of the flag queue', () => {
  it('gives the moderators the numbers of the flags again, opens an item whose flag a crash left uncounted, and then finds nothing to do', async () => {
    // Two readers flag a thread; a hand edit of the database then inflates its counts.
    const inflated = await newThread('Chủ đề có số lượt báo cáo bị sửa tay');
    await flag(inflated, 'SPAM', 'reader1');
    await flag(inflated, 'OFF_TOPIC', 'reader2');
    await FlaggedItem.updateOne({ _id: itemOf(inflated) }, { $set: { flaggerCount: 9, reasonCounts: { spam: 7, other: 2 } } });

    // A thread kept by a moderator, then flagged again: the flag was recorded, and the server
    // stopped before counting it, so the item stays closed and out of the queue.
    const uncounted = await newThread('Chủ đề bị báo cáo lại đúng lúc máy chủ dừng');
    await flag(uncounted, 'OFF_TOPIC', 'reader1');
    expect((await act('dismissFlags', { threadId: uncounted, reason: 'Đúng chủ đề, giữ lại' }, 'mod1')).__typename).toBe('DismissFlagsPayload');
    const closed = (await FlaggedItem.findById(itemOf(uncounted)).lean())!;
    await Flag.create({ item: closed._id, round: closed.round, flagger: ids.reader3, reason: 'spam' });

    // Right as they are: flagged, hidden, then restored (its counts are still the hidden round's).
    const restored = await newThread('Chủ đề bị ẩn rồi được khôi phục');
    await flag(restored, 'SPAM', 'reader2');
    await act('hideContent', { threadId: restored, reason: 'Quảng cáo lặp lại' }, 'mod1');
    await act('restoreContent', { threadId: restored, reason: 'Tác giả đã sửa nội dung' }, 'mod1');
    const untouched = await FlaggedItem.findById(itemOf(restored)).lean();

    // What the moderators see before the repair.
    const before = await queue();
    expect(inQueue(before.byThread.get(inflated))).toMatchObject({ flaggerCount: 9, flags: 2 });
    expect(before.byThread.has(uncounted)).toBe(false);

    expect(await repairFlaggedItems(quick)).toBe(2);

    const after = await queue();
    expect(after.openFlagCount).toBe(before.openFlagCount + 1);
    expect(inQueue(after.byThread.get(inflated))).toEqual({
      flaggerCount: 2,
      reasonCounts: expect.arrayContaining([
        { reason: 'SPAM', count: 1 },
        { reason: 'OFF_TOPIC', count: 1 },
      ]),
      flags: 2,
    });
    expect(after.byThread.get(inflated).reasonCounts).toHaveLength(2);
    expect(inQueue(after.byThread.get(uncounted))).toEqual({ flaggerCount: 1, reasonCounts: [{ reason: 'SPAM', count: 1 }], flags: 1 });
    expect(await FlaggedItem.findById(itemOf(restored)).lean()).toEqual(untouched);

    // The next flag counts on top of the recovered one, not afresh.
    await flag(uncounted, 'SPAM', 'reader2');
    expect(inQueue((await queue()).byThread.get(uncounted))).toMatchObject({ flaggerCount: 2, flags: 2 });
    expect(await repairFlaggedItems(quick)).toBe(0);
  });
});
