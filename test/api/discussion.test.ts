import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Expert } from '../../schema/expert/model.ts';
import { Reply } from '../../schema/discussion/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

const commandLog = useTestDatabase();
const cookies: Record<string, string> = {};
beforeAll(async () => {
  await createReferenceData();
  for (const [handle, role] of [['asker1', 'member'], ['helper1', 'member'], ['helper2', 'member'], ['mod1', 'moderator'], ['curator1', 'curator']] as const) {
    const expert = await createExpert({ handle });
    await Expert.updateOne({ _id: expert._id }, { $set: { role } });
    cookies[handle] = await sessionCookieFor(String(expert._id));
  }
  for (let i = 0; i < 10; i++) cookies[`voter${i}`] = await sessionCookieFor(String((await createExpert({ handle: `voter${i}` }))._id));
});
beforeEach(() => resetRateLimits());

const RESULT = `__typename ... on Error { code }`;
const ask = async (title: string, kind = 'QUESTION', who = 'asker1') =>
  (await graphql(`mutation ($input: CreateThreadInput!) { createThread(input: $input) { ${RESULT} ... on CreateThreadPayload { thread { id kind } } } }`, { input: { kind, title, body: 'Chi tiết **câu hỏi**', topics: ['du-lieu-so'], place: 'da-nang' } }, { cookie: cookies[who] })).data.createThread;
const reply = async (threadId: string, body: string, who: string, parentId?: string) =>
  (await graphql(`mutation ($input: ReplyToThreadInput!) { replyToThread(input: $input) { ${RESULT} ... on ReplyToThreadPayload { reply { id depth parentId } } } }`, { input: { threadId, parentId, body } }, { cookie: cookies[who] })).data.replyToThread;
const act = async (name: string, input: Record<string, unknown>, who: string, selection = '') =>
  (await graphql(`mutation ($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${RESULT} ${selection} } }`, { input }, { cookie: cookies[who] })).data[name];
const threadView = (id: string, who = 'asker1') =>
  graphql(`query ($id: ID!) { thread(id: $id) { replyCount locked acceptedAnswer { id } replies(first: 50) { edges { node { id depth parentId deleted body bodyHtml edited voteCount viewerVoted author { handle } } } } } }`, { id }, { cookie: cookies[who] });

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
    expect((await Reply.findById(first.reply.id).lean())!.history.map((h) => h.body)).toEqual(['Nên bắt đầu từ dự toán chi tiết.']);

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
    const unanswered = async () => (await graphql(`{ threads(first: 50, filter: { unanswered: true }) { edges { node { id } } } }`, {}, { cookie: cookies.helper1 })).data.threads.edges.map((e: any) => e.node.id);
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
      const response = await graphql(`query ($id: ID!, $first: Int) { thread(id: $id) { replies(first: $first) { edges { node { bodyHtml voteCount viewerVoted author { name place { name } } } } } } }`, { id: thread.id, first }, { cookie: cookies.voter1 });
      expect(response.data.thread.replies.edges).toHaveLength(first);
      return commandLog.commands.length;
    };
    expect(await commandsFor(40)).toBe(await commandsFor(5));
  });
});
