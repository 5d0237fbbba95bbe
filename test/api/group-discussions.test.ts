import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sendWeeklyDigests } from '../../schema/digest/service.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { loadGroups } from '../../seeds/groups.ts';
import { personWithAccount, signInPeople } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';
import { useMailbox } from '../helpers/mailbox.ts';

/*
 * Issue 13, item 2: a members-only group's discussions exist for its members (and moderators)
 * only, through every path: the thread itself, lists, search, counts, profiles, updates,
 * notifications and every write. A public group's discussions read like any thread.
 */

useTestDatabase();
const mailbox = useMailbox();
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
const SECURITY = 'nhom-an-toan-an-ninh-mang'; // members only
const TECHNOLOGY = 'nhom-giai-phap-cong-nghe'; // public

type Who = 'member' | 'lead' | 'outsider' | 'leaver' | 'mod1' | 'admin1' | null;
const as = (who: Who) => (who ? { cookie: cookies[who] } : {});
const RESULT = `__typename ... on Error { code }`;
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');

async function mutate(name: string, input: Record<string, unknown>, who: Who, select = '') {
  const upper = `${name[0]!.toUpperCase()}${name.slice(1)}`;
  const response = await graphql(`mutation ($input: ${upper}Input!) { ${name}(input: $input) { ${RESULT} ${select} } }`, { input }, as(who));
  expect(response.errors).toBeUndefined();
  return response.data[name];
}
const query = async (text: string, variables: Record<string, unknown>, who: Who) => graphql(text, variables, as(who));

const start = (who: Who, input: Record<string, unknown>) =>
  mutate(
    'createThread',
    { kind: 'DISCUSSION', body: 'Nội dung thảo luận.', topics: ['du-lieu-so'], place: 'da-nang', ...input },
    who,
    '... on CreateThreadPayload { thread { id membersOnly group { slug } } }',
  );

const THREAD = `query ($id: ID!) { thread(id: $id) { id title } }`;
const openThread = async (id: string, who: Who) => {
  const response = await query(THREAD, { id }, who);
  return response.data?.thread ? 'READ' : response.errors?.[0]?.extensions?.code;
};
const listed = async (filter: Record<string, unknown>, who: Who) =>
  ((await query(`query ($filter: ThreadFilter) { threads(first: 50, filter: $filter) { edges { node { id } } } }`, { filter }, who)).data.threads.edges as { node: { id: string } }[]).map(
    (e) => e.node.id,
  );
const searchCount = async (word: string, who: Who) => (await query(`query ($q: String!) { search(query: $q, first: 10) { counts { threads } } }`, { q: word }, who)).data.search.counts.threads;
const inbox = async (who: Who) =>
  ((await query(`{ viewer { notifications(first: 50) { edges { node { kind url } } } } }`, {}, who)).data.viewer.notifications.edges as { node: { kind: string; url: string } }[]).map((e) => e.node);
const updates = async (who: Who) =>
  (await query(`{ followUpdates(first: 50) { totalCount edges { node { thread { id } } } } }`, {}, who)).data.followUpdates as {
    totalCount: number;
    edges: { node: { thread: { id: string } | null } }[];
  };
/** The ids its group's page lists, or the code of the refusal. */
const groupThreads = async (slug: string, who: Who) => {
  const response = await query(`query ($slug: String!) { group(slug: $slug) { threads(first: 20) { edges { node { id membersOnly } } } } }`, { slug }, who);
  return response.data.group.threads?.edges.map((e: { node: { id: string } }) => e.node.id) ?? response.errors?.[0]?.extensions?.code;
};

beforeAll(async () => {
  await createReferenceData();
  await loadGroups();
  await signInPeople({ member: 'member', lead: 'member', outsider: 'member', leaver: 'member', mod1: 'moderator', admin1: 'admin' }, cookies, ids);
  for (const [who, role] of [
    ['member', 'MEMBER'],
    ['lead', 'LEAD'],
    ['leaver', 'MEMBER'],
  ] as const) {
    expect((await mutate('setGroupMember', { group: SECURITY, expertId: gid('Expert', ids[who]!), role }, 'admin1')).__typename).toBe('SetGroupMemberPayload');
  }
  // The outsider follows everything that could bring the thread to them: its topic and its author.
  await mutate('followTopic', { topic: 'du-lieu-so', following: true }, 'outsider');
  await mutate('followExpert', { id: gid('Expert', ids.member!), following: true }, 'outsider');
});
beforeEach(() => resetRateLimits());

describe('Starting a discussion in a group', () => {
  it('only the group’s members start one there (leads and members alike); others are refused and nothing is stored', async () => {
    expect(await start('outsider', { title: 'Thử mở trong nhóm không phải của mình', group: SECURITY })).toMatchObject({ code: 'NOT_AUTHORIZED' });
    expect(await start('mod1', { title: 'Điều phối viên không thuộc nhóm', group: SECURITY })).toMatchObject({ code: 'NOT_AUTHORIZED' });
    expect(await start('member', { title: 'Nhóm không có thật trong tổ', group: 'khong-co-nhom-nay' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await start('member', { title: 'Tên nhóm sai định dạng', group: '../$where' })).toMatchObject({ __typename: 'ValidationError' });
    expect(await searchCount('Điều phối viên không thuộc nhóm', 'mod1')).toBe(0);
    const byLead = await start('lead', { title: 'Trưởng nhóm mở thảo luận riêng', group: SECURITY });
    expect(byLead.thread).toEqual({ id: expect.any(String), membersOnly: true, group: { slug: SECURITY } });
    const ordinary = await start('outsider', { title: 'Thảo luận chung của mạng lưới' });
    expect(ordinary.thread).toMatchObject({ membersOnly: false, group: null });
  });
});

describe('A members-only group’s discussion', () => {
  let threadId = '';
  beforeAll(async () => {
    // It mentions a member of the group and the outsider: only the member hears of it.
    const started = await start('member', {
      kind: 'QUESTION',
      title: 'Kịch bản ứng cứu sự cố kinvanhoa cho tỉnh thí điểm',
      body: 'Nhờ @leaver và @outsider góp ý kịch bản kinvanhoa.',
      group: SECURITY,
    });
    threadId = started.thread.id;
    expect(started.thread.membersOnly).toBe(true);
  });

  it('is read by the group’s members and by moderators, and is NOT_FOUND to everyone else, signed out too', async () => {
    expect(await openThread(threadId, 'member')).toBe('READ');
    expect(await openThread(threadId, 'lead')).toBe('READ');
    expect(await openThread(threadId, 'mod1')).toBe('READ');
    expect(await openThread(threadId, 'admin1')).toBe('READ');
    expect(await openThread(threadId, 'outsider')).toBe('NOT_FOUND');
    expect((await query(`query ($id: ID!) { node(id: $id) { id } }`, { id: threadId }, 'outsider')).data.node).toBeNull();
    expect((await query(`query ($id: ID!) { node(id: $id) { id } }`, { id: threadId }, 'member')).data.node).toEqual({ id: threadId });
    expect((await query(`query ($id: ID!) { node(id: $id) { id } }`, { id: threadId }, null)).data.node).toBeNull();
  });

  it('shows in no list, search, similar questions or count of a non-member; in those of a member', async () => {
    for (const filter of [{}, { topic: 'du-lieu-so' }, { place: 'da-nang' }, { kind: 'QUESTION' }, { unanswered: true }, { query: 'kinvanhoa' }]) {
      expect(await listed(filter, 'outsider')).not.toContain(threadId);
      expect(await listed(filter, 'member')).toContain(threadId);
    }
    expect(await searchCount('kinvanhoa', 'outsider')).toBe(0);
    expect(await searchCount('kinvanhoa', 'member')).toBe(1);
    const similar = async (who: Who) => (await query(`{ similarThreads(title: "ứng cứu sự cố kinvanhoa") { id } }`, {}, who)).data.similarThreads.map((t: { id: string }) => t.id);
    expect(await similar('outsider')).not.toContain(threadId);
    expect(await similar('member')).toContain(threadId);
    // Topic and place counts are the same for everyone: what every member reads.
    const counts = async (who: Who) => (await query(`{ topic(slug: "du-lieu-so") { threadCount } }`, {}, who)).data.topic.threadCount;
    expect(await counts('member')).toBe(await counts('outsider'));
    expect(await counts('outsider')).toBe((await listed({ topic: 'du-lieu-so' }, 'outsider')).length);
  });

  it('leaves the author’s profile lists and counts for non-members', async () => {
    const profile = async (who: Who) =>
      (await query(`{ expert(handle: "member") { questions(first: 10) { totalCount edges { node { id } } } } }`, {}, who)).data.expert.questions as {
        totalCount: number;
        edges: { node: { id: string } }[];
      };
    expect(await profile('outsider')).toEqual({ totalCount: 0, edges: [] });
    expect((await profile('lead')).edges.map((e) => e.node.id)).toContain(threadId);
  });

  it('leaves a member’s answers there off their profile for non-members', async () => {
    await mutate('replyToThread', { threadId, body: 'Trả lời trong nhóm: tách mạng quản trị.' }, 'lead');
    const answers = async (who: Who) => (await query(`{ expert(handle: "lead") { answers(first: 10) { totalCount edges { node { question { id } } } } } }`, {}, who)).data.expert.answers;
    expect(await answers('outsider')).toEqual({ totalCount: 0, edges: [] });
    expect(await answers('member')).toMatchObject({ totalCount: 1, edges: [{ node: { question: { id: threadId } } }] });
  });

  it('is no update and no notification for a non-member who follows its topic and author or is mentioned; a mentioned member hears of it', async () => {
    const outsiderUpdates = await updates('outsider');
    expect(outsiderUpdates.edges.map((e) => e.node.thread?.id)).not.toContain(threadId);
    expect(outsiderUpdates.totalCount).toBe(outsiderUpdates.edges.length);
    expect((await inbox('outsider')).filter((n) => n.url.includes(threadId))).toEqual([]);
    expect((await inbox('leaver')).filter((n) => n.url.includes(threadId)).map((n) => n.kind)).toEqual(['MENTION']);
    expect((await updates('leaver')).edges.map((e) => e.node.thread?.id)).toContain(threadId);
  });

  it('refuses every write of a non-member as NOT_FOUND, as if it did not exist; a moderator may still flag it', async () => {
    const refused = [
      await mutate('replyToThread', { threadId, body: 'Người ngoài nhóm trả lời' }, 'outsider'),
      await mutate('voteForQuestion', { threadId }, 'outsider'),
      await mutate('followThread', { id: threadId, following: true }, 'outsider'),
      await mutate('bookmarkThread', { id: threadId, bookmarked: true }, 'outsider'),
      await mutate('markThreadRead', { threadId }, 'outsider'),
      await mutate('flagContent', { threadId, reason: 'SPAM' }, 'outsider'),
    ];
    expect(refused.map((r) => r.code)).toEqual(Array(refused.length).fill('NOT_FOUND'));
    const thread = await query(`query ($id: ID!) { thread(id: $id) { voteCount replyCount } }`, { id: threadId }, 'member');
    expect(thread.data.thread).toEqual({ voteCount: 0, replyCount: 1 });
    expect((await mutate('flagContent', { threadId, reason: 'SPAM' }, 'mod1')).__typename).toBe('FlagContentPayload');
    expect((await mutate('voteForQuestion', { threadId }, 'lead')).__typename).toBe('VoteForQuestionPayload');
  });

  it('opens no live replies to a non-member', async () => {
    const subscribe = async (who: Who) => {
      const response = await graphql(`subscription ($threadId: ID!) { threadReplies(threadId: $threadId) { id } }`, { threadId }, { ...as(who), headers: { accept: 'text/event-stream' } });
      return JSON.stringify(response);
    };
    expect(await subscribe('outsider')).toContain('NOT_FOUND');
  });

  it('is left out of the weekly digest, even for a member of the group who follows its topic', async () => {
    const reader = await personWithAccount('docbantin', 'Người đọc bản tin');
    await graphql(`mutation { followTopic(input: { topic: "du-lieu-so", following: true }) { __typename } }`, {}, { cookie: await sessionCookieFor(reader.id) });
    await mutate('setGroupMember', { group: SECURITY, expertId: gid('Expert', reader.id), role: 'MEMBER' }, 'admin1');
    await sendWeeklyDigests();
    const [digest] = await mailbox.to(reader.email);
    // It went out, with the week's open thread in the topic, but not the group's.
    expect(digest?.parsed.text).toContain('Thảo luận chung của mạng lưới');
    expect(digest?.parsed.text).not.toContain('kinvanhoa');
  });

  it('is listed on its group’s page to members and moderators only', async () => {
    expect(await groupThreads(SECURITY, 'member')).toContain(threadId);
    expect(await groupThreads(SECURITY, 'mod1')).toContain(threadId);
    expect(await groupThreads(SECURITY, 'outsider')).toBe('NOT_AUTHORIZED');
    expect(await groupThreads(SECURITY, null)).toBe('NOT_AUTHORIZED');
  });

  it('is gone for a member taken out of the group: the thread, its notifications, updates and replies', async () => {
    await mutate('followThread', { id: threadId, following: true }, 'leaver');
    expect(await openThread(threadId, 'leaver')).toBe('READ');
    expect((await mutate('removeGroupMember', { group: SECURITY, expertId: gid('Expert', ids.leaver!) }, 'admin1')).__typename).toBe('RemoveGroupMemberPayload');
    expect(await openThread(threadId, 'leaver')).toBe('NOT_FOUND');
    expect((await inbox('leaver')).filter((n) => n.url.includes(threadId))).toEqual([]);
    expect((await updates('leaver')).edges.map((e) => e.node.thread?.id)).not.toContain(threadId);
    expect(await listed({}, 'leaver')).not.toContain(threadId);
    expect(await searchCount('kinvanhoa', 'leaver')).toBe(0);
    // A later reply tells the group's followers, not the one who left.
    await mutate('replyToThread', { threadId, body: 'Cập nhật sau khi rời nhóm' }, 'member');
    expect((await inbox('leaver')).filter((n) => n.url.includes(threadId))).toEqual([]);
    expect((await mutate('replyToThread', { threadId, body: 'Tôi vẫn muốn trả lời' }, 'leaver')).code).toBe('NOT_FOUND');
  });
});

describe('A public group’s discussion', () => {
  it('reads like any thread: every signed-in member finds it, and the group’s page lists it to them', async () => {
    await mutate('setGroupMember', { group: TECHNOLOGY, expertId: gid('Expert', ids.member!), role: 'MEMBER' }, 'admin1');
    const started = await start('member', { title: 'Nền tảng chia sẻ dữ liệu mocnhienlam', group: TECHNOLOGY });
    expect(started.thread).toMatchObject({ membersOnly: false, group: { slug: TECHNOLOGY } });
    expect(await openThread(started.thread.id, 'outsider')).toBe('READ');
    expect(await searchCount('mocnhienlam', 'outsider')).toBe(1);
    expect(await groupThreads(TECHNOLOGY, 'outsider')).toEqual([started.thread.id]);
    expect(await groupThreads(TECHNOLOGY, null)).toBe('NOT_AUTHORIZED');
    expect(await openThread(started.thread.id, null)).toBe('NOT_AUTHORIZED');
  });
});
