import mongoose from 'mongoose';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Reply, ReplyRevision, Thread, ThreadRevision } from '../../schema/discussion/model.ts';
import { Expert } from '../../schema/expert/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { RENDERER_VERSION } from '../../schema/markdown/render.ts';
import { Practice } from '../../schema/practice/model.ts';
import { ensureIndexes } from '../../server/db/connection.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

/*
 * Markdown is rendered when it is written and reads serve what was stored (schema/markdown/pool.ts);
 * earlier versions of threads and replies live in their own collections; the start-up migration
 * brings older data to that shape (schema/discussion/migrate.ts, schema/practice/migrate.ts).
 */

const commandLog = useTestDatabase();
const cookies: Record<string, string> = {};
let authorId = '';
beforeAll(async () => {
  await createReferenceData();
  const author = await createExpert({ handle: 'author1' });
  authorId = String(author._id);
  cookies.author = await sessionCookieFor(authorId);
  const curator = await createExpert({ handle: 'curator1' });
  await Expert.updateOne({ _id: curator._id }, { $set: { role: 'curator' } });
  cookies.curator = await sessionCookieFor(String(curator._id));
});
beforeEach(() => resetRateLimits());

const RESULT = `__typename ... on Error { code } ... on ValidationError { fieldErrors { path code } }`;
const send = async (name: string, input: Record<string, unknown>, selection: string) =>
  (await graphql(`mutation ($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${RESULT} ${selection} } }`, { input }, { cookie: cookies.author })).data[name];
const newThread = async (body: string) =>
  (await send('createThread', { kind: 'DISCUSSION', title: 'Chủ đề để thử cách hiển thị', body, topics: [] }, '... on CreateThreadPayload { thread { id bodyHtml } }')).thread;
const newReply = async (threadId: string, body: string) => (await send('replyToThread', { threadId, body }, '... on ReplyToThreadPayload { reply { id bodyHtml } }')).reply;
const rawId = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1]!;
const THREAD_VIEW = `query ($id: ID!) { thread(id: $id) { bodyHtml edited history { title bodyHtml editedAt } replies(first: 50) { edges { node { id bodyHtml edited history { bodyHtml editedAt } } } } } }`;
const threadView = async (id: string) => {
  const response = await graphql(THREAD_VIEW, { id }, { cookie: cookies.author });
  expect(response.errors).toBeUndefined();
  return response.data.thread;
};
const gid = (type: string, id: unknown) => Buffer.from(`${type}:${String(id)}`).toString('base64url');

describe('Stored HTML', () => {
  it('is made when a thread, a reply or a practice is written, and reads serve it as stored', async () => {
    const thread = await newThread('Xem **hướng dẫn** của @author1 tại [đây](https://dx.example.vn).');
    expect(thread.bodyHtml).toContain('<strong>hướng dẫn</strong>');
    const reply = await newReply(thread.id, 'Cảm ơn, _rất_ hữu ích.');
    const practice = (await send('createPractice', { title: 'Một cách làm hay', problem: '# Vấn đề\n\n- một\n- hai' }, '... on CreatePracticePayload { practice { id problemHtml solutionHtml } }'))
      .practice;
    expect(practice).toMatchObject({ problemHtml: '<h3>Vấn đề</h3>\n<ul>\n<li>một</li>\n<li>hai</li>\n</ul>\n', solutionHtml: '' });

    const storedThread = (await Thread.findById(rawId(thread.id)).lean())!;
    expect(storedThread).toMatchObject({ bodyHtml: thread.bodyHtml, bodyVersion: RENDERER_VERSION, mentions: [] });
    expect((await Reply.findById(reply.id).lean())!).toMatchObject({ bodyHtml: '<p>Cảm ơn, <em>rất</em> hữu ích.</p>\n', bodyVersion: RENDERER_VERSION });
    expect((await Practice.findById(rawId(practice.id)).lean())!).toMatchObject({ problemHtml: practice.problemHtml, htmlVersion: RENDERER_VERSION });

    // What readers get is the stored HTML, not a new rendering of the markdown.
    await Thread.updateOne({ _id: storedThread._id }, { $set: { bodyHtml: '<p>as stored</p>' } });
    await Reply.updateOne({ _id: reply.id }, { $set: { bodyHtml: '<p>reply as stored</p>' } });
    const view = await threadView(thread.id);
    expect(view.bodyHtml).toBe('<p>as stored</p>');
    expect(view.replies.edges[0].node.bodyHtml).toBe('<p>reply as stored</p>');
  });

  it('moves on with every edit, and each earlier version keeps the HTML it had', async () => {
    const thread = await newThread('Bản **đầu**');
    const edited = await send(
      'editThread',
      { threadId: thread.id, title: 'Chủ đề để thử cách hiển thị, đã sửa', body: 'Bản _hai_', topics: [] },
      '... on EditThreadPayload { thread { bodyHtml edited } }',
    );
    expect(edited.thread).toEqual({ bodyHtml: '<p>Bản <em>hai</em></p>\n', edited: true });
    const reply = await newReply(thread.id, 'Trả lời `một`');
    await send('editReply', { replyId: reply.id, body: 'Trả lời ~~hai~~' }, '__typename');
    await send('editReply', { replyId: reply.id, body: 'Trả lời ba' }, '__typename');
    const view = await threadView(thread.id);
    expect(view.history).toMatchObject([{ title: 'Chủ đề để thử cách hiển thị', bodyHtml: '<p>Bản <strong>đầu</strong></p>\n' }]);
    expect(view.replies.edges[0].node).toMatchObject({
      bodyHtml: '<p>Trả lời ba</p>\n',
      edited: true,
      history: [{ bodyHtml: '<p>Trả lời <code>một</code></p>\n' }, { bodyHtml: '<p>Trả lời <del>hai</del></p>\n' }],
    });
    // The thread and reply documents carry no history: lists read them without their edits.
    expect(Object.keys((await Thread.collection.findOne({ _id: new mongoose.Types.ObjectId(rawId(thread.id)) }))!)).not.toContain('history');
    expect(await ReplyRevision.countDocuments({ reply: reply.id })).toBe(2);
  });

  it('reads the histories of a page of replies in one query, however many are edited', async () => {
    const commandsFor = async (edits: number) => {
      const thread = await newThread('');
      for (let i = 0; i < edits; i++) {
        const reply = await newReply(thread.id, `Ý kiến số ${i}`);
        await send('editReply', { replyId: reply.id, body: `Ý kiến số ${i}, đã sửa` }, '__typename');
      }
      commandLog.reset();
      const view = await threadView(thread.id);
      expect(view.replies.edges.map((e: any) => e.node.history.length)).toEqual(Array(edits).fill(1));
      return commandLog.commands.length;
    };
    expect(await commandsFor(8)).toBe(await commandsFor(2));
  });

  it('refuses a text whose HTML would be far bigger than itself, and stores nothing', async () => {
    const thread = await newThread('');
    // 20,000 characters of bare addresses: each becomes a link, 12 times longer than the text.
    const addresses = 'a@b.vn '.repeat(2857);
    const refused = await send('replyToThread', { threadId: thread.id, body: addresses }, '__typename');
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ path: 'body', code: 'TOO_COMPLEX' }] });
    expect(await Reply.countDocuments({ thread: rawId(thread.id) })).toBe(0);
    const practice = await send('createPractice', { title: 'Một cách làm khác', lessons: addresses }, '__typename');
    expect(practice).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ path: 'lessons', code: 'TOO_COMPLEX' }] });
  });
});

describe('The start-up migration', () => {
  /** Threads, replies and a practice as an earlier release stored them: no HTML, edits inside. */
  async function storeEarlierRelease() {
    const author = new mongoose.Types.ObjectId(authorId);
    const threadId = new mongoose.Types.ObjectId();
    const replyId = new mongoose.Types.ObjectId();
    const practiceId = new mongoose.Types.ObjectId();
    const at = new Date('2026-01-05T08:00:00Z');
    await Thread.collection.insertOne({
      _id: threadId,
      kind: 'discussion',
      title: 'Tiêu đề bây giờ',
      body: 'Nội dung **bây giờ**',
      author,
      topics: [],
      place: null,
      locked: false,
      acceptedReply: null,
      replyCount: 1,
      lastActivityAt: at,
      searchTokens: [],
      practice: null,
      mentions: [],
      createdAt: at,
      updatedAt: at,
      history: [{ title: 'Tiêu đề đầu', body: 'Nội dung _đầu_', editedAt: new Date('2026-01-02T00:00:00Z') }],
    });
    await Reply.collection.insertOne({
      _id: replyId,
      thread: threadId,
      parent: null,
      depth: 0,
      author,
      body: 'Bản ba',
      deleted: false,
      voteCount: 0,
      mentions: [],
      createdAt: at,
      updatedAt: at,
      history: [
        { body: 'Bản `một`', editedAt: new Date('2026-01-03T00:00:00Z') },
        { body: 'Bản **hai**', editedAt: new Date('2026-01-04T00:00:00Z') },
      ],
    });
    await Practice.collection.insertOne({
      _id: practiceId,
      title: 'Cách làm cũ',
      summary: '',
      problem: '*Vấn đề*',
      solution: '',
      results: '',
      lessons: 'Bài học',
      organization: null,
      place: null,
      topics: [],
      stage: null,
      year: null,
      links: [],
      authors: [author],
      status: 'published',
      returnReason: '',
      featured: false,
      submittedAt: at,
      publishedAt: at,
      version: 1,
      endorsementCount: 0,
      searchTokens: [],
      createdAt: at,
      updatedAt: at,
    });
    return { threadId, replyId, practiceId };
  }

  /** A start: the migration runs unless a pass at this renderer version completed. */
  const start = async () => {
    await mongoose.connection.collection('migrations').deleteMany({});
    await ensureIndexes();
  };

  it('renders what was stored without HTML and moves embedded edits out, as the app shows them', async () => {
    const { threadId, replyId, practiceId } = await storeEarlierRelease();
    await start();
    const view = await threadView(gid('Thread', threadId));
    expect(view).toMatchObject({
      bodyHtml: '<p>Nội dung <strong>bây giờ</strong></p>\n',
      edited: true,
      history: [{ title: 'Tiêu đề đầu', bodyHtml: '<p>Nội dung <em>đầu</em></p>\n', editedAt: '2026-01-02T00:00:00.000Z' }],
    });
    expect(view.replies.edges[0].node).toMatchObject({
      bodyHtml: '<p>Bản ba</p>\n',
      edited: true,
      history: [{ bodyHtml: '<p>Bản <code>một</code></p>\n' }, { bodyHtml: '<p>Bản <strong>hai</strong></p>\n' }],
    });
    const practice = (await graphql(`query ($id: ID!) { practice(id: $id) { problemHtml lessonsHtml } }`, { id: gid('Practice', practiceId) })).data.practice;
    expect(practice).toEqual({ problemHtml: '<p><em>Vấn đề</em></p>\n', lessonsHtml: '<p>Bài học</p>\n' });
    const reply = (await Reply.collection.findOne({ _id: replyId }))!;
    expect(reply).toMatchObject({ editCount: 2, bodyVersion: RENDERER_VERSION });
    expect(reply).not.toHaveProperty('history');

    // An edit after the move numbers its version after the moved ones.
    await send('editReply', { replyId: String(replyId), body: 'Bản bốn' }, '__typename');
    expect((await threadView(gid('Thread', threadId))).replies.edges[0].node.history.map((h: any) => h.bodyHtml)).toEqual([
      '<p>Bản <code>một</code></p>\n',
      '<p>Bản <strong>hai</strong></p>\n',
      '<p>Bản ba</p>\n',
    ]);
  });

  it('finishes a pass a crash cut short without copying a version twice, and leaves newer text alone', async () => {
    const { threadId, replyId } = await storeEarlierRelease();
    // A crash after the first version was copied and before the array was unset.
    await ReplyRevision.collection.insertOne({ reply: replyId, seq: 0, body: 'Bản `một`', bodyHtml: '', bodyVersion: null, editedAt: new Date('2026-01-03T00:00:00Z') });
    // Meanwhile an edit stored the thread's text with the current renderer: the pass keeps it.
    await Thread.collection.updateOne({ _id: threadId }, { $set: { bodyHtml: '<p>written by an edit</p>', bodyVersion: RENDERER_VERSION } });
    await start();
    await start();
    expect((await ReplyRevision.find({ reply: replyId }).sort({ seq: 1 }).lean()).map((r) => [r.seq, r.bodyHtml])).toEqual([
      [0, '<p>Bản <code>một</code></p>\n'],
      [1, '<p>Bản <strong>hai</strong></p>\n'],
    ]);
    expect(await ThreadRevision.countDocuments({ thread: threadId })).toBe(1);
    expect((await Thread.findById(threadId).lean())!.bodyHtml).toBe('<p>written by an edit</p>');
  });

  it('renders again what an older renderer made', async () => {
    const { threadId } = await storeEarlierRelease();
    await start();
    await Thread.collection.updateOne({ _id: threadId }, { $set: { bodyHtml: '<p>old renderer</p>', bodyVersion: RENDERER_VERSION - 1 } });
    await start();
    expect((await Thread.findById(threadId).lean())!).toMatchObject({ bodyHtml: '<p>Nội dung <strong>bây giờ</strong></p>\n', bodyVersion: RENDERER_VERSION });
  });
});
