import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Expert } from '../../schema/expert/model.ts';
import { Reply, ReplyRevision, Thread, ThreadRevision } from '../../schema/discussion/model.ts';
import { Practice } from '../../schema/practice/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { signInPeople } from '../helpers/accounts.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';
import { anyOf as anyOfIds } from '../../schema/query.ts';

const commandLog = useTestDatabase();
const cookies: Record<string, string> = {};
beforeAll(async () => {
  await createReferenceData();
  await signInPeople({ asker1: 'member', helper1: 'member', helper2: 'member', mod1: 'moderator', curator1: 'curator' }, cookies);
  for (let i = 0; i < 10; i++) cookies[`voter${i}`] = await sessionCookieFor(String((await createExpert({ handle: `voter${i}` }))._id));
});
beforeEach(() => resetRateLimits());

const RESULT = `__typename ... on Error { code }`;
const ask = async (title: string, kind = 'QUESTION', who = 'asker1') =>
  (
    await graphql(
      `mutation ($input: CreateThreadInput!) { createThread(input: $input) { ${RESULT} ... on CreateThreadPayload { thread { id kind } } } }`,
      { input: { kind, title, body: 'Chi tiết **câu hỏi**', topics: ['du-lieu-so'], place: 'da-nang' } },
      { cookie: cookies[who] },
    )
  ).data.createThread;
const reply = async (threadId: string, body: string, who: string, parentId?: string) =>
  (
    await graphql(
      `mutation ($input: ReplyToThreadInput!) { replyToThread(input: $input) { ${RESULT} ... on ReplyToThreadPayload { reply { id depth parentId } } } }`,
      { input: { threadId, parentId, body } },
      { cookie: cookies[who] },
    )
  ).data.replyToThread;
const act = async (name: string, input: Record<string, unknown>, who: string, selection = '') =>
  (await graphql(`mutation ($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${RESULT} ${selection} } }`, { input }, { cookie: cookies[who] })).data[name];
const threadView = (id: string, who = 'asker1') =>
  graphql(
    `query ($id: ID!) { thread(id: $id) { replyCount locked acceptedAnswer { id } replies(first: 50) { edges { node { id depth parentId deleted body bodyHtml edited voteCount viewerVoted author { handle } } } } } }`,
    { id },
    { cookie: cookies[who] },
  );

describe('Threads', () => {
  it('are for signed-in members only, through every door', async () => {
    const { thread } = await ask('Làm sao kết nối LGSP với NDXP nhanh nhất?');
    expect((await graphql(`{ threads(first: 5) { totalCount } }`)).errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
    expect((await graphql(`query ($id: ID!) { thread(id: $id) { title } }`, { id: thread.id })).errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
    expect((await graphql(`query ($id: ID!) { node(id: $id) { id } }`, { id: thread.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await graphql(`query ($id: ID!) { node(id: $id) { id } }`, { id: thread.id }, { cookie: cookies.helper1 })).data.node).toEqual({ id: thread.id });
  });

  it('nest replies, keep edits, and keep a removed reply’s place and its replies', async () => {
    const { thread } = await ask('Chia sẻ kinh nghiệm thuê dịch vụ CNTT', 'DISCUSSION');
    const first = await reply(thread.id, 'Nên bắt đầu từ dự toán chi tiết.', 'helper1');
    const second = await reply(thread.id, 'Đồng ý, và cần mẫu hợp đồng.', 'helper2', first.reply.id);
    const third = await reply(thread.id, 'Có mẫu ở đây.', 'asker1', second.reply.id);
    expect([first.reply.depth, second.reply.depth, third.reply.depth]).toEqual([0, 1, 2]);

    expect((await act('editReply', { replyId: first.reply.id, body: 'Bị sửa bởi người khác' }, 'helper2')).code).toBe('NOT_AUTHORIZED');
    expect((await act('editReply', { replyId: first.reply.id, body: 'Nên bắt đầu từ **dự toán** chi tiết.' }, 'helper1')).__typename).toBe('EditReplyPayload');
    expect((await ReplyRevision.find({ reply: first.reply.id }).lean()).map((h) => h.body)).toEqual(['Nên bắt đầu từ dự toán chi tiết.']);

    expect((await act('deleteReply', { replyId: second.reply.id }, 'helper1')).code).toBe('NOT_AUTHORIZED');
    expect((await act('deleteReply', { replyId: second.reply.id }, 'helper2')).__typename).toBe('DeleteReplyPayload');
    const view = (await threadView(thread.id)).data.thread;
    const byId = Object.fromEntries(view.replies.edges.map((e: any) => [e.node.id, e.node]));
    expect(byId[second.reply.id]).toMatchObject({ deleted: true, body: null, bodyHtml: null, author: null });
    expect(byId[third.reply.id]).toMatchObject({ deleted: false, parentId: second.reply.id });
    expect(byId[first.reply.id]).toMatchObject({ edited: true, bodyHtml: '<p>Nên bắt đầu từ <strong>dự toán</strong> chi tiết.</p>\n' });
    expect(view.replyCount).toBe(2);
    expect((await reply(thread.id, 'Trả lời vào chỗ đã xóa', 'helper1', second.reply.id)).code).toBe('CONFLICT');
  });

  it('refuse replies once a moderator locks them', async () => {
    const { thread } = await ask('Chủ đề sắp bị khóa vì trùng lặp', 'DISCUSSION');
    expect((await act('lockThread', { threadId: thread.id, locked: true }, 'helper1')).code).toBe('NOT_AUTHORIZED');
    expect((await act('lockThread', { threadId: thread.id, locked: true }, 'mod1')).__typename).toBe('LockThreadPayload');
    expect((await reply(thread.id, 'Muộn rồi', 'helper1')).code).toBe('CONFLICT');
  });

  it('refuse votes and acceptance in a locked question', async () => {
    const { thread } = await ask('Câu hỏi sẽ bị khóa khi đang bình chọn');
    const answer = await reply(thread.id, 'Một câu trả lời trước khi khóa', 'helper1');
    await act('lockThread', { threadId: thread.id, locked: true }, 'mod1');
    expect((await act('voteForAnswer', { replyId: answer.reply.id }, 'helper2')).code).toBe('CONFLICT');
    expect((await act('acceptAnswer', { replyId: answer.reply.id }, 'asker1')).code).toBe('CONFLICT');
    expect((await Reply.findById(answer.reply.id).lean())!.voteCount).toBe(0);
  });
});

describe('Questions', () => {
  it('take votes on answers, counted exactly when ten people vote at once', async () => {
    const { thread } = await ask('Có nên đưa hệ thống một cửa lên đám mây không?');
    const answer = await reply(thread.id, 'Nên, nếu đạt cấp độ 3.', 'helper1');
    const VOTE = `mutation ($id: ID!) { voteForAnswer(input: { replyId: $id }) { ${RESULT} ... on VoteForAnswerPayload { reply { voteCount } } } }`;
    await Promise.all(Array.from({ length: 10 }, (_, i) => graphql(VOTE, { id: answer.reply.id }, { cookie: cookies[`voter${i}`] })));
    await Promise.all(Array.from({ length: 4 }, () => graphql(VOTE, { id: answer.reply.id }, { cookie: cookies.voter0 })));
    expect((await Reply.findById(answer.reply.id).lean())!.voteCount).toBe(10);
    expect((await graphql(VOTE, { id: answer.reply.id }, { cookie: cookies.helper1 })).data.voteForAnswer.code).toBe('NOT_AUTHORIZED');
    const nested = await reply(thread.id, 'Cảm ơn!', 'asker1', answer.reply.id);
    expect((await graphql(VOTE, { id: nested.reply.id }, { cookie: cookies.helper2 })).data.voteForAnswer.code).toBe('CONFLICT');
    const view = (await threadView(thread.id, 'voter3')).data.thread;
    expect(view.replies.edges.find((e: any) => e.node.id === answer.reply.id).node).toMatchObject({ voteCount: 10, viewerVoted: true });
  });

  it('take one accepted answer, chosen by the asker or a curator, and leave the unanswered list', async () => {
    const { thread } = await ask('Quy trình cấp chữ ký số cho cán bộ cấp xã?');
    const answer = await reply(thread.id, 'Đăng ký qua Ban Cơ yếu.', 'helper1');
    const other = await reply(thread.id, 'Hoặc dùng chữ ký số từ xa.', 'helper2');
    const unanswered = async () =>
      (await graphql(`{ threads(first: 50, filter: { unanswered: true }) { edges { node { id } } } }`, {}, { cookie: cookies.helper1 })).data.threads.edges.map((e: any) => e.node.id);
    expect(await unanswered()).toContain(thread.id);

    expect((await act('acceptAnswer', { replyId: answer.reply.id }, 'helper2')).code).toBe('NOT_AUTHORIZED');
    expect((await act('acceptAnswer', { replyId: answer.reply.id }, 'asker1', '... on AcceptAnswerPayload { thread { acceptedAnswer { id } } }')).thread.acceptedAnswer.id).toBe(answer.reply.id);
    expect((await act('acceptAnswer', { replyId: other.reply.id }, 'curator1', '... on AcceptAnswerPayload { thread { acceptedAnswer { id } } }')).thread.acceptedAnswer.id).toBe(other.reply.id);
    expect(await unanswered()).not.toContain(thread.id);
  });

  it('costs the same number of database commands for a page of 5 replies as for 40', async () => {
    const { thread } = await ask('Câu hỏi nhiều câu trả lời về CSDL dân cư');
    for (let i = 0; i < 40; i++) await reply(thread.id, `Câu trả lời số ${i}`, i % 2 ? 'helper1' : 'helper2');
    const commandsFor = async (first: number) => {
      commandLog.reset();
      const response = await graphql(
        `query ($id: ID!, $first: Int) { thread(id: $id) { replies(first: $first) { edges { node { bodyHtml voteCount viewerVoted author { name place { name } } } } } } }`,
        { id: thread.id, first },
        { cookie: cookies.voter1 },
      );
      expect(response.data.thread.replies.edges).toHaveLength(first);
      return commandLog.commands.length;
    };
    expect(await commandsFor(40)).toBe(await commandsFor(5));
  });
});

const rawId = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1]!;
const EDIT_THREAD = `mutation ($input: EditThreadInput!) { editThread(input: $input) { ${RESULT} ... on ValidationError { fieldErrors { path code } } ... on EditThreadPayload { thread { title body edited history { title body editedAt } topics { slug } place { code } } } } }`;
const editThread = async (threadId: string, who: string, fields: Record<string, unknown> = {}) =>
  (
    await graphql(
      EDIT_THREAD,
      { input: { threadId, title: 'Tiêu đề đã sửa lại cho rõ', body: 'Nội dung **mới**', topics: ['an-toan-thong-tin'], place: 'ha-noi', ...fields } },
      { cookie: cookies[who] },
    )
  ).data.editThread;

describe('Thread editing', () => {
  it('keeps the earlier title and body when the author edits, and finds the thread by its new words', async () => {
    const { thread } = await ask('Tiêu đề ban đầu về chữ ký số', 'DISCUSSION');
    const edited = await editThread(thread.id, 'asker1');
    expect(edited.thread).toMatchObject({ title: 'Tiêu đề đã sửa lại cho rõ', body: 'Nội dung **mới**', edited: true, topics: [{ slug: 'an-toan-thong-tin' }], place: { code: 'ha-noi' } });
    expect(edited.thread.history).toMatchObject([{ title: 'Tiêu đề ban đầu về chữ ký số', body: 'Chi tiết **câu hỏi**' }]);
    const again = await editThread(thread.id, 'asker1', { title: 'Lần sửa thứ hai của tiêu đề' });
    expect(again.thread.history.map((h: any) => h.title)).toEqual(['Tiêu đề ban đầu về chữ ký số', 'Tiêu đề đã sửa lại cho rõ']);
    const found = await graphql(`{ threads(first: 10, filter: { query: "lan sua thu hai" }) { edges { node { id } } } }`, {}, { cookie: cookies.helper1 });
    expect(found.data.threads.edges.map((e: any) => e.node.id)).toEqual([thread.id]);
    const old = await graphql(`{ threads(first: 10, filter: { query: "ban đầu" }) { edges { node { id } } } }`, {}, { cookie: cookies.helper1 });
    expect(old.data.threads.edges.map((e: any) => e.node.id)).not.toContain(thread.id);
  });

  it('refuses someone else’s edit but lets a moderator tidy it', async () => {
    const { thread } = await ask('Một chủ đề không phải của bạn', 'DISCUSSION');
    expect((await editThread(thread.id, 'helper1')).code).toBe('NOT_AUTHORIZED');
    expect((await editThread(thread.id, 'curator1')).code).toBe('NOT_AUTHORIZED');
    expect((await editThread(thread.id, 'mod1')).thread.edited).toBe(true);
    expect(await ThreadRevision.countDocuments({ thread: rawId(thread.id) })).toBe(1);
  });

  it('refuses edits once the thread is locked', async () => {
    const { thread } = await ask('Chủ đề sẽ bị khóa trước khi sửa', 'DISCUSSION');
    await act('lockThread', { threadId: thread.id, locked: true }, 'mod1');
    expect((await editThread(thread.id, 'asker1')).code).toBe('CONFLICT');
  });

  it('answers hostile input with field errors and stores nothing', async () => {
    const { thread } = await ask('Chủ đề để thử dữ liệu độc hại', 'DISCUSSION');
    const result = await editThread(thread.id, 'asker1', { title: 'ngắn', body: 'x'.repeat(100_000), topics: ['khong-co', '$where'], place: 'quang-nam' });
    expect(result.code).toBe('VALIDATION_FAILED');
    expect(result.fieldErrors.map((e: any) => e.path).sort()).toEqual(['body', 'title', 'topics.1']);
    const control = await editThread(thread.id, 'asker1', { title: 'Tiêu đề có ký tự\u0000 lạ ở giữa' });
    expect(control.fieldErrors).toEqual([{ path: 'title', code: 'INVALID' }]);
    const unknown = await editThread(thread.id, 'asker1', { topics: ['khong-co'], place: 'quang-nam' });
    expect(unknown.fieldErrors).toEqual([
      { path: 'topics.0', code: 'UNKNOWN' },
      { path: 'place', code: 'UNKNOWN' },
    ]);
    const operator = await graphql(EDIT_THREAD, { input: { threadId: { $ne: null }, title: 'Tiêu đề hợp lệ đủ dài' } }, { cookie: cookies.asker1 });
    expect(operator.errors?.length).toBeGreaterThan(0);
    expect((await threadView(thread.id)).data.thread).toBeTruthy();
    expect((await Thread.findById(rawId(thread.id)).lean())!).toMatchObject({ title: 'Chủ đề để thử dữ liệu độc hại', editCount: 0 });
  });

  it('shows a reply’s earlier versions, but nothing of a removed one', async () => {
    const { thread } = await ask('Lịch sử sửa câu trả lời', 'DISCUSSION');
    const first = await reply(thread.id, 'Bản đầu tiên', 'helper1');
    await act('editReply', { replyId: first.reply.id, body: 'Bản thứ hai' }, 'helper1');
    await act('editReply', { replyId: first.reply.id, body: 'Bản thứ ba' }, 'helper1');
    const HISTORY = `query ($id: ID!) { thread(id: $id) { replies(first: 5) { edges { node { body edited history { body bodyHtml } } } } } }`;
    const node = async () => (await graphql(HISTORY, { id: thread.id }, { cookie: cookies.helper2 })).data.thread.replies.edges[0].node;
    expect(await node()).toMatchObject({ body: 'Bản thứ ba', edited: true, history: [{ body: 'Bản đầu tiên', bodyHtml: '<p>Bản đầu tiên</p>\n' }, { body: 'Bản thứ hai' }] });
    await act('deleteReply', { replyId: first.reply.id }, 'helper1');
    expect(await node()).toMatchObject({ body: null, history: [] });
  });
});

const practiceGlobalId = (id: string) => Buffer.from(`Practice:${id}`).toString('base64url');
async function makePractice(title: string, status: 'draft' | 'published', author: string) {
  const expert = await Expert.findOne({ handle: author }).lean();
  return String((await Practice.create({ title, status, authors: [expert!._id], topics: ['du-lieu-so'], place: 'da-nang', publishedAt: status === 'published' ? new Date() : null }))._id);
}
const START = `mutation ($id: ID!) { startPracticeDiscussion(input: { practiceId: $id }) { ${RESULT} ... on StartPracticeDiscussionPayload { thread { id kind title author { handle } topics { slug } place { code } practice { id title } } } } }`;
const start = async (practiceId: string, who: string) => (await graphql(START, { id: practiceGlobalId(practiceId) }, { cookie: cookies[who] })).data.startPracticeDiscussion;

describe('Practice discussions', () => {
  it('starts one thread per practice, even when two members press at once, and lists it like others', async () => {
    const id = await makePractice('Số hóa hồ sơ một cửa ở Đà Nẵng', 'published', 'curator1');
    const [a, b] = await Promise.all([start(id, 'helper1'), start(id, 'helper2')]);
    expect(a.thread.id).toBe(b.thread.id);
    expect(a.thread).toMatchObject({
      kind: 'DISCUSSION',
      title: 'Số hóa hồ sơ một cửa ở Đà Nẵng',
      topics: [{ slug: 'du-lieu-so' }],
      place: { code: 'da-nang' },
      practice: { id: practiceGlobalId(id), title: 'Số hóa hồ sơ một cửa ở Đà Nẵng' },
    });
    expect(['helper1', 'helper2']).toContain(a.thread.author.handle);
    expect((await start(id, 'asker1')).thread.id).toBe(a.thread.id);
    expect(await Thread.countDocuments({ practice: id })).toBe(1);

    expect((await reply(a.thread.id, 'Cách làm này áp dụng được ở cấp xã không?', 'asker1')).reply.depth).toBe(0);
    const PRACTICE = `query ($id: ID!) { practice(id: $id) { discussion { id replyCount } } }`;
    expect((await graphql(PRACTICE, { id: practiceGlobalId(id) }, { cookie: cookies.voter1 })).data.practice.discussion).toEqual({ id: a.thread.id, replyCount: 1 });
    expect((await graphql(PRACTICE, { id: practiceGlobalId(id) })).data.practice.discussion).toBeNull();
    const listed = await graphql(`{ threads(first: 5) { edges { node { id practice { title } } } } }`, {}, { cookie: cookies.helper1 });
    expect(listed.data.threads.edges[0].node).toEqual({ id: a.thread.id, practice: { title: 'Số hóa hồ sơ một cửa ở Đà Nẵng' } });
  });

  it('answers null for a practice nobody has discussed yet', async () => {
    const id = await makePractice('Chưa ai bàn về cách làm này', 'published', 'curator1');
    expect((await graphql(`query ($id: ID!) { practice(id: $id) { discussion { id } } }`, { id: practiceGlobalId(id) }, { cookie: cookies.helper1 })).data.practice.discussion).toBeNull();
  });

  it('refuses an unpublished practice, a signed-out visitor and a made-up id', async () => {
    const draft = await makePractice('Bản nháp chưa công bố', 'draft', 'asker1');
    expect((await start(draft, 'asker1')).code).toBe('CONFLICT');
    expect((await start(draft, 'helper1')).code).toBe('NOT_FOUND');
    expect((await start('0123456789abcdef01234567', 'helper1')).code).toBe('NOT_FOUND');
    const published = await makePractice('Đã công bố nhưng khách chưa đăng nhập', 'published', 'asker1');
    const signedOut = await graphql(START, { id: practiceGlobalId(published) });
    expect(signedOut.data?.startPracticeDiscussion?.code ?? signedOut.errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
    expect(await Thread.countDocuments({ practice: anyOfIds([draft, published]) })).toBe(0);
  });

  it('loads the discussions of a page of practices in a constant number of database commands', async () => {
    for (let i = 0; i < 12; i++) {
      const id = await makePractice(`Cách làm hay có thảo luận ${i}`, 'published', 'curator1');
      if (i % 2) await start(id, 'helper1');
    }
    const commandsFor = async (first: number) => {
      commandLog.reset();
      const response = await graphql(
        `query ($first: Int) { practices(first: $first) { edges { node { title discussion { id replyCount author { name } } } } } }`,
        { first },
        { cookie: cookies.voter2 },
      );
      expect(response.data.practices.edges).toHaveLength(first);
      expect(response.data.practices.edges.some((e: any) => e.node.discussion)).toBe(true);
      return commandLog.commands.length;
    };
    expect(await commandsFor(12)).toBe(await commandsFor(4));
  });
});

describe('Thread list', () => {
  it('costs the same number of database commands for 5 threads as for 40', async () => {
    for (let i = 0; i < 40; i++) await ask(`Chủ đề thứ ${i} trong danh sách dài`, i % 2 ? 'QUESTION' : 'DISCUSSION', i % 3 ? 'helper1' : 'helper2');
    const commandsFor = async (first: number) => {
      commandLog.reset();
      const response = await graphql(
        `query ($first: Int) { threads(first: $first) { totalCount edges { node { kind title edited replyCount lastActivityAt author { name handle } topics { name } place { name } acceptedAnswer { id } practice { title } } } } }`,
        { first },
        { cookie: cookies.voter4 },
      );
      expect(response.data.threads.edges).toHaveLength(first);
      return commandLog.commands.length;
    };
    expect(await commandsFor(40)).toBe(await commandsFor(5));
  });
});

describe('Mentions', () => {
  // schema/discussion/service.ts: at most 20 people are told of one text's mentions.
  const CAP = 20;
  const handles = Array.from({ length: CAP + 5 }, (_, i) => `mentioned${String(i + 1).padStart(2, '0')}`);
  const mentionedCookies: Record<string, string> = {};
  beforeAll(async () => {
    for (const handle of handles) mentionedCookies[handle] = await sessionCookieFor(String((await createExpert({ handle }))._id));
  });
  const toldOf = async (handle: string, replyId: string) =>
    (await graphql(`{ followUpdates(first: 10) { edges { node { kind reply { id } } } } }`, {}, { cookie: mentionedCookies[handle] })).data.followUpdates.edges.some(
      (e: any) => e.node.kind === 'MENTION' && e.node.reply?.id === replyId,
    );

  it(`tell only the first ${CAP} people a reply mentions, however the handles are repeated or their letters changed`, async () => {
    const { thread } = await ask('Ai đã triển khai ký số từ xa cho cán bộ xã?', 'DISCUSSION');
    const first = handles.slice(0, CAP);
    const beyond = handles.slice(CAP);
    // Each of the first ones three times (once in capitals), then the ones past the cap, also in other letter cases.
    const body = [...first.flatMap((h) => [`@${h}`, `@${h.toUpperCase()}`, `@${h}`]), ...beyond.flatMap((h) => [`@${h.toUpperCase()}`, `@${h[0]!.toUpperCase()}${h.slice(1)}`, `@${h}`])].join(' ');
    const written = await reply(thread.id, `Xin hỏi ${body}`, 'helper1');
    expect(written.__typename).toBe('ReplyToThreadPayload');
    const told = [];
    for (const handle of handles) if (await toldOf(handle, written.reply.id)) told.push(handle);
    expect(told).toEqual(first);
  });
});
