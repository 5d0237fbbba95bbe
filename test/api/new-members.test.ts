import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../schema/audit/model.ts';
import { Thread } from '../../schema/discussion/model.ts';
import { Expert } from '../../schema/expert/model.ts';
import { FlaggedItem } from '../../schema/flag/model.ts';
import { queueWaitingPosts } from '../../schema/flag/repair.ts';
import { resetRateLimits, RATE_LIMITS } from '../../schema/limits.ts';
import { NEW_MEMBER_RULE } from '../../schema/moderation/new-members.ts';
import { anyOf } from '../../schema/query.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { signInPeople } from '../helpers/accounts.ts';
import { createReferenceData } from '../helpers/factories.ts';
import { graphql, graphqlWith } from '../helpers/graphql.ts';

/*
 * The new-member rule: a member neither staff nor verified who joined less than NEW_MEMBER_DAYS
 * ago has their first NEW_MEMBER_APPROVED_POSTS threads and replies wait for a moderator, hidden
 * from everyone else meanwhile, and writes within tighter budgets.
 */

useTestDatabase();
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  await createReferenceData();
  await signInPeople(
    {
      newbie: { joinedDaysAgo: 1 },
      newbie2: { joinedDaysAgo: 1 },
      oldtimer: { joinedDaysAgo: 400 },
      verifiednew: { joinedDaysAgo: 1, verified: true },
      reader: { joinedDaysAgo: 400 },
      mod1: { role: 'moderator', joinedDaysAgo: 400 },
      mod2: { role: 'moderator', joinedDaysAgo: 400 },
    },
    cookies,
    ids,
  );
});
beforeEach(() => resetRateLimits());

const RESULT = `__typename ... on Error { code message } ... on ValidationError { fieldErrors { path code } }`;
const as = (who: string) => ({ cookie: cookies[who] });
const rawId = (gid: string) => Buffer.from(gid, 'base64url').toString().split(':')[1]!;
const codeOf = (response: { errors?: { extensions?: { code?: string } }[] }) => response.errors?.[0]?.extensions?.code;

async function act(name: string, input: Record<string, unknown>, who: string, selection = '', client = graphql) {
  const type = `${name[0]!.toUpperCase()}${name.slice(1)}`;
  const response = await client(`mutation ($input: ${type}Input!) { ${name}(input: $input) { ${RESULT} ${selection} } }`, { input }, as(who));
  return response.data?.[name] ?? { code: codeOf(response) };
}

let titles = 0;
async function startThread(who: string, client = graphql) {
  const title = `Kinh nghiệm triển khai chữ ký số ${++titles}`;
  const created = await act(
    'createThread',
    { kind: 'DISCUSSION', title, body: 'Xin chia sẻ cách làm của tỉnh.', topics: [] },
    who,
    '... on CreateThreadPayload { thread { id title pendingApproval hidden } }',
    client,
  );
  return created.thread as { id: string; title: string; pendingApproval: boolean; hidden: boolean };
}
async function reply(who: string, threadId: string, body = 'Tỉnh tôi đã làm tương tự, có thể trao đổi thêm.') {
  const posted = await act('replyToThread', { threadId, body }, who, '... on ReplyToThreadPayload { reply { id pendingApproval body } }');
  return posted.reply as { id: string; pendingApproval: boolean; body: string };
}

const threadAs = async (who: string, id: string) =>
  graphql(`query ($id: ID!) { thread(id: $id) { id pendingApproval replyCount replies(first: 50) { totalCount edges { node { id pendingApproval body } } } } }`, { id }, as(who));
const listedThreadIds = async (who: string) => (await graphql(`{ threads(first: 50) { edges { node { id } } } }`, {}, as(who))).data.threads.edges.map((e: { node: { id: string } }) => e.node.id);
const searchCount = async (who: string, q: string) => (await graphql(`query ($q: String!) { search(query: $q, first: 10) { counts { threads } } }`, { q }, as(who))).data.search.counts.threads;
const queue = async (state: 'AWAITING' | 'HIDDEN' | 'OPEN') =>
  (
    await graphql(
      `query ($state: FlagQueueState) { flagQueue(state: $state, first: 50) { edges { node { kind awaitingApproval hidden decisionReason thread { id } reply { id } } } } awaitingApprovalCount }`,
      { state },
      as('mod1'),
    )
  ).data;

describe('A new member’s first posts', () => {
  it('wait hidden from everyone but their author and moderators, in the moderators’ queue', async () => {
    const thread = await startThread('newbie');
    expect(thread).toMatchObject({ pendingApproval: true, hidden: true });

    // The author opens it and sees it waits; another member finds it nowhere.
    expect((await threadAs('newbie', thread.id)).data.thread.pendingApproval).toBe(true);
    expect(codeOf(await threadAs('reader', thread.id))).toBe('NOT_FOUND');
    expect(codeOf(await graphql(`query ($id: ID!) { node(id: $id) { id } }`, { id: thread.id }, as('reader')))).toBe('NOT_FOUND');
    expect(await listedThreadIds('reader')).not.toContain(thread.id);
    expect(await searchCount('reader', thread.title)).toBe(0);
    // Nothing can be added under it until it is approved.
    expect((await act('replyToThread', { threadId: thread.id, body: 'Trả lời sớm' }, 'newbie')).code).toBe('CONFLICT');

    // A moderator sees it, and finds it in the "awaiting approval" queue with its count.
    expect((await threadAs('mod1', thread.id)).data.thread.pendingApproval).toBe(true);
    const waiting = await queue('AWAITING');
    expect(waiting.flagQueue.edges.map((e: { node: { thread: { id: string } } }) => e.node.thread.id)).toContain(thread.id);
    expect(waiting.awaitingApprovalCount).toBeGreaterThanOrEqual(1);
  });

  it('include replies: others’ thread pages and counts leave a waiting reply out, its author sees it', async () => {
    const thread = await startThread('oldtimer');
    const waiting = await reply('newbie2', thread.id);
    expect(waiting.pendingApproval).toBe(true);

    const forReader = (await threadAs('reader', thread.id)).data.thread;
    expect(forReader.replyCount).toBe(0);
    expect(forReader.replies.totalCount).toBe(0);
    expect(forReader.replies.edges).toEqual([]);
    const forAuthor = (await threadAs('newbie2', thread.id)).data.thread;
    expect(forAuthor.replies.edges.map((e: { node: unknown }) => e.node)).toEqual([{ id: waiting.id, pendingApproval: true, body: waiting.body }]);
    const forModerator = (await threadAs('mod1', thread.id)).data.thread;
    expect(forModerator.replies.edges[0].node).toMatchObject({ id: waiting.id, pendingApproval: true, body: waiting.body });

    // Others cannot reach it by its id either (flag, vote).
    expect((await act('flagContent', { replyId: waiting.id, reason: 'SPAM' }, 'reader')).code).toBe('NOT_FOUND');
  });

  it('show, counted and on top, once a moderator approves them; the audit log says who approved what', async () => {
    const thread = await startThread('oldtimer');
    const waiting = await reply('newbie2', thread.id);
    const approved = await act('approvePost', { replyId: waiting.id }, 'mod1', '... on ApprovePostPayload { item { awaitingApproval } reply { pendingApproval hidden } }');
    expect(approved).toMatchObject({ __typename: 'ApprovePostPayload', item: { awaitingApproval: false }, reply: { pendingApproval: false, hidden: false } });

    const forReader = (await threadAs('reader', thread.id)).data.thread;
    expect(forReader.replyCount).toBe(1);
    expect(forReader.replies.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([waiting.id]);
    expect(await AuditEntry.countDocuments({ action: 'reply.approved', actor: ids.mod1, subject: ids.newbie2 })).toBe(1);
    // Decided once: a second approval changes nothing.
    expect((await act('approvePost', { replyId: waiting.id }, 'mod2')).code).toBe('CONFLICT');
    expect((await queue('AWAITING')).flagQueue.edges.map((e: { node: { reply: { id: string } | null } }) => e.node.reply?.id)).not.toContain(waiting.id);

    const newThread = await startThread('newbie2');
    await act('approvePost', { threadId: newThread.id }, 'mod1');
    expect((await listedThreadIds('reader'))[0]).toBe(newThread.id);
  });

  it('stay hidden for good when a moderator rejects them with a reason', async () => {
    const thread = await startThread('newbie');
    expect((await act('rejectPost', { threadId: thread.id, reason: ' ' }, 'mod1')).__typename).toBe('ValidationError');
    const rejected = await act('rejectPost', { threadId: thread.id, reason: 'Quảng cáo dịch vụ, không phải thảo luận.' }, 'mod1', '... on RejectPostPayload { item { hidden awaitingApproval } }');
    expect(rejected.item).toEqual({ hidden: true, awaitingApproval: false });

    expect(codeOf(await threadAs('reader', thread.id))).toBe('NOT_FOUND');
    expect(codeOf(await threadAs('newbie', thread.id))).toBe('NOT_FOUND');
    const hidden = (await queue('HIDDEN')).flagQueue.edges.find((e: { node: { thread: { id: string } } }) => e.node.thread.id === thread.id);
    expect(hidden.node.decisionReason).toBe('Quảng cáo dịch vụ, không phải thảo luận.');
    expect(await AuditEntry.countDocuments({ action: 'thread.rejected', actor: ids.mod1, subject: ids.newbie })).toBe(1);
  });

  it('are decided by one moderator when two decide at once', async () => {
    const thread = await startThread('newbie');
    const [approval, rejection] = await Promise.all([act('approvePost', { threadId: thread.id }, 'mod1'), act('rejectPost', { threadId: thread.id, reason: 'Trùng lặp với chủ đề khác.' }, 'mod2')]);
    const outcomes = [approval.__typename ?? approval.code, rejection.__typename ?? rejection.code].sort();
    expect([
      ['ApprovePostPayload', 'CONFLICT'],
      ['CONFLICT', 'RejectPostPayload'],
    ]).toContainEqual(outcomes.map((o) => (o === 'ConflictError' ? 'CONFLICT' : o)));
    expect(await AuditEntry.countDocuments({ thread: rawId(thread.id), action: anyOf(['thread.approved', 'thread.rejected']) })).toBe(1);
  });

  it('cannot be hidden, restored or flagged as if they were ordinary content', async () => {
    const thread = await startThread('newbie');
    expect((await act('restoreContent', { threadId: thread.id, reason: 'Hiện lại để xem.' }, 'mod1')).code).toBe('CONFLICT');
    expect((await act('hideContent', { threadId: thread.id, reason: 'Ẩn đi cho chắc.' }, 'mod1')).code).toBe('CONFLICT');
    expect((await act('approvePost', { threadId: thread.id }, 'newbie')).code).toBe('NOT_AUTHORIZED');
    expect((await Thread.findById(rawId(thread.id)).lean())?.pendingAuthor).not.toBeNull();
  });

  it(`end once ${NEW_MEMBER_RULE.postsToApprove} of them are shown`, async () => {
    await signInPeople({ learner: { joinedDaysAgo: 1 } }, cookies, ids);
    for (let n = 0; n < NEW_MEMBER_RULE.postsToApprove; n++) {
      const thread = await startThread('learner');
      expect(thread.pendingApproval).toBe(true);
      await act('approvePost', { threadId: thread.id }, 'mod1');
    }
    expect((await startThread('learner')).pendingApproval).toBe(false);
  });
});

describe('npm run repair-counters', () => {
  it('queues a waiting post that a crash left outside the moderators’ queue, once', async () => {
    const thread = await startThread('newbie');
    await FlaggedItem.deleteOne({ _id: new FlaggedItem({ kind: 'thread', target: rawId(thread.id) })._id });
    const inQueue = async () => (await queue('AWAITING')).flagQueue.edges.some((e: { node: { thread: { id: string } } }) => e.node.thread.id === thread.id);
    expect(await inQueue()).toBe(false);
    expect(await queueWaitingPosts()).toBe(1);
    expect(await inQueue()).toBe(true);
    expect(await queueWaitingPosts()).toBe(0);
  });
});

describe('Members who are not new', () => {
  it('post at once: an old account, a verified expert, staff', async () => {
    for (const who of ['oldtimer', 'verifiednew', 'mod1']) expect((await startThread(who)).pendingApproval, who).toBe(false);
  });

  it('include a new member once verified, without waiting for their earlier posts', async () => {
    await signInPeople({ soonverified: { joinedDaysAgo: 1 } }, cookies, ids);
    expect((await startThread('soonverified')).pendingApproval).toBe(true);
    await Expert.updateOne({ _id: ids.soonverified }, { $set: { verifiedAt: new Date() } });
    expect((await startThread('soonverified')).pendingApproval).toBe(false);
  });
});

describe('The rule’s settings', () => {
  it('turn approval off with NEW_MEMBER_APPROVED_POSTS=0 and the whole rule with NEW_MEMBER_DAYS=0', async () => {
    await signInPeople({ freshface: { joinedDaysAgo: 1 } }, cookies, ids);
    const noApproval = graphqlWith({ NODE_ENV: 'test', NEW_MEMBER_DAYS: 7, NEW_MEMBER_APPROVED_POSTS: 0 });
    expect((await startThread('freshface', noApproval)).pendingApproval).toBe(false);
    const nobodyNew = graphqlWith({ NODE_ENV: 'test', NEW_MEMBER_DAYS: 0, NEW_MEMBER_APPROVED_POSTS: 2 });
    expect((await startThread('freshface', nobodyNew)).pendingApproval).toBe(false);
    // A member who joined 3 days ago is no longer new under a 2-day rule.
    await signInPeople({ threedays: { joinedDaysAgo: 3 } }, cookies, ids);
    expect((await startThread('threedays', graphqlWith({ NODE_ENV: 'test', NEW_MEMBER_DAYS: 2, NEW_MEMBER_APPROVED_POSTS: 2 }))).pendingApproval).toBe(false);
    expect((await startThread('threedays')).pendingApproval).toBe(true);
  });
});

describe('A new member’s write limits', () => {
  it(`allow ${RATE_LIMITS.newMemberThreads.points} threads a day, where an old member may start more`, async () => {
    await signInPeople({ spammer: { joinedDaysAgo: 1 } }, cookies, ids);
    for (let n = 0; n < RATE_LIMITS.newMemberThreads.points; n++) expect((await startThread('spammer')).pendingApproval).toBe(true);
    const refused = await graphql(`mutation { createThread(input: { kind: DISCUSSION, title: "Một chủ đề nữa", body: "", topics: [] }) { __typename } }`, {}, as('spammer'));
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect(await Thread.countDocuments({ author: ids.spammer })).toBe(RATE_LIMITS.newMemberThreads.points);
    for (let n = 0; n <= RATE_LIMITS.newMemberThreads.points; n++) expect((await startThread('oldtimer')).pendingApproval).toBe(false);
  });

  it(`allow ${RATE_LIMITS.newMemberWrites.points} writes a minute, a third of everyone’s`, async () => {
    await signInPeople({ busy: { joinedDaysAgo: 1 } }, cookies, ids);
    const thread = await startThread('oldtimer');
    const bookmark = `mutation ($id: ID!, $on: Boolean!) { bookmarkThread(input: { id: $id, bookmarked: $on }) { __typename } }`;
    let accepted = 0;
    for (let n = 0; n < RATE_LIMITS.newMemberWrites.points + 1; n++) if (!codeOf(await graphql(bookmark, { id: thread.id, on: n % 2 === 0 }, as('busy')))) accepted++;
    expect(accepted).toBe(RATE_LIMITS.newMemberWrites.points);
  });
});
