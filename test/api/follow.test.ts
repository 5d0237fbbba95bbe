import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Bookmark } from '../../schema/bookmark/model.ts';
import { Reply, Thread } from '../../schema/discussion/model.ts';
import { Follow } from '../../schema/follow/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Practice } from '../../schema/practice/model.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

const commandLog = useTestDatabase();

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');
const ids: Record<string, string> = {};
const cookies: Record<string, string> = {};
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

async function practice(title: string, author: string, fields: Record<string, unknown> = {}) {
  const doc = await Practice.create({ title, authors: [ids[author]!], status: 'published', publishedAt: minutesAgo(30), version: 1, topics: [], ...fields } as never);
  return String(doc._id);
}
async function thread(title: string, author: string, fields: Record<string, unknown> = {}) {
  const doc = await Thread.create({ kind: 'discussion', title, author: ids[author], lastActivityAt: minutesAgo(30), topics: [], ...fields });
  return String(doc._id);
}

beforeAll(async () => {
  await createReferenceData();
  for (const handle of ['reader', 'writer', 'other', 'quiet']) {
    ids[handle] = String((await createExpert({ handle }))._id);
    cookies[handle] = await sessionCookieFor(ids[handle]!);
  }
});
beforeEach(() => resetRateLimits());

const FOLLOW_EXPERT = `mutation ($id: ID!, $on: Boolean!) { followExpert(input: { id: $id, following: $on }) { __typename ... on Error { code message } ... on FollowExpertPayload { expert { handle viewerFollows followerCount } } } }`;
const FOLLOW_TOPIC = `mutation ($topic: String!, $on: Boolean!) { followTopic(input: { topic: $topic, following: $on }) { __typename ... on Error { code } ... on FollowTopicPayload { topic { slug viewerFollows followerCount } } } }`;
const FOLLOW_THREAD = `mutation ($id: ID!, $on: Boolean!) { followThread(input: { id: $id, following: $on }) { __typename ... on Error { code } ... on FollowThreadPayload { thread { title viewerFollows followerCount } } } }`;
const UPDATES = `query ($first: Int, $after: String) { followUpdates(first: $first, after: $after) {
  totalCount seenAt pageInfo { hasNextPage endCursor }
  edges { node { kind isNew followedThread mentionsViewer practice { title } thread { title } reply { id } topics { slug } experts { handle } } } } }`;
const titlesOf = (response: any) => response.data.followUpdates.edges.map((e: any) => e.node.practice?.title ?? e.node.thread?.title);

describe('Follow', () => {
  it('follows an expert, a topic and a thread, counting each follower once however often they click', async () => {
    const threadId = await thread('Kinh nghiệm thuê dịch vụ CNTT', 'other');
    const clicks = await Promise.all(Array.from({ length: 4 }, () => graphql(FOLLOW_EXPERT, { id: globalId('Expert', ids.writer!), on: true }, { cookie: cookies.reader })));
    expect(clicks.every((r) => r.data.followExpert.__typename === 'FollowExpertPayload')).toBe(true);
    expect(clicks.at(-1)!.data.followExpert.expert).toEqual({ handle: 'writer', viewerFollows: true, followerCount: 1 });
    const topic = await graphql(FOLLOW_TOPIC, { topic: 'du-lieu-so', on: true }, { cookie: cookies.reader });
    expect(topic.data.followTopic.topic).toEqual({ slug: 'du-lieu-so', viewerFollows: true, followerCount: 1 });
    const followed = await graphql(FOLLOW_THREAD, { id: globalId('Thread', threadId), on: true }, { cookie: cookies.reader });
    expect(followed.data.followThread.thread).toMatchObject({ viewerFollows: true, followerCount: 1 });
    const list = await graphql(`{ myFollows { totalCount edges { node { kind expert { handle } topic { slug } thread { title } } } } }`, {}, { cookie: cookies.reader });
    expect(list.data.myFollows.totalCount).toBe(3);
    expect(list.data.myFollows.edges.map((e: any) => e.node.kind).sort()).toEqual(['EXPERT', 'THREAD', 'TOPIC']);
    expect(await Follow.countDocuments({ follower: ids.reader })).toBe(3);
  });

  it('stops following, and a second stop changes nothing', async () => {
    await graphql(FOLLOW_EXPERT, { id: globalId('Expert', ids.writer!), on: true }, { cookie: cookies.quiet });
    for (let i = 0; i < 2; i++) {
      const response = await graphql(FOLLOW_EXPERT, { id: globalId('Expert', ids.writer!), on: false }, { cookie: cookies.quiet });
      expect(response.data.followExpert.expert).toEqual({ handle: 'writer', viewerFollows: false, followerCount: 1 });
    }
  });

  it('refuses following oneself, unknown targets, bad ids and signed-out visitors, writing nothing', async () => {
    const before = await Follow.estimatedDocumentCount();
    const self = await graphql(FOLLOW_EXPERT, { id: globalId('Expert', ids.reader!), on: true }, { cookie: cookies.reader });
    expect(self.data.followExpert.code).toBe('CONFLICT');
    const unknown = await graphql(FOLLOW_EXPERT, { id: globalId('Expert', '0123456789abcdef01234567'), on: true }, { cookie: cookies.reader });
    expect(unknown.data.followExpert.code).toBe('NOT_FOUND');
    expect((await graphql(FOLLOW_TOPIC, { topic: 'khong-co', on: true }, { cookie: cookies.reader })).data.followTopic.code).toBe('NOT_FOUND');
    expect((await graphql(FOLLOW_TOPIC, { topic: '{"$ne":1}', on: true }, { cookie: cookies.reader })).data.followTopic.code).toBe('VALIDATION_FAILED');
    expect((await graphql(FOLLOW_THREAD, { id: globalId('Practice', ids.writer!), on: true }, { cookie: cookies.reader })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await graphql(FOLLOW_TOPIC, { topic: 'du-lieu-so', on: true })).data.followTopic.code).toBe('NOT_AUTHORIZED');
    expect((await graphql(`{ myFollows { totalCount } }`)).errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
    expect(await Follow.estimatedDocumentCount()).toBe(before);
  });
});

describe('FollowUpdate', () => {
  let newest = '';
  beforeAll(async () => {
    // reader follows writer, topic du-lieu-so and one thread of "other" (from the tests above).
    await practice('Nền tảng chia sẻ dữ liệu của tỉnh', 'other', { topics: ['du-lieu-so'], publishedAt: minutesAgo(5) });
    await practice('Cổng dịch vụ công của writer', 'writer', { publishedAt: minutesAgo(4) });
    await practice('Một cách làm chẳng ai theo dõi', 'other', { topics: ['an-toan-thong-tin'], publishedAt: minutesAgo(3) });
    await practice('Bản nháp của writer', 'writer', { status: 'draft', publishedAt: null });
    await practice('Cách làm của chính người đọc', 'reader', { topics: ['du-lieu-so'], publishedAt: minutesAgo(2) });
    newest = await thread('Hỏi về kho dữ liệu dùng chung', 'quiet', { topics: ['du-lieu-so'], lastActivityAt: minutesAgo(1) });
    await thread('Writer mở thảo luận', 'writer', { lastActivityAt: minutesAgo(6) });
  });

  it('lists what changed in what one follows, newest first, saying why, and nothing else', async () => {
    const response = await graphql(UPDATES, {}, { cookie: cookies.reader });
    expect(titlesOf(response)).toEqual(['Hỏi về kho dữ liệu dùng chung', 'Cổng dịch vụ công của writer', 'Nền tảng chia sẻ dữ liệu của tỉnh', 'Writer mở thảo luận', 'Kinh nghiệm thuê dịch vụ CNTT']);
    const [first, second, , , last] = response.data.followUpdates.edges.map((e: any) => e.node);
    expect(first).toMatchObject({ kind: 'THREAD_ACTIVITY', topics: [{ slug: 'du-lieu-so' }], experts: [], isNew: true });
    expect(second).toMatchObject({ kind: 'PRACTICE_PUBLISHED', experts: [{ handle: 'writer' }] });
    expect(last).toMatchObject({ followedThread: true });
    expect(response.data.followUpdates.totalCount).toBe(5);
  });

  it('pages through the updates without skipping or repeating', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const response: any = await graphql(UPDATES, { first: 2, after }, { cookie: cookies.reader });
      seen.push(...titlesOf(response));
      after = response.data.followUpdates.pageInfo.hasNextPage ? response.data.followUpdates.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('marks updates seen, so only later ones are new', async () => {
    await graphql(`mutation { markFollowUpdatesSeen { __typename } }`, {}, { cookie: cookies.reader });
    // Someone else replies (one's own replies are no news: test/api/follow-updates.test.ts).
    await Reply.create({ thread: newest, author: ids.other, depth: 0, body: 'Bổ sung thêm kinh nghiệm của tỉnh tôi.' });
    await Thread.updateOne({ _id: newest }, { $set: { lastActivityAt: new Date(Date.now() + 1000) } });
    const response = await graphql(UPDATES, {}, { cookie: cookies.reader });
    expect(response.data.followUpdates.seenAt).not.toBeNull();
    expect(response.data.followUpdates.edges.map((e: any) => e.node.isNew)).toEqual([true, false, false, false, false]);
  });

  it('costs the same number of database commands for a page of 2 or of 5', async () => {
    const commandsFor = async (first: number) => {
      commandLog.reset();
      const response = await graphql(UPDATES, { first }, { cookie: cookies.reader });
      expect(response.data.followUpdates.edges).toHaveLength(first);
      return commandLog.commands.length;
    };
    expect(await commandsFor(5)).toBe(await commandsFor(2));
  });

  it('tells people when a reply or a thread mentions them, and only them', async () => {
    const REPLY = `mutation ($input: ReplyToThreadInput!) { replyToThread(input: $input) { __typename ... on ReplyToThreadPayload { reply { id bodyHtml } } } }`;
    const mentioned = await graphql(REPLY, { input: { threadId: globalId('Thread', newest), body: 'Hỏi thêm @other và @nobody.here nhé, cả @reader nữa' } }, { cookie: cookies.reader });
    expect(mentioned.data.replyToThread.reply.bodyHtml).toContain('<a href="/experts/other" class="mention">@other</a>');
    const CREATE = `mutation ($input: CreateThreadInput!) { createThread(input: $input) { __typename } }`;
    await graphql(CREATE, { input: { kind: 'QUESTION', title: 'Anh @other có mẫu hợp đồng thuê dịch vụ không?', body: 'Nhờ @other chia sẻ giúp.' } }, { cookie: cookies.quiet });
    const other = await graphql(UPDATES, {}, { cookie: cookies.other });
    const nodes = other.data.followUpdates.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => [n.kind, n.thread?.title])).toEqual([
      ['THREAD_ACTIVITY', 'Anh @other có mẫu hợp đồng thuê dịch vụ không?'],
      ['MENTION', 'Hỏi về kho dữ liệu dùng chung'],
    ]);
    expect(nodes[0].mentionsViewer).toBe(true);
    // Writers are not told of their own name.
    const own = await graphql(UPDATES, { first: 50 }, { cookie: cookies.reader });
    expect(own.data.followUpdates.edges.some((e: any) => e.node.kind === 'MENTION')).toBe(false);
  });

  it('follows the threads one starts or replies to', async () => {
    const mine = await graphql(`{ myFollows(kind: THREAD) { edges { node { thread { title } } } } }`, {}, { cookie: cookies.quiet });
    expect(mine.data.myFollows.edges.map((e: any) => e.node.thread.title)).toContain('Anh @other có mẫu hợp đồng thuê dịch vụ không?');
    const replier = await graphql(`{ myFollows(kind: THREAD) { edges { node { thread { title } } } } }`, {}, { cookie: cookies.reader });
    expect(replier.data.myFollows.edges.map((e: any) => e.node.thread.title)).toContain('Hỏi về kho dữ liệu dùng chung');
  });

  it('is empty for someone who follows nothing, and refused to a signed-out visitor', async () => {
    const nobody = await sessionCookieFor(String((await createExpert({ handle: 'newcomer' }))._id));
    expect((await graphql(UPDATES, {}, { cookie: nobody })).data.followUpdates).toMatchObject({ totalCount: 0, edges: [] });
    expect((await graphql(UPDATES)).errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
  });
});

const BOOKMARK_PRACTICE = `mutation ($id: ID!, $on: Boolean!) { bookmarkPractice(input: { id: $id, bookmarked: $on }) { __typename ... on Error { code } ... on BookmarkPracticePayload { practice { title viewerBookmarked } } } }`;
const BOOKMARK_THREAD = `mutation ($id: ID!, $on: Boolean!) { bookmarkThread(input: { id: $id, bookmarked: $on }) { __typename ... on Error { code } ... on BookmarkThreadPayload { thread { title viewerBookmarked } } } }`;
const MY_BOOKMARKS = `query ($kind: BookmarkKind, $first: Int) { myBookmarks(kind: $kind, first: $first) { totalCount edges { node { kind practice { title } thread { title } } } } }`;

describe('Bookmark', () => {
  it('keeps practices and threads privately, latest first, once however often clicked', async () => {
    const p = await practice('Chữ ký số cho cán bộ xã', 'writer');
    const t = await thread('Kinh nghiệm triển khai LGSP', 'writer');
    await Promise.all([1, 2, 3].map(() => graphql(BOOKMARK_PRACTICE, { id: globalId('Practice', p), on: true }, { cookie: cookies.quiet })));
    const kept = await graphql(BOOKMARK_THREAD, { id: globalId('Thread', t), on: true }, { cookie: cookies.quiet });
    expect(kept.data.bookmarkThread.thread).toEqual({ title: 'Kinh nghiệm triển khai LGSP', viewerBookmarked: true });
    const mine = await graphql(MY_BOOKMARKS, {}, { cookie: cookies.quiet });
    expect(mine.data.myBookmarks.totalCount).toBe(2);
    expect(mine.data.myBookmarks.edges.map((e: any) => e.node.practice?.title ?? e.node.thread?.title)).toEqual(['Kinh nghiệm triển khai LGSP', 'Chữ ký số cho cán bộ xã']);
    const practicesOnly = await graphql(MY_BOOKMARKS, { kind: 'PRACTICE' }, { cookie: cookies.quiet });
    expect(practicesOnly.data.myBookmarks.edges).toHaveLength(1);
    // Someone else's view of the same practice is their own.
    const other = await graphql(`query ($id: ID!) { practice(id: $id) { viewerBookmarked } }`, { id: globalId('Practice', p) }, { cookie: cookies.other });
    expect(other.data.practice.viewerBookmarked).toBe(false);
    expect((await graphql(MY_BOOKMARKS, {}, { cookie: cookies.other })).data.myBookmarks.totalCount).toBe(0);
  });

  it('lets go of a bookmark', async () => {
    const p = await practice('Họp không giấy tờ', 'writer');
    await graphql(BOOKMARK_PRACTICE, { id: globalId('Practice', p), on: true }, { cookie: cookies.other });
    const dropped = await graphql(BOOKMARK_PRACTICE, { id: globalId('Practice', p), on: false }, { cookie: cookies.other });
    expect(dropped.data.bookmarkPractice.practice.viewerBookmarked).toBe(false);
    expect(await Bookmark.countDocuments({ owner: ids.other })).toBe(0);
  });

  it('refuses someone else’s draft, a missing thread and a signed-out visitor, writing nothing', async () => {
    const draft = await practice('Nháp riêng', 'writer', { status: 'draft', publishedAt: null });
    const before = await Bookmark.estimatedDocumentCount();
    expect((await graphql(BOOKMARK_PRACTICE, { id: globalId('Practice', draft), on: true }, { cookie: cookies.other })).data.bookmarkPractice.code).toBe('NOT_FOUND');
    expect((await graphql(BOOKMARK_THREAD, { id: globalId('Thread', '0123456789abcdef01234567'), on: true }, { cookie: cookies.other })).data.bookmarkThread.code).toBe('NOT_FOUND');
    expect((await graphql(BOOKMARK_PRACTICE, { id: globalId('Practice', draft), on: true })).data.bookmarkPractice.code).toBe('NOT_AUTHORIZED');
    expect(await Bookmark.estimatedDocumentCount()).toBe(before);
  });

  it('hides a bookmarked practice that is no longer readable, keeping the bookmark', async () => {
    const p = await practice('Sẽ bị rút lại', 'writer');
    await graphql(BOOKMARK_PRACTICE, { id: globalId('Practice', p), on: true }, { cookie: cookies.other });
    await Practice.updateOne({ _id: p }, { $set: { status: 'returned' } });
    const mine = await graphql(MY_BOOKMARKS, {}, { cookie: cookies.other });
    expect(mine.data.myBookmarks.edges[0].node).toEqual({ kind: 'PRACTICE', practice: null, thread: null });
  });

  it('answers "did I bookmark" for a page of practices in the same number of commands whatever its size', async () => {
    const LIST = `query ($first: Int) { practices(first: $first) { edges { node { viewerBookmarked } } } }`;
    const commandsFor = async (first: number) => {
      commandLog.reset();
      const response = await graphql(LIST, { first }, { cookie: cookies.quiet });
      expect(response.data.practices.edges).toHaveLength(first);
      return commandLog.commands.length;
    };
    expect(await commandsFor(6)).toBe(await commandsFor(2));
  });
});
