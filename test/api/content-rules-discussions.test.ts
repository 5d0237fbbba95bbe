import { describe, expect, it } from 'vitest';
import { Reply, Vote } from '../../schema/discussion/model.ts';
import { graphql } from '../helpers/graphql.ts';
import {
  badInput,
  type Case,
  changes,
  conflict,
  describeRows,
  f,
  globalId,
  invalid,
  MARKDOWN_MAX,
  NOWHERE,
  notAuthorized,
  notFound,
  OPERATOR,
  people,
  practiceId,
  row,
  snapshot,
  TITLE_MAX,
  textRows,
  threadId,
  useContentFixtures,
} from '../helpers/content-rules.ts';

/*
 * The "bad input" thrown at every content mutation (and at search): each case must end in
 * exactly the typed answer named in its row, and leave every content collection exactly as it
 * was, compared document by document (updatedAt included). The markdown bombs, which are within
 * the length limit, must instead be stored as given and rendered, bounded, in good time.
 *
 * Here: threads, replies, answers, follows, bookmarks, views and search; practices are in
 * content-rules-practices.test.ts.
 */

useContentFixtures();

/* Threads and replies */

const newThread = () => ({ kind: 'QUESTION', title: 'Kinh nghiệm thuê dịch vụ CNTT cấp tỉnh?', body: 'Xin chia sẻ.', topics: ['du-lieu-so'] });
const editOwn = () => ({ threadId: threadId('discussion'), title: 'Chủ đề đã sửa về dữ liệu số', body: 'Nội dung đã sửa.' });

const THREAD_CASES: Case[] = [
  ...textRows('createThread', 'refuses a new thread', 'author', newThread, 'title', { min: 10, max: TITLE_MAX }),
  row('createThread', 'refuses a new thread when the title is on a second line', 'author', () => ({ ...newThread(), title: 'Kinh nghiệm thuê\r\ndịch vụ CNTT' }), invalid('title', 'INVALID')),
  ...textRows('createThread', 'refuses a new thread', 'author', newThread, 'body', { min: 0, max: MARKDOWN_MAX }),
  row('createThread', 'refuses a new thread when a topic is unknown', 'author', () => ({ ...newThread(), topics: ['khong-co'] }), invalid('topics.0', 'UNKNOWN')),
  row('createThread', 'refuses a new thread when a topic is an operator written as text', 'author', () => ({ ...newThread(), topics: ['{"$ne":null}'] }), invalid('topics.0', 'INVALID')),
  row('createThread', 'refuses a new thread when it has six topics', 'author', () => ({ ...newThread(), topics: ['a', 'b', 'c', 'd', 'e', 'f'] }), invalid('topics', 'TOO_LONG')),
  row('createThread', 'refuses a new thread when the place is a former province', 'author', () => ({ ...newThread(), place: 'quang-nam' }), invalid('place', 'UNKNOWN')),
  row('createThread', 'refuses a new thread when the place is an operator object', 'author', () => ({ ...newThread(), place: OPERATOR }), badInput()),
  row('createThread', 'refuses a new thread when the kind is not a kind', 'author', () => ({ ...newThread(), kind: 'POLL' }), badInput()),
  row('createThread', 'refuses a new thread when signed out', 'anonymous', newThread, notAuthorized),

  ...textRows('editThread', 'refuses an edit of a thread', 'author', editOwn, 'title', { min: 10, max: TITLE_MAX }),
  ...textRows('editThread', 'refuses an edit of a thread', 'author', editOwn, 'body', { min: 0, max: MARKDOWN_MAX }),
  row('editThread', 'refuses an edit of a thread when it is someone else’s', 'other', editOwn, notAuthorized),
  row('editThread', 'refuses an edit of a thread when it is locked', 'author', () => ({ ...editOwn(), threadId: threadId('locked') }), conflict),
  row('editThread', 'refuses an edit of a thread when the place is a former province', 'author', () => ({ ...editOwn(), place: 'quang-nam' }), invalid('place', 'UNKNOWN')),
  row('editThread', 'refuses an edit of a thread when the id exists nowhere', 'author', () => ({ ...editOwn(), threadId: globalId('Thread', NOWHERE) }), notFound),
  row('editThread', 'refuses an edit of a thread when the id is a practice’s', 'author', () => ({ ...editOwn(), threadId: practiceId('authorPublished') }), badInput()),
  row('editThread', 'refuses an edit of a thread when the id is an operator object', 'author', () => ({ ...editOwn(), threadId: OPERATOR }), badInput()),

  row('startPracticeDiscussion', 'refuses to start a discussion when the practice is the viewer’s draft', 'author', () => ({ practiceId: practiceId('authorDraft') }), conflict),
  row('startPracticeDiscussion', 'refuses to start a discussion when the practice is someone else’s draft', 'reader', () => ({ practiceId: practiceId('otherDraft') }), notFound),
  row('startPracticeDiscussion', 'refuses to start a discussion when the practice is submitted, not published', 'curator', () => ({ practiceId: practiceId('authorSubmitted') }), conflict),
  row('startPracticeDiscussion', 'refuses to start a discussion when the id exists nowhere', 'reader', () => ({ practiceId: globalId('Practice', NOWHERE) }), notFound),
  row('startPracticeDiscussion', 'refuses to start a discussion when the id is a thread’s', 'reader', () => ({ practiceId: threadId('discussion') }), badInput()),
  row('startPracticeDiscussion', 'refuses to start a discussion when signed out', 'anonymous', () => ({ practiceId: practiceId('otherPublished') }), notAuthorized),
];

const newReply = () => ({ threadId: threadId('discussion'), body: 'Cảm ơn anh đã chia sẻ.' });

const REPLY_CASES: Case[] = [
  ...textRows('replyToThread', 'refuses a reply', 'reader', newReply, 'body', { min: 1, max: MARKDOWN_MAX }),
  row('replyToThread', 'refuses a reply when the thread is locked', 'reader', () => ({ ...newReply(), threadId: threadId('locked') }), conflict),
  row('replyToThread', 'refuses a reply when the thread exists nowhere', 'reader', () => ({ ...newReply(), threadId: globalId('Thread', NOWHERE) }), notFound),
  row('replyToThread', 'refuses a reply when the thread id is a practice’s', 'reader', () => ({ ...newReply(), threadId: practiceId('otherPublished') }), badInput()),
  row('replyToThread', 'refuses a reply when the thread id is an operator object', 'reader', () => ({ ...newReply(), threadId: OPERATOR }), badInput()),
  row('replyToThread', 'refuses a reply when the parent was removed', 'reader', () => ({ ...newReply(), parentId: f.discussionRemoved }), conflict),
  row('replyToThread', 'refuses a reply when the parent is a reply of another thread', 'reader', () => ({ ...newReply(), parentId: f.answerByOther }), invalid('parentId', 'INVALID')),
  row('replyToThread', 'refuses a reply when the parent exists nowhere', 'reader', () => ({ ...newReply(), parentId: NOWHERE }), notFound),
  row('replyToThread', 'refuses a reply when the parent is a global id', 'reader', () => ({ ...newReply(), parentId: threadId('discussion') }), invalid('parentId', 'INVALID')),
  row('replyToThread', 'refuses a reply when the parent is an operator object', 'reader', () => ({ ...newReply(), parentId: OPERATOR }), badInput()),
  row('replyToThread', 'refuses a reply when signed out', 'anonymous', newReply, notAuthorized),

  ...textRows('editReply', 'refuses an edit of a reply', 'author', () => ({ replyId: f.discussionByAuthor }), 'body', { min: 1, max: MARKDOWN_MAX }),
  row('editReply', 'refuses an edit of a reply when it is someone else’s', 'author', () => ({ replyId: f.discussionByOther, body: 'Sửa lời của người khác.' }), notAuthorized),
  row('editReply', 'refuses an edit of a reply when it was removed', 'author', () => ({ replyId: f.discussionOwnRemoved, body: 'Viết lại lời đã gỡ.' }), notAuthorized),
  row('editReply', 'refuses an edit of a reply when the thread is locked', 'author', () => ({ replyId: f.lockedReplyByAuthor, body: 'Sửa trong chủ đề đã khóa.' }), conflict),
  row('editReply', 'refuses an edit of a reply when it exists nowhere', 'author', () => ({ replyId: NOWHERE, body: 'Sửa lời không có.' }), notFound),
  row('editReply', 'refuses an edit of a reply when the id is a global id', 'author', () => ({ replyId: threadId('discussion'), body: 'Sửa lời không có.' }), invalid('replyId', 'INVALID')),
  row('editReply', 'refuses an edit of a reply when the id is an operator object', 'author', () => ({ replyId: OPERATOR, body: 'Sửa lời không có.' }), badInput()),

  row('deleteReply', 'refuses to remove a reply when it is someone else’s', 'author', () => ({ replyId: f.discussionByOther }), notAuthorized),
  row('deleteReply', 'refuses to remove a reply when it exists nowhere', 'author', () => ({ replyId: NOWHERE }), notFound),
  row('deleteReply', 'refuses to remove a reply when the id is an operator object', 'author', () => ({ replyId: OPERATOR }), badInput()),
  row('deleteReply', 'refuses to remove a reply when signed out', 'anonymous', () => ({ replyId: f.discussionByOther }), notAuthorized),
];

const ANSWER_CASES: Case[] = [
  row('voteForAnswer', 'refuses a vote when the answer is the viewer’s own', 'other', () => ({ replyId: f.answerByOther }), notAuthorized),
  row('voteForAnswer', 'refuses a vote when the reply is nested, not an answer', 'author', () => ({ replyId: f.nestedUnderAnswer }), conflict),
  row('voteForAnswer', 'refuses a vote when the reply is in a discussion', 'reader', () => ({ replyId: f.discussionByOther }), conflict),
  row('voteForAnswer', 'refuses a vote when the answer was removed', 'author', () => ({ replyId: f.answerRemoved }), conflict),
  row('voteForAnswer', 'refuses a vote when the question is locked', 'reader', () => ({ replyId: f.lockedAnswerByOther }), conflict),
  row('voteForAnswer', 'refuses a vote when the reply exists nowhere', 'reader', () => ({ replyId: NOWHERE }), notFound),
  row('voteForAnswer', 'refuses a vote when the id is a global id', 'reader', () => ({ replyId: threadId('question') }), invalid('replyId', 'INVALID')),
  row('voteForAnswer', 'refuses a vote when signed out', 'anonymous', () => ({ replyId: f.answerByOther }), notAuthorized),

  row('acceptAnswer', 'refuses to accept when the question is someone else’s', 'reader', () => ({ replyId: f.answerByOther }), notAuthorized),
  row('acceptAnswer', 'refuses to accept when the answer is in another asker’s question', 'author', () => ({ replyId: f.answerInOthersQuestion }), notAuthorized),
  row('acceptAnswer', 'refuses to accept when the reply is of another thread, a discussion', 'author', () => ({ replyId: f.discussionByOther }), conflict),
  row('acceptAnswer', 'refuses to accept when the reply is nested', 'author', () => ({ replyId: f.nestedUnderAnswer }), conflict),
  row('acceptAnswer', 'refuses to accept when the answer was removed', 'author', () => ({ replyId: f.answerRemoved }), conflict),
  row('acceptAnswer', 'refuses to accept when the question is locked', 'author', () => ({ replyId: f.lockedAnswerByOther }), conflict),
  row('acceptAnswer', 'refuses to accept when the reply exists nowhere', 'author', () => ({ replyId: NOWHERE }), notFound),
  row('acceptAnswer', 'refuses to accept when the id is an operator object', 'author', () => ({ replyId: OPERATOR }), badInput()),
];

/* Following, saving, reading */

const FOLLOW_CASES: Case[] = [
  row('followExpert', 'refuses to follow when the expert is the viewer', 'reader', () => ({ id: globalId('Expert', people.reader.id), following: true }), conflict),
  row('followExpert', 'refuses to follow when the expert exists nowhere', 'reader', () => ({ id: globalId('Expert', NOWHERE), following: true }), notFound),
  row('followExpert', 'refuses to follow when the id is a thread’s', 'reader', () => ({ id: threadId('discussion'), following: true }), badInput()),
  row('followExpert', 'refuses to follow when the id is an operator object', 'reader', () => ({ id: OPERATOR, following: true }), badInput()),
  row('followExpert', 'refuses to follow when the id’s key is an operator', 'reader', () => ({ id: globalId('Expert', '{"$ne":null}'), following: true }), invalid('id', 'INVALID')),
  row('followTopic', 'refuses to follow when the topic slug is unknown', 'reader', () => ({ topic: 'khong-co', following: true }), notFound),
  row('followTopic', 'refuses to follow when the topic slug is empty', 'reader', () => ({ topic: '', following: true }), invalid('topic', 'INVALID')),
  row('followTopic', 'refuses to follow when the topic slug is an operator written as text', 'reader', () => ({ topic: '{"$ne":null}', following: true }), invalid('topic', 'INVALID')),
  row('followTopic', 'refuses to follow when the topic slug is an operator object', 'reader', () => ({ topic: OPERATOR, following: true }), badInput()),
  row('followThread', 'refuses to follow when the thread exists nowhere', 'reader', () => ({ id: globalId('Thread', NOWHERE), following: true }), notFound),
  row('followThread', 'refuses to follow when the id is a practice’s', 'reader', () => ({ id: practiceId('otherPublished'), following: true }), badInput()),
  row('followThread', 'refuses to follow when signed out', 'anonymous', () => ({ id: threadId('discussion'), following: true }), notAuthorized),
];

const BOOKMARK_CASES: Case[] = [
  row('bookmarkPractice', 'refuses a bookmark when the practice is someone else’s draft', 'reader', () => ({ id: practiceId('otherDraft'), bookmarked: true }), notFound),
  row('bookmarkPractice', 'refuses a bookmark when the practice exists nowhere', 'reader', () => ({ id: globalId('Practice', NOWHERE), bookmarked: true }), notFound),
  row('bookmarkPractice', 'refuses a bookmark when the id is a thread’s', 'reader', () => ({ id: threadId('discussion'), bookmarked: true }), badInput()),
  row('bookmarkPractice', 'refuses a bookmark when the id is an operator object', 'reader', () => ({ id: OPERATOR, bookmarked: true }), badInput()),
  row('bookmarkThread', 'refuses a bookmark when the thread exists nowhere', 'reader', () => ({ id: globalId('Thread', NOWHERE), bookmarked: true }), notFound),
  row('bookmarkThread', 'refuses a bookmark when the id is a practice’s', 'reader', () => ({ id: practiceId('otherPublished'), bookmarked: true }), badInput()),
  row('bookmarkThread', 'refuses a bookmark when signed out', 'anonymous', () => ({ id: threadId('discussion'), bookmarked: true }), notAuthorized),
];

const VIEW_CASES: Case[] = [
  row('recordView', 'refuses to count a reader when the practice is someone else’s draft', 'reader', () => ({ id: practiceId('otherDraft') }), notFound),
  row('recordView', 'refuses to count a reader when the practice is a draft and the reader signed out', 'anonymous', () => ({ id: practiceId('authorDraft') }), notFound),
  row('recordView', 'refuses to count a reader when the id is an expert’s', 'reader', () => ({ id: globalId('Expert', people.other.id) }), badInput('input.id')),
  row('recordView', 'refuses to count a reader when the practice exists nowhere', 'reader', () => ({ id: globalId('Practice', NOWHERE) }), notFound),
  row('recordView', 'refuses to count a reader when the thread exists nowhere', 'reader', () => ({ id: globalId('Thread', NOWHERE) }), notFound),
  row('recordView', 'refuses to count a reader when the thread is read signed out', 'anonymous', () => ({ id: threadId('discussion') }), notAuthorized),
  row('recordView', 'refuses to count a reader when the id is an operator object', 'reader', () => ({ id: OPERATOR }), badInput()),
];

/* Search: a query, but it must refuse the same way and write nothing */

const SEARCH = `query ($query: String!, $filter: SearchFilter) { search(query: $query, filter: $filter, first: 5) { counts { practices threads experts } } }`;
const search = (name: string, query: string, argument: string, filter?: Record<string, unknown>, message?: RegExp): Case => ({
  name,
  as: 'reader',
  field: 'search',
  document: SEARCH,
  variables: () => ({ query, ...(filter ? { filter } : {}) }),
  expected: { badInput: true, argument, message },
});
/** One word of `length` letters: long, yet a single word. */
const oneWord = (length: number) => 'nentangdulieuso'.repeat(Math.ceil(length / 15)).slice(0, length);
/** Thirteen different words, none an acronym (which would expand). */
const THIRTEEN_WORDS = ['lúa', 'gạo', 'cà', 'phê', 'hồ', 'tiêu', 'cao', 'su', 'điều', 'chè', 'mía', 'sắn', 'ngô'];
const SEARCH_CASES: Case[] = [
  search('refuses a search when the query is empty', '', 'query'),
  search('refuses a search when the query is only whitespace', '   \t ', 'query'),
  search('refuses a search when the query is 201 characters', oneWord(201), 'query', undefined, /200 characters/),
  search('refuses a search when the query has 13 words', THIRTEEN_WORDS.join(' '), 'query', undefined, /12 words/),
  search('refuses a search when the query holds NUL', 'dữ liệu\u0000', 'query'),
  search('refuses a search when the topic is unknown', 'dữ liệu', 'filter.topic', { topic: 'khong-co' }),
  search('refuses a search when the topic is an operator written as text', 'dữ liệu', 'filter.topic', { topic: '{"$ne":null}' }),
  { ...search('refuses a search when the topic is an operator object', 'dữ liệu', '', { topic: OPERATOR }), expected: badInput() },
];

describeRows([
  ['Thread', THREAD_CASES],
  ['Reply', REPLY_CASES],
  ['Answer', ANSWER_CASES],
  ['Follow', FOLLOW_CASES],
  ['Bookmark', BOOKMARK_CASES],
  ['View', VIEW_CASES],
  ['Search', SEARCH_CASES],
]);

describe('Search', () => {
  it('answers a query of 12 words and 200 characters, so the limits are exactly those', async () => {
    for (const query of [THIRTEEN_WORDS.slice(0, 12).join(' '), oneWord(200)]) {
      const response = await graphql(SEARCH, { query }, { cookie: people.reader.cookie });
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      expect(response.data.search.counts).toEqual({ practices: 0, threads: 0, experts: 0 });
    }
  });
});

describe('Vote', () => {
  const VOTE = `mutation ($input: VoteForAnswerInput!) { voteForAnswer(input: $input) { __typename ... on Error { code } ... on VoteForAnswerPayload { reply { voteCount viewerVoted } } } }`;

  it('counts one vote when the same person votes twice, and again five times at once', async () => {
    const first = await graphql(VOTE, { input: { replyId: f.answerByOther } }, { cookie: people.reader.cookie });
    expect(first.data.voteForAnswer).toEqual({ __typename: 'VoteForAnswerPayload', reply: { voteCount: 1, viewerVoted: true } });
    const before = await snapshot();
    const again = await graphql(VOTE, { input: { replyId: f.answerByOther } }, { cookie: people.reader.cookie });
    expect(again.data.voteForAnswer).toEqual({ __typename: 'VoteForAnswerPayload', reply: { voteCount: 1, viewerVoted: true } });
    const burst = await Promise.all(Array.from({ length: 5 }, () => graphql(VOTE, { input: { replyId: f.answerByOther } }, { cookie: people.reader.cookie })));
    expect(burst.map((r) => r.data.voteForAnswer.reply.voteCount)).toEqual([1, 1, 1, 1, 1]);
    expect(await Vote.countDocuments({ reply: f.answerByOther })).toBe(1);
    expect(changes(before, await snapshot()), 'a repeated vote changed the database').toEqual([]);
  });
});

describe('Markdown', () => {
  const REPLY = `mutation ($input: ReplyToThreadInput!) { replyToThread(input: $input) { __typename ... on Error { code } ... on ReplyToThreadPayload { reply { id body bodyHtml } } } }`;

  /** Sends a reply and returns it, checking that only it (and its thread's counters) were written. */
  async function bomb(body: string) {
    const before = await Reply.estimatedDocumentCount();
    const started = performance.now();
    const response = await graphql(REPLY, { input: { threadId: threadId('discussion'), body } }, { cookie: people.reader.cookie });
    const elapsed = performance.now() - started;
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    expect(response.data.replyToThread.__typename).toBe('ReplyToThreadPayload');
    const { id, body: stored, bodyHtml } = response.data.replyToThread.reply;
    expect(stored).toBe(body);
    expect((await Reply.findById(id).lean())!.body).toBe(body);
    expect(await Reply.estimatedDocumentCount()).toBe(before + 1);
    expect(elapsed, 'rendering took too long').toBeLessThan(5_000);
    // Read back from the thread too: the stored reply renders again the same way.
    const THREAD = `query ($id: ID!) { thread(id: $id) { replies(first: 50) { edges { node { id bodyHtml } } } } }`;
    const page = await graphql(THREAD, { id: threadId('discussion') }, { cookie: people.other.cookie });
    expect(page.data.thread.replies.edges.find((e: any) => e.node.id === id).node.bodyHtml).toBe(bodyHtml);
    return bodyHtml as string;
  }

  it('stores 5,000 nested quotes inert, nests them only so deep and keeps what follows', async () => {
    const body = `${'> '.repeat(5_000)}Trích dẫn lồng nhau\n\nĐoạn sau vẫn hiện. <script>alert(1)</script>`;
    expect(body.length).toBeLessThanOrEqual(MARKDOWN_MAX);
    const html = await bomb(body);
    expect(html.split('<blockquote>').length - 1).toBe(20);
    expect(html).toContain('<p>Đoạn sau vẫn hiện. &lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(html).not.toMatch(/<script/i);
  });

  it('stores a 1,000-row table inert and renders every row', async () => {
    const rows = Array.from({ length: 1_000 }, (_, i) => `| Xã ${i + 1} | ${i * 7} |`);
    const body = ['| Đơn vị | Hồ sơ trực tuyến |', '|---|---:|', ...rows].join('\n');
    expect(body.length).toBeLessThanOrEqual(MARKDOWN_MAX);
    const html = await bomb(body);
    expect(html.split('<tr>').length - 1).toBe(1_001);
    expect(html).toContain('<td>Xã 1000</td>');
    expect(html).toContain('<td style="text-align:right">6993</td>');
  });
});
