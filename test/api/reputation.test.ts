import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { repairCounters, repairReputations } from '../../schema/counters.ts';
import { Expert } from '../../schema/expert/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Practice } from '../../schema/practice/model.ts';
import { globalId, signInPeople } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createReferenceData } from '../helpers/factories.ts';
import { graphql } from '../helpers/graphql.ts';

useTestDatabase();
const cookies: Record<string, string> = {};
beforeAll(async () => {
  await createReferenceData();
  await signInPeople({ asker: 'member', answerer: 'member', rival: 'member', voter1: 'member', voter2: 'member', curator: 'curator' }, cookies);
});
beforeEach(() => resetRateLimits());

const RESULT = `__typename ... on Error { code }`;
const act = async (name: string, input: Record<string, unknown>, who: string, selection = '') =>
  (await graphql(`mutation ($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${RESULT} ${selection} } }`, { input }, { cookie: cookies[who] })).data[name];
const ask = async (title: string, who = 'asker') =>
  (await act('createThread', { kind: 'QUESTION', title, body: '', topics: [] }, who, '... on CreateThreadPayload { thread { id } }')).thread.id as string;
const answer = async (threadId: string, who: string) => (await act('replyToThread', { threadId, body: `Trả lời của ${who}` }, who, '... on ReplyToThreadPayload { reply { id } }')).reply.id as string;
const reputation = async (handle: string) => (await graphql(`query ($h: String!) { expert(handle: $h) { reputation } }`, { h: handle }, { cookie: cookies.voter1 })).data.expert.reputation as number;
const reputations = async (...handles: string[]) => Promise.all(handles.map(reputation));

describe('Reputation', () => {
  it('gives an answer’s author 10 points per vote, and takes them back with the vote; a repeated vote counts once', async () => {
    const question = await ask('Nên chọn nền tảng LGSP nào cho tỉnh?');
    const reply = await answer(question, 'answerer');
    const before = await reputation('answerer');
    await Promise.all([1, 2, 3].map(() => act('voteForAnswer', { replyId: reply }, 'voter1')));
    await act('voteForAnswer', { replyId: reply }, 'voter2');
    expect(await reputation('answerer')).toBe(before + 20);
    await act('withdrawVote', { replyId: reply }, 'voter1');
    await act('withdrawVote', { replyId: reply }, 'voter1');
    expect(await reputation('answerer')).toBe(before + 10);
  });

  it('gives a question’s asker 5 points per vote, once per person, and refuses a vote for one’s own question', async () => {
    const question = await ask('Quy trình số hóa hồ sơ một cửa ra sao?');
    const before = await reputation('asker');
    await Promise.all([1, 2, 3, 4].map(() => act('voteForQuestion', { threadId: question }, 'voter1')));
    const seen = await graphql(`query ($id: ID!) { thread(id: $id) { voteCount viewerVoted } }`, { id: question }, { cookie: cookies.voter1 });
    expect(seen.data.thread).toEqual({ voteCount: 1, viewerVoted: true });
    expect((await act('voteForQuestion', { threadId: question }, 'asker')).code).toBe('NOT_AUTHORIZED');
    expect(await reputation('asker')).toBe(before + 5);
    const withdrawn = await act('withdrawQuestionVote', { threadId: question }, 'voter1', '... on WithdrawQuestionVotePayload { thread { voteCount viewerVoted } }');
    expect(withdrawn.thread).toEqual({ voteCount: 0, viewerVoted: false });
    expect(await reputation('asker')).toBe(before);
  });

  it('refuses a vote for a discussion, a bad id and a signed-out visitor, changing nothing', async () => {
    const discussion = (await act('createThread', { kind: 'DISCUSSION', title: 'Chia sẻ về chữ ký số', body: '', topics: [] }, 'asker', '... on CreateThreadPayload { thread { id } }')).thread.id;
    const before = await reputation('asker');
    expect((await act('voteForQuestion', { threadId: discussion }, 'voter1')).code).toBe('CONFLICT');
    const nonsense = await graphql(`mutation { voteForQuestion(input: { threadId: "nonsense" }) { ${RESULT} } }`, {}, { cookie: cookies.voter1 });
    expect(nonsense.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await graphql(`mutation ($id: ID!) { voteForQuestion(input: { threadId: $id }) { ${RESULT} } }`, { id: discussion })).data.voteForQuestion.code).toBe('NOT_AUTHORIZED');
    expect(await reputation('asker')).toBe(before);
  });

  it('gives an accepted answer 15 points; accepting another moves them, unaccepting and removing the answer take them back', async () => {
    const question = await ask('Làm sao đo mức độ hài lòng của người dân?');
    const [first, second] = [await answer(question, 'answerer'), await answer(question, 'rival')];
    const [answerer = 0, rival = 0] = await reputations('answerer', 'rival');
    await act('acceptAnswer', { replyId: first }, 'asker');
    await act('acceptAnswer', { replyId: first }, 'asker');
    expect(await reputations('answerer', 'rival')).toEqual([answerer + 15, rival]);
    await act('acceptAnswer', { replyId: second }, 'curator');
    expect(await reputations('answerer', 'rival')).toEqual([answerer, rival + 15]);
    const unaccepted = await act('unacceptAnswer', { replyId: second }, 'asker', '... on UnacceptAnswerPayload { thread { acceptedAnswer { id } } }');
    expect(unaccepted.thread.acceptedAnswer).toBeNull();
    expect(await reputations('answerer', 'rival')).toEqual([answerer, rival]);
    expect((await act('unacceptAnswer', { replyId: second }, 'asker')).code).toBe('CONFLICT');
    expect((await act('unacceptAnswer', { replyId: second }, 'voter1')).code).toBe('NOT_AUTHORIZED');
    await act('acceptAnswer', { replyId: first }, 'asker');
    await act('deleteReply', { replyId: first }, 'answerer');
    expect(await reputations('answerer', 'rival')).toEqual([answerer, rival]);
  });

  it('gives nothing to an asker who accepts their own answer', async () => {
    const question = await ask('Tôi tự trả lời câu hỏi của mình được không?');
    const own = await answer(question, 'asker');
    const before = await reputation('asker');
    await act('acceptAnswer', { replyId: own }, 'asker');
    expect(await reputation('asker')).toBe(before);
  });

  it('gives every author of a practice 10 points per endorsement, and takes them back with it', async () => {
    const [author, coAuthor] = await Promise.all(['answerer', 'rival'].map((handle) => Expert.findOne({ handle }).lean()));
    const practice = await Practice.create({
      title: 'Một cửa điện tử liên thông',
      authors: [author!._id, coAuthor!._id],
      status: 'published',
      publishedAt: new Date(),
      version: 1,
      topics: ['du-lieu-so'],
    });
    const id = globalId('Practice', String(practice._id));
    const before = await reputations('answerer', 'rival');
    await Promise.all([1, 2].map(() => act('endorsePractice', { id }, 'voter1')));
    await act('endorsePractice', { id }, 'voter2');
    expect(await reputations('answerer', 'rival')).toEqual(before.map((points) => points + 20));
    expect((await act('endorsePractice', { id }, 'answerer')).code).toBe('NOT_AUTHORIZED');
    await act('withdrawEndorsement', { id }, 'voter2');
    expect(await reputations('answerer', 'rival')).toEqual(before.map((points) => points + 10));
  });

  it('is recomputed from the records by the repair: a drifted value is put right, right ones are left alone', async () => {
    await repairCounters({ settleMs: 0 });
    expect(await repairReputations({ settleMs: 0 })).toBe(0);
    const [answerer = 0, asker = 0] = await reputations('answerer', 'asker');
    await Expert.updateOne({ handle: 'answerer' }, { $set: { reputation: 9999 } });
    await Expert.updateOne({ handle: 'asker' }, { $set: { reputation: -3 } });
    expect(await repairReputations({ settleMs: 50 })).toBe(2);
    expect(await reputations('answerer', 'asker')).toEqual([answerer, asker]);
    expect(await repairReputations({ settleMs: 0 })).toBe(0);
  });

  it('shows on the experts of a directory page', async () => {
    const response = await graphql(`{ experts(first: 20) { edges { node { handle reputation } } } }`, {}, { cookie: cookies.voter1 });
    expect(response.errors).toBeUndefined();
    expect(response.data.experts.edges.find((e: { node: { handle: string } }) => e.node.handle === 'answerer').node.reputation).toBeGreaterThan(0);
  });
});
