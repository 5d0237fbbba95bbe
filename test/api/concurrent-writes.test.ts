import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../schema/audit/model.ts';
import { Avatar } from '../../schema/avatar/model.ts';
import { repairCounters } from '../../schema/counters.ts';
import { Reply, Thread } from '../../schema/discussion/model.ts';
import { replyHistories, threadHistories } from '../../schema/discussion/service.ts';
import { Expert } from '../../schema/expert/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Practice, PracticeRevision } from '../../schema/practice/model.ts';
import { VerificationRequest } from '../../schema/verification/model.ts';
import { anyOf } from '../../schema/query.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

/*
 * Twenty requests at the same moment through the API, as twenty people (or one impatient one)
 * would send them: every count comes out exact, a change from a state has exactly one winner and
 * the others a CONFLICT, and afterwards repairCounters() has nothing to put right.
 *
 * Where the request itself does not name the state it changes (an edit, a role), a request that
 * happens to read after another's write is a later change, not a rival: there the proof is that
 * nothing is lost, since every change that succeeded was made over the one before it.
 */

useTestDatabase();

const N = 20;
const ids: Record<string, string> = {};
const cookies: Record<string, string> = {};
const members = Array.from({ length: N }, (_, i) => `member${i}`);
const curators = Array.from({ length: N }, (_, i) => `curator${i}`);
const moderators = Array.from({ length: N }, (_, i) => `moderator${i}`);
const admins = Array.from({ length: N }, (_, i) => `admin${i}`);

beforeAll(async () => {
  await createReferenceData();
  const people = [
    ['author', 'member'],
    ['coauthor', 'member'],
    ...members.map((h) => [h, 'member']),
    ...curators.map((h) => [h, 'curator']),
    ...moderators.map((h) => [h, 'moderator']),
    ...admins.map((h) => [h, 'admin']),
  ];
  for (const [handle, role] of people) {
    const expert = await createExpert({ handle });
    await Expert.updateOne({ _id: expert._id }, { $set: { role } });
    ids[handle!] = String(expert._id);
    cookies[handle!] = await sessionCookieFor(String(expert._id));
  }
});
beforeEach(() => resetRateLimits());
afterEach(async () => {
  expect(await repairCounters()).toEqual({ endorsements: 0, replies: 0, discussions: 0, votes: 0, views: 0, verifications: 0, acceptedAnswers: 0 });
});

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');
const RESULT = `__typename ... on Error { code }`;

/** Sends `name(input)` as `who`, selecting `selection` on success. */
async function send(name: string, input: Record<string, unknown>, who: string, selection = '') {
  const type = `${name[0]!.toUpperCase()}${name.slice(1)}`;
  const response = await graphql(
    `mutation ($input: ${type}Input!) { ${name}(input: $input) { ${RESULT} ${selection ? `... on ${type}Payload { ${selection} }` : ''} } }`,
    { input },
    { cookie: cookies[who] },
  );
  expect(response.errors).toBeUndefined();
  return response.data[name];
}

/** How many results of each type: `{ PublishPracticePayload: 1, ConflictError: 19 }`. */
const tally = (results: { __typename: string }[]) => {
  const counts: Record<string, number> = {};
  for (const r of results) counts[r.__typename] = (counts[r.__typename] ?? 0) + 1;
  return counts;
};

const query = async (text: string, variables: Record<string, unknown>, who = 'member0') => {
  const response = await graphql(text, variables, { cookie: cookies[who] });
  expect(response.errors).toBeUndefined();
  return response.data;
};

async function publishedPractice(title: string) {
  const practice = await Practice.create({ title, summary: 'Tóm tắt', authors: [ids.author!, ids.coauthor!], status: 'published', publishedAt: new Date(), version: 1, topics: ['du-lieu-so'] });
  return String(practice._id);
}
async function thread(kind: 'question' | 'discussion', title: string) {
  return String((await Thread.create({ kind, title, body: 'Nội dung ban đầu', author: ids.author, lastActivityAt: new Date() }))._id);
}
async function answer(threadId: string, author = 'author') {
  const reply = await Reply.create({ thread: threadId, depth: 0, author: ids[author], body: 'Một câu trả lời' });
  await Thread.updateOne({ _id: threadId }, { $inc: { replyCount: 1 } });
  return String(reply._id);
}

describe('Endorsement', () => {
  const count = async (id: string) => (await query(`query ($id: ID!) { practice(id: $id) { endorsementCount } }`, { id: gid('Practice', id) })).practice.endorsementCount;

  it('counts twenty people endorsing at once, each clicking twice, as twenty', async () => {
    const id = await publishedPractice('Một cửa điện tử liên thông');
    const results = await Promise.all([...members, ...members].map((who) => send('endorsePractice', { id: gid('Practice', id) }, who)));
    expect(tally(results)).toEqual({ EndorsePracticePayload: 2 * N });
    expect(await count(id)).toBe(N);
  });

  it('counts twenty people taking it back at once, each clicking twice, down to zero', async () => {
    const id = await publishedPractice('Chữ ký số cho cán bộ');
    await Promise.all(members.map((who) => send('endorsePractice', { id: gid('Practice', id) }, who)));
    const results = await Promise.all([...members, ...members].map((who) => send('withdrawEndorsement', { id: gid('Practice', id) }, who)));
    expect(tally(results)).toEqual({ WithdrawEndorsementPayload: 2 * N });
    expect(await count(id)).toBe(0);
  });

  it('counts one person pressing twenty times at once as one, and their twenty withdrawals as one', async () => {
    const id = await publishedPractice('Hóa đơn điện tử');
    await send('endorsePractice', { id: gid('Practice', id) }, 'member1');
    await Promise.all(Array.from({ length: N }, () => send('endorsePractice', { id: gid('Practice', id) }, 'member0')));
    expect(await count(id)).toBe(2);
    await Promise.all(Array.from({ length: N }, () => send('withdrawEndorsement', { id: gid('Practice', id) }, 'member0')));
    expect(await count(id)).toBe(1);
  });
});

describe('Vote', () => {
  const votes = async (threadId: string) =>
    (await query(`query ($id: ID!) { thread(id: $id) { replies(first: 5) { edges { node { voteCount } } } } }`, { id: gid('Thread', threadId) })).thread.replies.edges[0].node.voteCount;

  it('counts twenty people voting at once, each clicking twice, as twenty, and their withdrawals down to zero', async () => {
    const threadId = await thread('question', 'Chọn nền tảng điện toán đám mây nào?');
    const replyId = await answer(threadId);
    const cast = await Promise.all([...members, ...members].map((who) => send('voteForAnswer', { replyId }, who, 'reply { id }')));
    expect(tally(cast)).toEqual({ VoteForAnswerPayload: 2 * N });
    expect(await votes(threadId)).toBe(N);
    const withdrawn = await Promise.all([...members, ...members].map((who) => send('withdrawVote', { replyId }, who, 'reply { id }')));
    expect(tally(withdrawn)).toEqual({ WithdrawVotePayload: 2 * N });
    expect(await votes(threadId)).toBe(0);
  });
});

describe('Reply', () => {
  const replyCount = async (threadId: string) => (await query(`query ($id: ID!) { thread(id: $id) { replyCount } }`, { id: gid('Thread', threadId) })).thread.replyCount;

  it('counts twenty replies written at once, and twenty removed at once', async () => {
    const threadId = await thread('discussion', 'Kinh nghiệm thuê dịch vụ CNTT');
    const written = await Promise.all(members.map((who) => send('replyToThread', { threadId: gid('Thread', threadId), body: `Ý kiến của ${who}` }, who, 'reply { id }')));
    expect(tally(written)).toEqual({ ReplyToThreadPayload: N });
    expect(await replyCount(threadId)).toBe(N);
    const removed = await Promise.all(written.map((w, i) => send('deleteReply', { replyId: w.reply.id }, members[i]!)));
    expect(tally(removed)).toEqual({ DeleteReplyPayload: N });
    expect(await replyCount(threadId)).toBe(0);
  });

  it('removes a reply once when twenty moderators remove it at once; the others are told it is gone', async () => {
    const threadId = await thread('discussion', 'Quảng cáo trá hình');
    await answer(threadId);
    const replyId = await answer(threadId, 'member0');
    const results = await Promise.all(moderators.map((who) => send('deleteReply', { replyId }, who)));
    expect(tally(results)).toEqual({ DeleteReplyPayload: 1, ConflictError: N - 1 });
    expect(await replyCount(threadId)).toBe(1);
  });

  it('keeps every saved version when twenty edits of one reply arrive at once; an edit over a version it did not see is refused', async () => {
    const threadId = await thread('discussion', 'Sửa câu trả lời');
    const replyId = await answer(threadId);
    const results = await Promise.all(Array.from({ length: N }, (_, i) => send('editReply', { replyId, body: `Bản sửa số ${i}` }, 'author', 'reply { body }')));
    const saved = results.filter((r) => r.reply).map((r) => r.reply.body);
    expect(saved.length + (tally(results).ConflictError ?? 0)).toBe(N);
    const stored = (await Reply.findById(replyId).lean())!;
    // The original and every saved text but the current one are in the history, each once.
    const [history] = await replyHistories([`${replyId}:${stored.editCount}`]);
    expect([...history!.map((h) => h.body), stored.body].sort()).toEqual(['Một câu trả lời', ...saved].sort());
  });
});

describe('View', () => {
  const VIEW = `mutation ($id: ID!) { recordView(input: { id: $id }) { ${RESULT} ... on RecordViewPayload { viewCount } } }`;
  const views = async (id: string) => (await query(`query ($id: ID!) { practice(id: $id) { viewCount } }`, { id: gid('Practice', id) })).practice.viewCount;

  it('counts twenty first readers at once as twenty, and one reader coming back twenty times at once as one', async () => {
    const id = await publishedPractice('Bản đồ số nông nghiệp');
    const first = await Promise.all(members.map((who) => graphql(VIEW, { id: gid('Practice', id) }, { cookie: cookies[who] })));
    expect(first.map((r) => r.data.recordView.__typename)).toEqual(members.map(() => 'RecordViewPayload'));
    expect(Math.max(...first.map((r) => r.data.recordView.viewCount))).toBe(N);
    await Promise.all(Array.from({ length: N }, () => graphql(VIEW, { id: gid('Practice', id) }, { cookie: cookies.author })));
    expect(await views(id)).toBe(N + 1);
  });
});

describe('Practice', () => {
  const input = {
    summary: 'Tóm tắt',
    problem: 'Vấn đề',
    solution: 'Giải pháp',
    results: 'Kết quả',
    organization: 'so-khcn-da-nang',
    place: 'da-nang',
    topics: ['du-lieu-so'],
    stage: 'OPERATING',
    year: 2024,
  };
  async function submitted(title: string) {
    const created = await send('createPractice', { title, ...input }, 'author', 'practice { id }');
    expect((await send('submitPractice', { id: created.practice.id }, 'author')).__typename).toBe('SubmitPracticePayload');
    return created.practice.id as string;
  }
  const audit = (action: string, id: string) =>
    AuditEntry.countDocuments({ subject: ids.author, action: action as 'practice.published', practice: Buffer.from(id, 'base64url').toString().split(':')[1] });

  it('is submitted once when its author presses submit twenty times at once', async () => {
    const created = await send('createPractice', { title: 'Trợ lý ảo cho công chức', ...input }, 'author', 'practice { id }');
    const results = await Promise.all(Array.from({ length: N }, () => send('submitPractice', { id: created.practice.id }, 'author')));
    expect(tally(results)).toEqual({ SubmitPracticePayload: 1, ConflictError: N - 1 });
  });

  it('is published once when twenty curators press publish at once, and recorded once', async () => {
    const id = await submitted('Kho dữ liệu dùng chung của tỉnh');
    const results = await Promise.all(curators.map((who) => send('publishPractice', { id }, who, 'practice { status version }')));
    expect(tally(results)).toEqual({ PublishPracticePayload: 1, ConflictError: N - 1 });
    expect(results.find((r) => r.practice).practice).toEqual({ status: 'PUBLISHED', version: 1 });
    expect(await audit('practice.published', id)).toBe(1);
  });

  it('is either published or returned, never both, when ten curators publish and ten return it at once', async () => {
    const id = await submitted('Thanh toán không dùng tiền mặt');
    const results = await Promise.all(
      curators.map((who, i) => (i % 2 ? send('returnPractice', { id, reason: 'Cần thêm số liệu' }, who, 'practice { status }') : send('publishPractice', { id }, who, 'practice { status }'))),
    );
    const winners = results.filter((r) => r.practice);
    expect(winners).toHaveLength(1);
    const stored = (await query(`query ($id: ID!) { practice(id: $id) { status } }`, { id }, 'curator0')).practice.status;
    expect(stored).toBe(winners[0].practice.status);
    expect((await audit('practice.published', id)) + (await audit('practice.returned', id))).toBe(1);
  });

  it('saves one of twenty edits made at once from the same opened version; the others are told to reload, and publishing it keeps one version in the history', async () => {
    const id = await submitted('Cổng dịch vụ công của tỉnh');
    await send('publishPractice', { id }, curators[0]!);
    // Two authors save at once (named directly here: consent has its own tests).
    await Practice.updateOne({ _id: Buffer.from(id, 'base64url').toString().split(':')[1] }, { $addToSet: { authors: ids.coauthor } });
    const opened = (await query(`query ($id: ID!) { practice(id: $id) { updatedAt } }`, { id })).practice.updatedAt;
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        send('updatePractice', { id, baseUpdatedAt: opened, summary: `Tóm tắt số ${i}` }, i % 2 ? 'coauthor' : 'author', 'practice { pendingEdit { preview { summary } } }'),
      ),
    );
    expect(tally(results)).toEqual({ UpdatePracticePayload: 1, ConflictError: N - 1 });
    const winner = results.find((r) => r.practice).practice.pendingEdit.preview;
    // The edit waits for a curator; twenty of them publish it at once, and it is published once.
    await send('submitPractice', { id }, 'author');
    const published = await Promise.all(curators.map((who) => send('publishPractice', { id }, who)));
    expect(tally(published)).toEqual({ PublishPracticePayload: 1, ConflictError: N - 1 });
    const page = (await query(`query ($id: ID!) { practice(id: $id) { summary version history { version summary } } }`, { id })).practice;
    expect(page).toEqual({ summary: winner.summary, version: 2, history: [{ version: 1, summary: input.summary }] });
    expect(await PracticeRevision.countDocuments({ practice: Buffer.from(id, 'base64url').toString().split(':')[1] })).toBe(1);
  });
});

describe('Thread', () => {
  it('is locked once when twenty moderators lock it at once', async () => {
    const threadId = await thread('discussion', 'Tranh luận nóng về chữ ký số');
    const results = await Promise.all(moderators.map((who) => send('lockThread', { threadId: gid('Thread', threadId), locked: true }, who, 'thread { locked }')));
    expect(tally(results)).toEqual({ LockThreadPayload: 1, ConflictError: N - 1 });
    expect((await query(`query ($id: ID!) { thread(id: $id) { locked } }`, { id: gid('Thread', threadId) })).thread.locked).toBe(true);
  });

  it('keeps every saved version when twenty edits arrive at once; an edit over a version it did not see is refused', async () => {
    const threadId = await thread('discussion', 'Tiêu đề ban đầu của chủ đề');
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) => send('editThread', { threadId: gid('Thread', threadId), title: `Tiêu đề đã sửa lần ${i}`, body: 'Nội dung', topics: [] }, 'author', 'thread { title }')),
    );
    const saved = results.filter((r) => r.thread).map((r) => r.thread.title);
    expect(saved.length + (tally(results).ConflictError ?? 0)).toBe(N);
    const stored = (await Thread.findById(threadId).lean())!;
    const [history] = await threadHistories([`${threadId}:${stored.editCount}`]);
    expect([...history!.map((h) => h.title), stored.title].sort()).toEqual(['Tiêu đề ban đầu của chủ đề', ...saved].sort());
  });

  it('takes one accepted answer when the asker and curators accept twenty different answers at once', async () => {
    const threadId = await thread('question', 'Nên dùng LGSP hay NDXP?');
    const answers = await Promise.all(members.map((who) => answer(threadId, who)));
    const results = await Promise.all(answers.map((replyId, i) => send('acceptAnswer', { replyId }, i ? curators[i]! : 'author', 'thread { acceptedAnswer { id } }')));
    const told = results.filter((r) => r.thread).map((r) => r.thread.acceptedAnswer.id);
    expect(told.length + (tally(results).ConflictError ?? 0)).toBe(N);
    const accepted = (await query(`query ($id: ID!) { thread(id: $id) { acceptedAnswer { id } } }`, { id: gid('Thread', threadId) })).thread.acceptedAnswer;
    expect(told).toContain(accepted.id);
  });

  it('never keeps a removed reply as the accepted answer when accepting and removing it happen at once', async () => {
    const questions = await Promise.all(Array.from({ length: N }, (_, i) => thread('question', `Câu hỏi số ${i} về hạ tầng số`)));
    const answers = await Promise.all(questions.map((q, i) => answer(q, members[i])));
    await Promise.all(answers.flatMap((replyId, i) => [send('acceptAnswer', { replyId }, 'author'), send('deleteReply', { replyId }, moderators[i]!)]));
    const threads = await Thread.find({ _id: anyOf(questions) }).lean();
    expect(threads.filter((t) => t.acceptedReply)).toEqual([]);
  });

  it('starts one discussion of a practice when twenty members start it at once', async () => {
    const id = await publishedPractice('Đô thị thông minh Đà Nẵng');
    const results = await Promise.all(members.map((who) => send('startPracticeDiscussion', { practiceId: gid('Practice', id) }, who, 'thread { id }')));
    expect(new Set(results.map((r) => r.thread.id)).size).toBe(1);
    expect(await Thread.countDocuments({ practice: id })).toBe(1);
  });
});

describe('Verification request', () => {
  it('is opened once when its button is pressed twenty times at once', async () => {
    const results = await Promise.all(Array.from({ length: N }, () => send('requestVerification', { statement: 'Trưởng phòng CNTT, học viên khóa 100 chuyên gia 2019.' }, 'member5')));
    expect(tally(results)).toEqual({ RequestVerificationPayload: 1, ConflictError: N - 1 });
    expect(await VerificationRequest.countDocuments({ expert: ids.member5, status: 'pending' })).toBe(1);
  });

  it('is decided once when ten curators approve and ten decline it at once, and the person is verified exactly when approval won', async () => {
    const request = await VerificationRequest.create({ expert: ids.member6, statement: 'Giám đốc Trung tâm CNTT tỉnh, khóa 2019.', cohort: 'cpdt-100-2019' });
    const results = await Promise.all(
      curators.map((who, i) => send('decideVerification', { requestId: String(request._id), approve: i % 2 === 0, reason: i % 2 ? 'Chưa đủ minh chứng' : '' }, who, 'request { status }')),
    );
    expect(tally(results)).toMatchObject({ DecideVerificationPayload: 1, ConflictError: N - 1 });
    const status = results.find((r) => r.request).request.status;
    const person = (await query(`query { expert(handle: "member6") { verified } }`, {})).expert;
    expect(person.verified).toBe(status === 'APPROVED');
    expect(await AuditEntry.countDocuments({ subject: ids.member6 })).toBe(1);
  });
});

describe('Expert', () => {
  const ROLES = ['CURATOR', 'MODERATOR', 'ADMIN'];
  const EXPERT = 'expert { role suspendedUntil }';

  /** Whether audit entries form one chain from `start`: each replaced what the one before set. */
  function chained(entries: { from?: string | null; to?: string | null }[], start: string | null, end: string | null) {
    const froms = entries.map((e) => e.from ?? null);
    const tos = entries.map((e) => e.to ?? null);
    tos.splice(tos.indexOf(end), 1);
    return JSON.stringify([start, ...tos].sort()) === JSON.stringify(froms.sort());
  }

  it('records a true chain of roles when twenty admins give someone different roles at once', async () => {
    const results = await Promise.all(admins.map((who, i) => send('changeRole', { expertId: gid('Expert', ids.member7!), role: ROLES[i % 3], reason: 'Phân công mới' }, who, EXPERT)));
    expect(results.filter((r) => r.__typename !== 'ChangeRolePayload' && r.__typename !== 'ConflictError')).toEqual([]);
    const role = (await query(`query { expert(handle: "member7") { role } }`, {}, 'admin0')).expert.role.toLowerCase();
    const entries = await AuditEntry.find({ subject: ids.member7, action: 'role.changed' }).lean();
    // One entry per change made (a repeat of the current role changes nothing), each from the role before.
    expect(entries.length).toBeGreaterThanOrEqual(1);
    expect(chained(entries, 'member', role)).toBe(true);
  });

  it('is suspended once when twenty moderators suspend them at once, and lifted once', async () => {
    const until = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    const results = await Promise.all(moderators.map((who, i) => send('suspendExpert', { expertId: gid('Expert', ids.member8!), until: until(i + 1), reason: 'Đăng quảng cáo' }, who, EXPERT)));
    const made = results.filter((r) => r.expert);
    expect(made.length + (tally(results).ConflictError ?? 0)).toBe(N);
    const stored = (await Expert.findById(ids.member8).lean())!.suspendedUntil!.toISOString();
    const entries = await AuditEntry.find({ subject: ids.member8, action: 'expert.suspended' }).lean();
    expect(entries).toHaveLength(made.length);
    expect(chained(entries, null, stored)).toBe(true);
    const lifted = await Promise.all(moderators.map((who) => send('unsuspendExpert', { expertId: gid('Expert', ids.member8!), reason: 'Đã cam kết' }, who, EXPERT)));
    expect(tally(lifted)).toEqual({ UnsuspendExpertPayload: 1, ConflictError: N - 1 });
    expect(await AuditEntry.countDocuments({ subject: ids.member8, action: 'expert.unsuspended' })).toBe(1);
  });

  it('keeps exactly one picture when twenty pictures are uploaded at once', async () => {
    const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const results = await Promise.all(Array.from({ length: N }, () => send('setAvatar', { image: PNG }, 'member9')));
    expect(tally(results)).toEqual({ SetAvatarPayload: N });
    const kept = await Avatar.find({ expert: ids.member9 }).lean();
    expect(kept.map((a) => String(a._id))).toEqual([String((await Expert.findById(ids.member9).lean())!.avatar)]);
  });
});
