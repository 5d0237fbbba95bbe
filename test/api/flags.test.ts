import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../schema/audit/model.ts';
import { Thread } from '../../schema/discussion/model.ts';
import { Flag, FlaggedItem } from '../../schema/flag/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Practice } from '../../schema/practice/model.ts';
import { globalId } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { signInPeople } from '../helpers/accounts.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

useTestDatabase();
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
beforeAll(async () => {
  await createReferenceData();
  await signInPeople({ writer: 'member', reader1: 'member', reader2: 'member', curator1: 'curator', mod1: 'moderator' }, cookies, ids);
  for (let i = 0; i < 12; i++) cookies[`racer${i}`] = await sessionCookieFor(String((await createExpert({ handle: `racer${i}` }))._id));
});
beforeEach(() => resetRateLimits());

/** The database id inside a Relay global ID. */
const rawId = (gid: string) => Buffer.from(gid, 'base64url').toString().split(':')[1]!;
const RESULT = `__typename ... on Error { code } ... on ValidationError { fieldErrors { path code } }`;
const act = async (name: string, input: Record<string, unknown>, who: string, selection = '') =>
  (await graphql(`mutation ($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${RESULT} ${selection} } }`, { input }, { cookie: cookies[who] })).data[name];
const flag = (input: Record<string, unknown>, who: string) => act('flagContent', input, who, '... on FlagContentPayload { counted }');

async function newThread(title = 'Một chủ đề có nội dung quảng cáo lặp lại') {
  const created = await act('createThread', { kind: 'DISCUSSION', title, body: 'Mua phần mềm giá rẻ tại đây', topics: ['du-lieu-so'] }, 'writer', '... on CreateThreadPayload { thread { id } }');
  return created.thread.id as string;
}
async function newReply(threadId: string, body = 'Liên hệ 0900 000 000 để mua') {
  const created = await act('replyToThread', { threadId, body }, 'writer', '... on ReplyToThreadPayload { reply { id } }');
  return created.reply.id as string;
}

const QUEUE = `query { openFlagCount flagQueue(first: 20) { totalCount edges { node { id kind flaggerCount firstFlaggedAt lastFlaggedAt reasonCounts { reason count } flags { reason note flagger { handle } } thread { id } reply { id } practice { id } } } } }`;
const queue = async (who = 'mod1') => (await graphql(QUEUE, {}, { cookie: cookies[who] })).data;

describe('Flags', () => {
  it('count a person once however often, or however many times at once, they flag the same item', async () => {
    const threadId = await newThread();
    expect(await flag({ threadId, reason: 'SPAM' }, 'reader1')).toEqual({ __typename: 'FlagContentPayload', counted: true });
    expect(await flag({ threadId, reason: 'OFF_TOPIC' }, 'reader1')).toEqual({ __typename: 'FlagContentPayload', counted: false });
    // Twelve people at once, each sending the same flag three times at once.
    const racing = await Promise.all(Array.from({ length: 36 }, (_, i) => flag({ threadId, reason: 'SPAM' }, `racer${i % 12}`)));
    expect(racing.filter((r) => r.counted === true)).toHaveLength(12);
    expect(racing.every((r) => r.__typename === 'FlagContentPayload')).toBe(true);
    const item = (await queue()).flagQueue.edges.find((e: any) => e.node.thread?.id === threadId).node;
    expect(item).toMatchObject({ kind: 'THREAD', flaggerCount: 13, reasonCounts: [{ reason: 'SPAM', count: 13 }] });
    expect(item.flags).toHaveLength(13);
    expect(await Flag.countDocuments({})).toBeGreaterThanOrEqual(13);
  });

  it('need a known reason, a note for "other", a note within its limit, and exactly one target', async () => {
    const threadId = await newThread('Chủ đề để thử các lý do báo cáo');
    const before = await Flag.countDocuments({});
    expect((await flag({ threadId, reason: 'OTHER' }, 'reader1')).fieldErrors).toEqual([{ path: 'note', code: 'REQUIRED' }]);
    expect((await flag({ threadId, reason: 'SPAM', note: 'x'.repeat(501) }, 'reader1')).fieldErrors).toEqual([{ path: 'note', code: 'TOO_LONG' }]);
    expect((await flag({ reason: 'SPAM' }, 'reader1')).code).toBe('VALIDATION_FAILED');
    const replyId = await newReply(threadId);
    expect((await flag({ threadId, replyId, reason: 'SPAM' }, 'reader1')).code).toBe('VALIDATION_FAILED');
    const unknownReason = await graphql(`mutation { flagContent(input: { threadId: "${threadId}", reason: SHOUTING }) { __typename } }`, {}, { cookie: cookies.reader1 });
    expect(unknownReason.errors?.length).toBeGreaterThan(0);
    expect(await Flag.countDocuments({})).toBe(before);
    expect(await flag({ threadId, reason: 'OTHER', note: 'Chép nguyên văn từ trang khác' }, 'reader1')).toMatchObject({ counted: true });
  });

  it('refuse one’s own content, what one cannot read, and signed-out visitors', async () => {
    const threadId = await newThread('Chủ đề của chính người viết');
    const before = await Flag.countDocuments({});
    expect((await flag({ threadId, reason: 'SPAM' }, 'writer')).code).toBe('NOT_AUTHORIZED');
    const draft = await Practice.create({ title: 'Bản nháp của người khác', authors: [ids.writer!], status: 'draft' });
    expect((await flag({ practiceId: globalId('Practice', String(draft._id)), reason: 'SPAM' }, 'reader1')).code).toBe('NOT_FOUND');
    expect((await flag({ replyId: '0123456789abcdef01234567', reason: 'SPAM' }, 'reader1')).code).toBe('NOT_FOUND');
    const anonymous = await graphql(`mutation ($input: FlagContentInput!) { flagContent(input: $input) { ${RESULT} } }`, { input: { threadId, reason: 'SPAM' } });
    expect(anonymous.data.flagContent.code).toBe('NOT_AUTHORIZED');
    expect(await Flag.countDocuments({})).toBe(before);
  });

  it('group per item in a queue for moderators only, newest flagged first, with counts, notes and the way to the item', async () => {
    const older = await newThread('Chủ đề bị báo cáo trước');
    const threadId = await newThread('Chủ đề có trả lời bị báo cáo');
    const replyId = await newReply(threadId);
    const published = await Practice.create({ title: 'Cách làm đã công bố', authors: [ids.writer!], status: 'published', publishedAt: new Date() });
    const practiceId = globalId('Practice', String(published._id));
    await flag({ threadId: older, reason: 'SPAM' }, 'reader2');
    await flag({ practiceId, reason: 'WRONG_INFORMATION', note: 'Số liệu năm 2023 sai' }, 'reader1');
    await flag({ replyId, reason: 'PERSONAL_DATA', note: 'Có số điện thoại cá nhân' }, 'reader1');
    await flag({ replyId, reason: 'SPAM' }, 'reader2');
    const { flagQueue, openFlagCount } = await queue();
    expect(openFlagCount).toBe(flagQueue.totalCount);
    const nodes = flagQueue.edges.map((e: any) => e.node);
    const replyItem = nodes.find((n: any) => n.reply?.id === replyId);
    expect(replyItem).toMatchObject({ kind: 'REPLY', flaggerCount: 2, thread: { id: threadId } });
    expect(replyItem.reasonCounts).toEqual(
      expect.arrayContaining([
        { reason: 'PERSONAL_DATA', count: 1 },
        { reason: 'SPAM', count: 1 },
      ]),
    );
    expect(replyItem.flags.map((f: any) => [f.flagger.handle, f.note])).toEqual([
      ['reader1', 'Có số điện thoại cá nhân'],
      ['reader2', ''],
    ]);
    expect(new Date(replyItem.lastFlaggedAt) >= new Date(replyItem.firstFlaggedAt)).toBe(true);
    // Newest flagged first.
    const order = nodes.map((n: any) => n.reply?.id ?? n.practice?.id ?? n.thread?.id);
    expect(order.indexOf(replyId)).toBeLessThan(order.indexOf(practiceId));
    expect(order.indexOf(practiceId)).toBeLessThan(order.indexOf(older));
    // Paged.
    const page = (await graphql(`query { flagQueue(first: 1) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`, {}, { cookie: cookies.mod1 })).data.flagQueue;
    expect(page.edges).toHaveLength(1);
    const next = (await graphql(`query ($after: String) { flagQueue(first: 1, after: $after) { edges { node { id } } } }`, { after: page.pageInfo.endCursor }, { cookie: cookies.mod1 })).data
      .flagQueue;
    expect(next.edges[0].node.id).not.toBe(page.edges[0].node.id);
    for (const who of ['reader1', 'curator1']) {
      const refused = await graphql(`{ openFlagCount flagQueue(first: 5) { totalCount } }`, {}, { cookie: cookies[who] });
      expect(refused.errors?.length).toBeGreaterThan(0);
      expect(refused.errors?.every((e) => e.extensions?.code === 'NOT_AUTHORIZED')).toBe(true);
    }
  });

  it('close when a moderator dismisses them with a reason, audited; a later flag opens the item again', async () => {
    const threadId = await newThread('Chủ đề được giữ lại sau khi xem xét');
    await flag({ threadId, reason: 'OFF_TOPIC' }, 'reader1');
    const countBefore = (await queue()).openFlagCount;
    expect((await act('dismissFlags', { threadId, reason: 'ok' }, 'mod1')).fieldErrors).toEqual([{ path: 'reason', code: 'TOO_SHORT' }]);
    expect((await act('dismissFlags', { threadId, reason: 'Đúng chủ đề' }, 'reader2')).code).toBe('NOT_AUTHORIZED');
    expect((await act('dismissFlags', { threadId, reason: 'Đúng chủ đề, giữ lại' }, 'mod1')).__typename).toBe('DismissFlagsPayload');
    expect((await queue()).openFlagCount).toBe(countBefore - 1);
    expect(await AuditEntry.findOne({ action: 'flags.dismissed', thread: rawId(threadId) }).lean()).toMatchObject({ actor: expect.anything(), reason: 'Đúng chủ đề, giữ lại' });
    expect((await act('dismissFlags', { threadId, reason: 'Lần hai' }, 'mod1')).code).toBe('CONFLICT');
    // Flagged again after the decision: a new round, counted afresh.
    expect(await flag({ threadId, reason: 'SPAM' }, 'reader1')).toMatchObject({ counted: true });
    const item = (await queue()).flagQueue.edges.find((e: any) => e.node.thread?.id === threadId).node;
    expect(item).toMatchObject({ flaggerCount: 1, reasonCounts: [{ reason: 'SPAM', count: 1 }] });
  });

  it('close when a moderator hides the item, which leaves the thread for members', async () => {
    const threadId = await newThread('Chủ đề sẽ bị ẩn sau khi bị báo cáo');
    await flag({ threadId, reason: 'SPAM' }, 'reader1');
    expect((await act('hideContent', { threadId, reason: 'Quảng cáo' }, 'reader1')).code).toBe('NOT_AUTHORIZED');
    const hidden = await act('hideContent', { threadId, reason: 'Quảng cáo' }, 'mod1', '... on HideContentPayload { thread { id hidden } item { hidden flaggerCount } }');
    expect(hidden).toMatchObject({ thread: { id: threadId, hidden: true }, item: { hidden: true } });
    expect((await queue()).flagQueue.edges.some((e: any) => e.node.thread?.id === threadId)).toBe(false);
    const hiddenList = (await graphql(`{ flagQueue(state: HIDDEN, first: 50) { edges { node { thread { id } decisionReason decidedBy { handle } } } } }`, {}, { cookie: cookies.mod1 })).data.flagQueue;
    expect(hiddenList.edges.find((e: any) => e.node.thread.id === threadId).node).toMatchObject({ decisionReason: 'Quảng cáo', decidedBy: { handle: 'mod1' } });
    expect(await AuditEntry.findOne({ action: 'thread.hidden', thread: rawId(threadId) }).lean()).toMatchObject({ subject: expect.anything(), reason: 'Quảng cáo' });
    // Nobody flags what is hidden; it is not found for members.
    expect((await flag({ threadId, reason: 'SPAM' }, 'reader2')).code).toBe('NOT_FOUND');
    expect((await Thread.findById(rawId(threadId)).lean())!.hiddenAt).toBeInstanceOf(Date);
    expect(await FlaggedItem.countDocuments({ state: 'hidden' })).toBeGreaterThanOrEqual(1);
  });
});
