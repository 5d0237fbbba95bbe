import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../schema/audit/model.ts';
import { repairCounters } from '../../schema/counters.ts';
import { Reply, Thread } from '../../schema/discussion/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Practice } from '../../schema/practice/model.ts';
import { useHttpServer } from '../helpers/app.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { signInPeople } from '../helpers/accounts.ts';
import { createReferenceData } from '../helpers/factories.ts';
import { graphql } from '../helpers/graphql.ts';

/* A hidden practice, thread or reply is refused through every path, but for moderators, who restore it. */

useTestDatabase();
const baseUrl = useHttpServer();
const cookies: Record<string, string> = {};
beforeAll(async () => {
  await createReferenceData();
  await signInPeople({ author: 'member', reader: 'member', curator1: 'curator', mod1: 'moderator' }, cookies);
});
beforeEach(() => resetRateLimits());

const RESULT = `__typename ... on Error { code } ... on ValidationError { fieldErrors { path code } }`;
const act = async (name: string, input: Record<string, unknown>, who: string, selection = '') => {
  const type = `${name[0]!.toUpperCase()}${name.slice(1)}`;
  return (await graphql(`mutation ($input: ${type}Input!) { ${name}(input: $input) { ${RESULT} ${selection} } }`, { input }, { cookie: cookies[who] })).data[name];
};
const as = (who: string | null) => (who ? { cookie: cookies[who] } : {});
const rawId = (gid: string) => Buffer.from(gid, 'base64url').toString().split(':')[1]!;
const codeOf = (response: { errors?: { extensions?: { code?: string } }[] }) => response.errors?.[0]?.extensions?.code;

async function publishedPractice(title: string) {
  const created = await act(
    'createPractice',
    {
      title,
      summary: 'Tổng đài số hóa hồ sơ đất đai toàn tỉnh.',
      problem: 'Hồ sơ giấy thất lạc.',
      solution: 'Số hóa và liên thông.',
      results: 'Giảm 40% thời gian.',
      organization: 'so-khcn-da-nang',
      place: 'da-nang',
      topics: ['du-lieu-so'],
      stage: 'OPERATING',
      year: 2024,
    },
    'author',
    '... on CreatePracticePayload { practice { id } }',
  );
  const id = created.practice.id as string;
  await act('submitPractice', { id }, 'author');
  expect((await act('publishPractice', { id }, 'curator1')).__typename).toBe('PublishPracticePayload');
  return id;
}

const searchCounts = async (query: string, who: string | null) =>
  (await graphql(`query ($q: String!) { search(query: $q, first: 10) { counts { practices threads } } }`, { q: query }, as(who))).data.search.counts;
const topicCounts = async (who: string) => (await graphql(`{ topic(slug: "du-lieu-so") { practiceCount threadCount } }`, {}, as(who))).data.topic;

describe('A hidden practice', () => {
  it('is refused through every path, its discussion with it, and comes back when restored', async () => {
    const id = await publishedPractice('Số hóa hồ sơ địa chính xuyenvietmoc');
    const started = await act('startPracticeDiscussion', { practiceId: id }, 'reader', '... on StartPracticeDiscussionPayload { thread { id } }');
    const discussionId = started.thread.id as string;
    await act('followTopic', { topic: 'du-lieu-so', following: true }, 'reader');
    const collection = await act('createCollection', { title: 'Bộ sưu tập có cách làm bị ẩn' }, 'curator1', '... on CreateCollectionPayload { collection { id slug } }');
    await act('addCollectionItem', { collectionId: collection.collection.id, practiceId: id, note: 'Chọn vì rõ ràng' }, 'curator1');
    await act('publishCollection', { id: collection.collection.id }, 'curator1');
    const before = { search: await searchCounts('xuyenvietmoc', null), topic: await topicCounts('reader') };
    expect(before.search.practices).toBe(1);
    expect(await fetch(`${baseUrl()}/sitemap.xml`).then((r) => r.text())).toContain(`/practices/${id}<`);

    expect((await act('hideContent', { practiceId: id, reason: 'Sai số liệu nghiêm trọng' }, 'curator1')).code).toBe('NOT_AUTHORIZED');
    expect((await act('hideContent', { practiceId: id, reason: ' x ' }, 'mod1')).fieldErrors).toEqual([{ path: 'reason', code: 'TOO_SHORT' }]);
    const hidden = await act('hideContent', { practiceId: id, reason: 'Sai số liệu nghiêm trọng' }, 'mod1', '... on HideContentPayload { practice { status } }');
    expect(hidden).toMatchObject({ __typename: 'HideContentPayload', practice: { status: 'HIDDEN' } });

    for (const who of [null, 'reader', 'curator1']) {
      expect(codeOf(await graphql(`query ($id: ID!) { practice(id: $id) { title } }`, { id }, as(who)))).toBe('NOT_FOUND');
      expect(codeOf(await graphql(`query ($id: ID!) { node(id: $id) { id } }`, { id }, as(who)))).toBe('NOT_FOUND');
      const list = (await graphql(`{ practices(first: 50) { totalCount edges { node { id } } } }`, {}, as(who))).data.practices;
      expect(list.edges.map((e: any) => e.node.id)).not.toContain(id);
      expect((await searchCounts('xuyenvietmoc', who)).practices).toBe(0);
    }
    expect((await topicCounts('reader')).practiceCount).toBe(before.topic.practiceCount - 1);
    // Its discussion goes with it.
    expect(codeOf(await graphql(`query ($id: ID!) { thread(id: $id) { title } }`, { id: discussionId }, as('reader')))).toBe('NOT_FOUND');
    expect((await act('replyToThread', { threadId: discussionId, body: 'Vẫn trả lời được không?' }, 'reader')).code).toBe('NOT_FOUND');
    // Collections, follow updates, feeds, sitemap and its public page.
    const shown = (await graphql(`query ($slug: String!) { collection(slug: $slug) { items { practice { id } } } }`, { slug: collection.collection.slug })).data.collection.items;
    expect(shown).toEqual([]);
    const updates = (await graphql(`{ followUpdates(first: 50) { edges { node { practice { id } } } } }`, {}, as('reader'))).data.followUpdates.edges;
    expect(updates.map((e: any) => e.node.practice?.id)).not.toContain(id);
    expect(await fetch(`${baseUrl()}/feeds/practices.atom`).then((r) => r.text())).not.toContain('xuyenvietmoc');
    expect(await fetch(`${baseUrl()}/sitemap.xml`).then((r) => r.text())).not.toContain(`/practices/${id}<`);
    expect(await fetch(`${baseUrl()}/practices/${id}`).then((r) => r.text())).not.toContain('xuyenvietmoc');
    // Nobody adds it to a collection.
    expect((await act('addCollectionItem', { collectionId: collection.collection.id, practiceId: id, note: 'Lại' }, 'curator1')).code).not.toBe(undefined);

    // Moderators open it (and its author does), and restore it.
    expect((await graphql(`query ($id: ID!) { practice(id: $id) { status } }`, { id }, as('mod1'))).data.practice).toEqual({ status: 'HIDDEN' });
    expect((await graphql(`query ($id: ID!) { practice(id: $id) { status viewerCanEdit } }`, { id }, as('author'))).data.practice).toEqual({ status: 'HIDDEN', viewerCanEdit: false });
    expect((await act('restoreContent', { practiceId: id, reason: 'Đã kiểm tra lại' }, 'reader')).code).toBe('NOT_AUTHORIZED');
    expect((await act('restoreContent', { practiceId: id, reason: 'Đã kiểm tra lại' }, 'mod1')).__typename).toBe('RestoreContentPayload');
    expect((await act('restoreContent', { practiceId: id, reason: 'Lần hai' }, 'mod1')).code).toBe('CONFLICT');
    expect((await searchCounts('xuyenvietmoc', null)).practices).toBe(1);
    expect((await graphql(`query ($id: ID!) { thread(id: $id) { id } }`, { id: discussionId }, as('reader'))).data.thread).toEqual({ id: discussionId });
    expect(
      (
        await AuditEntry.find({ practice: rawId(id) })
          .sort({ createdAt: -1, _id: -1 })
          .lean()
      ).map((e) => [e.action, e.reason]),
    ).toEqual(
      expect.arrayContaining([
        ['practice.hidden', 'Sai số liệu nghiêm trọng'],
        ['practice.restored', 'Đã kiểm tra lại'],
      ]),
    );
    expect((await Practice.findById(rawId(id)).lean())!.status).toBe('published');
  });
});

describe('A hidden thread', () => {
  it('leaves lists, search, counts and updates, is refused by id, and takes no writes until restored', async () => {
    const created = await act(
      'createThread',
      { kind: 'QUESTION', title: 'Câu hỏi quảng cáo zuvamtrel phần mềm', body: 'Mua ngay', topics: ['du-lieu-so'] },
      'author',
      '... on CreateThreadPayload { thread { id } }',
    );
    const threadId = created.thread.id as string;
    const before = await topicCounts('reader');
    expect((await searchCounts('zuvamtrel', 'reader')).threads).toBe(1);
    expect((await act('hideContent', { threadId, reason: 'Quảng cáo' }, 'mod1')).__typename).toBe('HideContentPayload');
    expect((await act('hideContent', { threadId, reason: 'Quảng cáo' }, 'mod1')).code).toBe('CONFLICT');

    for (const who of ['reader', 'author', 'curator1', 'mod1']) {
      const list = (await graphql(`{ threads(first: 50) { edges { node { id } } } }`, {}, as(who))).data.threads;
      expect(list.edges.map((e: any) => e.node.id)).not.toContain(threadId);
      expect((await searchCounts('zuvamtrel', who)).threads).toBe(0);
    }
    for (const who of ['reader', 'author']) {
      expect(codeOf(await graphql(`query ($id: ID!) { thread(id: $id) { title } }`, { id: threadId }, as(who)))).toBe('NOT_FOUND');
      expect(codeOf(await graphql(`query ($id: ID!) { node(id: $id) { id } }`, { id: threadId }, as(who)))).toBe('NOT_FOUND');
    }
    expect((await topicCounts('reader')).threadCount).toBe(before.threadCount - 1);
    const updates = (await graphql(`{ followUpdates(first: 50) { edges { node { thread { id } } } } }`, {}, as('author'))).data.followUpdates.edges;
    expect(updates.map((e: any) => e.node.thread?.id)).not.toContain(threadId);
    expect((await act('replyToThread', { threadId, body: 'Trả lời chủ đề bị ẩn' }, 'reader')).code).toBe('NOT_FOUND');
    expect((await act('editThread', { threadId, title: 'Sửa chủ đề đã bị ẩn đi', body: 'x', topics: ['du-lieu-so'] }, 'author')).code).toBe('NOT_FOUND');
    expect((await act('bookmarkThread', { id: threadId, bookmarked: true }, 'reader')).code).toBe('NOT_FOUND');

    // The moderator opens it, sees that it is hidden, and restores it.
    expect((await graphql(`query ($id: ID!) { thread(id: $id) { hidden } }`, { id: threadId }, as('mod1'))).data.thread).toEqual({ hidden: true });
    expect((await act('restoreContent', { threadId, reason: 'Tác giả đã sửa' }, 'mod1')).__typename).toBe('RestoreContentPayload');
    expect((await searchCounts('zuvamtrel', 'reader')).threads).toBe(1);
    for (const action of ['thread.hidden', 'thread.restored'] as const) expect(await AuditEntry.findOne({ action, thread: rawId(threadId) }).lean()).toMatchObject({ reason: expect.any(String) });
  });
});

describe('A hidden reply', () => {
  it('keeps its place as a placeholder without its text, stops counting, and takes nothing; moderators read it and restore it', async () => {
    const created = await act(
      'createThread',
      { kind: 'QUESTION', title: 'Hỏi về kết nối LGSP cấp tỉnh', body: 'Chi tiết', topics: ['du-lieu-so'] },
      'author',
      '... on CreateThreadPayload { thread { id } }',
    );
    const threadId = created.thread.id as string;
    const posted = await act('replyToThread', { threadId, body: 'Gọi số 0912 345 678 của tôi' }, 'reader', '... on ReplyToThreadPayload { reply { id } }');
    const replyId = posted.reply.id as string;
    await act('replyToThread', { threadId, body: 'Một trả lời khác' }, 'author');
    const view = async (who: string) =>
      (await graphql(`query ($id: ID!) { thread(id: $id) { replyCount replies(first: 10) { edges { node { id hidden body bodyHtml author { handle } } } } } }`, { id: threadId }, as(who))).data.thread;
    expect((await view('author')).replyCount).toBe(2);

    expect((await act('hideContent', { replyId, reason: 'Dữ liệu cá nhân' }, 'mod1')).__typename).toBe('HideContentPayload');
    const seen = await view('author');
    expect(seen.replyCount).toBe(1);
    expect(seen.replies.edges.find((e: any) => e.node.id === replyId).node).toEqual({ id: replyId, hidden: true, body: null, bodyHtml: null, author: null });
    expect((await view('mod1')).replies.edges.find((e: any) => e.node.id === replyId).node).toMatchObject({ hidden: true, body: 'Gọi số 0912 345 678 của tôi', author: { handle: 'reader' } });
    expect((await act('replyToThread', { threadId, parentId: replyId, body: 'Trả lời dưới chỗ bị ẩn' }, 'author')).code).toBe('CONFLICT');
    expect((await act('editReply', { replyId, body: 'Sửa lại' }, 'reader')).code).toBe('CONFLICT');
    expect((await act('voteForAnswer', { replyId }, 'author')).code).toBe('CONFLICT');
    expect((await act('acceptAnswer', { replyId }, 'author')).code).toBe('CONFLICT');
    // The repair agrees with the counts the hide moved.
    expect((await repairCounters({ settleMs: 0 })).replies).toBe(0);

    expect((await act('restoreContent', { replyId, reason: 'Đã xóa số điện thoại' }, 'mod1')).__typename).toBe('RestoreContentPayload');
    expect((await view('author')).replyCount).toBe(2);
    // Removed while hidden: it left the count once, not twice.
    await act('hideContent', { replyId, reason: 'Lại dữ liệu cá nhân' }, 'mod1');
    expect((await act('deleteReply', { replyId }, 'reader')).__typename).toBe('DeleteReplyPayload');
    expect((await Thread.findById(rawId(threadId)).lean())!.replyCount).toBe(1);
    expect(await Reply.countDocuments({ thread: rawId(threadId) })).toBe(2);
    const entries = await Promise.all((['reply.hidden', 'reply.restored'] as const).map((action) => AuditEntry.countDocuments({ action, reply: replyId })));
    expect(entries).toEqual([2, 1]);
  });
});
