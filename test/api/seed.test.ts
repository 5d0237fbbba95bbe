import { beforeAll, describe, expect, it } from 'vitest';
import { RESET_WARNING, runSeed } from '../../seeds/command.ts';
import { demoEmail, demoExpertId, demoReplyId, demoThreadId, loadDemoData, loadDemoDataAtStart, loadReferenceData } from '../../seeds/load.ts';
import { stableId } from '../../seeds/records.ts';
import { repairCounters } from '../../schema/counters.ts';
import { Reply, Thread, Vote } from '../../schema/discussion/model.ts';
import { Expert } from '../../schema/expert/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { anyOf } from '../../schema/query.ts';
import { loadConfig } from '../../server/config.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';
import { DEMO_PASSWORD } from '../helpers/server-process.ts';

const commandLog = useTestDatabase();

/** The configuration a server or the seed command would read from these variables. */
const configWith = (env: Record<string, string>) => loadConfig(env);
const NOTHING_TO_REPAIR = { endorsements: 0, replies: 0, discussions: 0, votes: 0, views: 0, verifications: 0, acceptedAnswers: 0 };

beforeAll(() => loadReferenceData());

// First in the file: the database is still empty here.
describe('Demo data at start in production', () => {
  it('is not loaded with DEMO_DATA=auto, even into an empty database, and the log says how to load it', async () => {
    const said: string[] = [];
    expect(await loadDemoDataAtStart(configWith({ NODE_ENV: 'production', DEMO_DATA: 'auto' }), (line) => said.push(line))).toBe(false);
    expect(await Expert.countDocuments()).toBe(0);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/not loaded.*DEMO_DATA=always/);
    const demoAdmin = await graphql(`mutation ($email: String!, $password: String!) { signIn(input: { email: $email, password: $password }) { __typename } }`, {
      email: demoEmail('tuantm'),
      password: DEMO_PASSWORD,
    });
    expect(demoAdmin.data.signIn.__typename).toBe('InvalidCredentialsError');
  });

  it('is loaded with DEMO_DATA=always: the demo admin signs in with the README password', async () => {
    resetRateLimits();
    expect(await loadDemoDataAtStart(configWith({ NODE_ENV: 'production', DEMO_DATA: 'always' }), () => {})).toBe(true);
    const demoAdmin = await graphql(
      `mutation ($email: String!, $password: String!) { signIn(input: { email: $email, password: $password }) { __typename ... on SignInPayload { viewer { handle role } } } }`,
      { email: demoEmail('tuantm'), password: DEMO_PASSWORD },
    );
    expect(demoAdmin.data.signIn).toEqual({ __typename: 'SignInPayload', viewer: { handle: 'tuantm', role: 'ADMIN' } });
    expect(await Expert.countDocuments()).toBeGreaterThanOrEqual(150);
  });
});

describe('Demo data at start in development', () => {
  it('is not added again to a database in use with DEMO_DATA=auto', async () => {
    await loadDemoData();
    await Expert.deleteOne({ handle: 'tuantm' });
    const said: string[] = [];
    expect(await loadDemoDataAtStart(configWith({ NODE_ENV: 'development', DEMO_DATA: 'auto' }), (line) => said.push(line))).toBe(false);
    expect(said).toEqual([]);
    expect(await Expert.exists({ handle: 'tuantm' })).toBeNull();
    await runSeed(['--reset'], configWith({}), () => {});
  });
});

describe('Reference data', () => {
  beforeAll(() => loadDemoData());

  it('lists the 34 provincial units in force, of which 6 are cities', async () => {
    const { data } = await graphql(`{ places { code kind current } }`);
    expect(data.places).toHaveLength(34);
    expect(data.places.filter((p: any) => p.kind === 'CITY')).toHaveLength(6);
    expect(data.places.every((p: any) => p.current)).toBe(true);
  });

  it('keeps the 63 pre-2025 provinces, each merged one pointing to its successor', async () => {
    const { data } = await graphql(`{ places(includeFormer: true) { code current successor { code } } }`);
    expect(data.places).toHaveLength(63);
    const merged = data.places.filter((p: any) => !p.current);
    expect(merged).toHaveLength(29);
    expect(merged.every((p: any) => p.successor)).toBe(true);
  });

  it('shows the provinces a unit absorbed in 2025', async () => {
    const { data } = await graphql(`{ place(code: "ho-chi-minh") { name predecessors { name } } }`);
    expect(data.place.predecessors.map((p: any) => p.name).sort()).toEqual(['Bà Rịa – Vũng Tàu', 'Bình Dương'].sort());
  });

  it('lists the 14 ministries and 3 ministry-level agencies of the government in force', async () => {
    const { data } = await graphql(`{ organizations(first: 50, filter: { kinds: [MINISTRY, MINISTRY_AGENCY] }) { totalCount edges { node { name kind } } } }`);
    const kinds = data.organizations.edges.map((e: any) => e.node.kind);
    expect(kinds.filter((k: string) => k === 'MINISTRY')).toHaveLength(14);
    expect(kinds.filter((k: string) => k === 'MINISTRY_AGENCY')).toHaveLength(3);
  });
});

describe('Demo dataset', () => {
  beforeAll(() => loadDemoData());

  it('holds at least 150 people in at least 30 places', async () => {
    const { data } = await graphql(`{ experts(first: 1) { totalCount } places(includeFormer: true) { code } }`);
    expect(data.experts.totalCount).toBeGreaterThanOrEqual(150);
    let withPeople = 0;
    for (const { code } of data.places) {
      const response = await graphql(`query ($code: String!) { experts(first: 0, filter: { place: $code }) { totalCount } }`, { code });
      if (response.data.experts.totalCount > 0) withPeople++;
    }
    expect(withPeople).toBeGreaterThanOrEqual(30);
  });

  it('has people in every ministry and ministry-level agency', async () => {
    const { data } = await graphql(`{ organizations(first: 50, filter: { kinds: [MINISTRY, MINISTRY_AGENCY] }) { edges { node { slug name } } } }`);
    for (const { node } of data.organizations.edges) {
      const response = await graphql(`query ($org: String!) { experts(first: 0, filter: { organization: $org }) { totalCount } }`, { org: node.slug });
      expect(response.data.experts.totalCount, node.name).toBeGreaterThan(0);
    }
  });
});

describe('Demo content', () => {
  beforeAll(() => loadDemoData());

  it('holds the good practices and the discussions with their replies and accepted answers', async () => {
    const someone = await Expert.findOne({ handle: 'ha.ltt' }).lean();
    const cookie = await sessionCookieFor(String(someone!._id));
    const { data } = await graphql(
      `{ practices(first: 1) { totalCount } questions: threads(first: 1, filter: { kind: QUESTION }) { totalCount } discussions: threads(first: 1, filter: { kind: DISCUSSION }) { totalCount } unanswered: threads(first: 1, filter: { unanswered: true }) { totalCount } }`,
      {},
      { cookie },
    );
    expect(data.practices.totalCount).toBeGreaterThanOrEqual(150);
    expect(data.questions.totalCount + data.discussions.totalCount).toBeGreaterThanOrEqual(200);
    expect(data.unanswered.totalCount).toBeLessThan(data.questions.totalCount * 0.7);
    expect(await Reply.estimatedDocumentCount()).toBeGreaterThanOrEqual(1500);
  });

  it('gives the demo people endorsements and follows, with counters the repair routine agrees with', async () => {
    const someone = await Expert.findOne({ handle: 'ha.ltt' }).lean();
    const cookie = await sessionCookieFor(String(someone!._id));
    const { data } = await graphql(
      `{ practices(first: 50) { edges { node { endorsementCount } } } myFollows(first: 1) { totalCount } followUpdates(first: 5) { edges { node { kind } } } }`,
      {},
      { cookie },
    );
    expect(data.practices.edges.every((e: any) => e.node.endorsementCount >= 2)).toBe(true);
    expect(data.myFollows.totalCount).toBeGreaterThanOrEqual(3);
    expect(data.followUpdates.edges).toHaveLength(5);
    expect(await repairCounters()).toEqual({ endorsements: 0, replies: 0, discussions: 0, votes: 0, views: 0, verifications: 0, acceptedAnswers: 0 });
  });
});

describe('Demo collections', () => {
  beforeAll(() => loadDemoData());

  it('shows anonymous visitors at least four published collections, newest first, each with its noted practices; curators also find a draft', async () => {
    const { data } = await graphql(`{ collections(first: 10) { edges { node { title edition publishedAt items { note practice { title status } } } } } }`);
    const shown = data.collections.edges.map((e: any) => e.node);
    expect(shown.length).toBeGreaterThanOrEqual(4);
    expect(shown.map((c: any) => c.title)).toContain('Kết nối, chia sẻ dữ liệu');
    expect(shown.map((c: any) => c.publishedAt)).toEqual([...shown.map((c: any) => c.publishedAt)].sort().reverse());
    for (const c of shown) {
      expect(c.items.length, c.title).toBeGreaterThanOrEqual(3);
      expect(
        c.items.every((i: any) => i.note && i.practice.status === 'PUBLISHED'),
        c.title,
      ).toBe(true);
    }
    const curator = await Expert.findOne({ handle: 'ha.ltt' }).lean();
    const drafts = await graphql(`{ collections(first: 10, status: DRAFT) { edges { node { title } } } }`, {}, { cookie: await sessionCookieFor(String(curator!._id)) });
    expect(drafts.data.collections.edges.length).toBeGreaterThanOrEqual(1);
  });
});

describe('Demo review desk', () => {
  beforeAll(() => loadDemoData());
  const cookieOf = async (handle: string) => sessionCookieFor(String((await Expert.findOne({ handle }).lean())!._id));

  it('gives curators work: practices waiting (one claimed, with ticks and a comment), one back with its author, a median, open verification requests', async () => {
    const cookie = await cookieOf('ha.ltt');
    const { data } = await graphql(
      `{ reviewDesk { waiting unclaimed claimedByViewer returned medianDecisionHours }
         practicesToReview(first: 10, filter: { claim: MINE }) { edges { node { title reviewClaim { checklist } reviewComments { section } } } }
         verificationRequests(first: 10) { totalCount } }`,
      {},
      { cookie },
    );
    expect(data.reviewDesk).toMatchObject({ claimedByViewer: 1 });
    expect(data.reviewDesk.waiting).toBeGreaterThanOrEqual(4);
    expect(data.reviewDesk.unclaimed).toBe(data.reviewDesk.waiting - 1);
    expect(data.reviewDesk.returned).toBeGreaterThanOrEqual(1);
    expect(data.reviewDesk.medianDecisionHours).toBeGreaterThan(0);
    expect(data.practicesToReview.edges).toEqual([
      { node: { title: expect.any(String), reviewClaim: { checklist: ['PROBLEM_STATED', 'FIGURES_IN_RESULTS'] }, reviewComments: [{ section: 'LESSONS' }] } },
    ]);
    expect(data.verificationRequests.totalCount).toBeGreaterThanOrEqual(3);
    // The admin finds the curators' steps in the audit log, each about its practice.
    const admin = await cookieOf('tuantm');
    const log = (await graphql(`{ auditLog(first: 50, action: PRACTICE_CLAIMED) { edges { node { actor { handle } practice { title } } } } }`, {}, { cookie: admin })).data.auditLog.edges;
    expect(log.map((e: any) => e.node.actor.handle).sort()).toEqual(['ha.ltt', 'khanhpq']);
    expect(log.every((e: any) => e.node.practice.title)).toBe(true);
  });

  it('shows the author of a returned practice the reason, the comments per section and the history', async () => {
    const { data } = await graphql(
      `{ myPractices(first: 20) { edges { node { status returnReason reviewComments { section body } reviewHistory { kind } } } } }`,
      {},
      { cookie: await cookieOf('khoatm') },
    );
    const returned = data.myPractices.edges.map((e: any) => e.node).find((p: any) => p.status === 'RETURNED');
    expect(returned.returnReason).toContain('bài học');
    expect(returned.reviewComments.map((c: any) => c.section)).toEqual(['RESULTS', 'LESSONS']);
    expect(returned.reviewHistory.map((e: any) => e.kind)).toEqual(['SUBMITTED', 'CLAIMED', 'RETURNED']);
  });

  // Hue-S (seeds/pending-edit.ts): its author sent the 2026 figures; the public still reads the published ones.
  const HUE_S = Buffer.from(`Practice:${String(stableId('practice', 'hue-s-nen-tang-cong-dan-so-2020'))}`).toString('base64url');
  const editsOnTheDesk = async () =>
    (
      await graphql(
        `{ reviewDesk { editsWaiting }
           practicesToReview(first: 10, filter: { kind: EDIT }) { edges { node { id resultsHtml pendingEdit { submittedAt preview { resultsHtml } } reviewHistory { kind actor { handle } } } } } }`,
        {},
        { cookie: await cookieOf('ha.ltt') },
      )
    ).data;

  it('has an edit of a published practice waiting on the “Bản sửa” tab, sent by its author, while the public reads the published text', async () => {
    const desk = await editsOnTheDesk();
    expect(desk.reviewDesk.editsWaiting).toBe(1);
    const [edit] = desk.practicesToReview.edges.map((e: any) => e.node);
    expect(edit.id).toBe(HUE_S);
    expect(edit.pendingEdit.submittedAt).toBeTruthy();
    expect(edit.pendingEdit.preview.resultsHtml).toContain('tháng 10/2026');
    expect(edit.reviewHistory.at(-1)).toEqual({ kind: 'EDIT_SUBMITTED', actor: { handle: 'khanhtc' } });
    const seen = (await graphql(`query ($id: ID!) { practice(id: $id) { resultsHtml pendingEdit { submittedAt } } }`, { id: HUE_S })).data.practice;
    expect(seen.resultsHtml).toContain('đầu năm 2021');
    expect(seen.resultsHtml).not.toContain('2026');
    expect(seen.pendingEdit).toBeNull();
  });

  it('leaves the edit to the curators once sent: published, it is not sent again by a load; a reset puts it back waiting', async () => {
    resetRateLimits();
    const publish = await graphql(`mutation ($id: ID!) { publishPractice(input: { id: $id }) { __typename } }`, { id: HUE_S }, { cookie: await cookieOf('ha.ltt') });
    expect(publish.data.publishPractice.__typename).toBe('PublishPracticePayload');
    expect((await editsOnTheDesk()).reviewDesk.editsWaiting).toBe(0);
    await loadDemoData();
    expect((await editsOnTheDesk()).reviewDesk.editsWaiting).toBe(0);

    await loadDemoData({ reset: true });
    const [edit] = (await editsOnTheDesk()).practicesToReview.edges.map((e: any) => e.node);
    expect(edit.id).toBe(HUE_S);
    expect(edit.resultsHtml).toContain('đầu năm 2021');
    expect(edit.pendingEdit.preview.resultsHtml).toContain('tháng 10/2026');
    // As shipped: a second reset finds nothing to put back.
    expect((await loadDemoData({ reset: true })).filter((r) => r.inserted || r.updated)).toEqual([]);
  });
});

describe('Seeding', () => {
  beforeAll(() => loadDemoData());

  it('writes nothing when run again over the same data', async () => {
    commandLog.reset();
    const reports = [...(await loadReferenceData()), ...(await loadDemoData())];
    expect(reports.every((r) => r.inserted === 0 && r.updated === 0)).toBe(true);
    expect(commandLog.commands.filter((c) => c !== 'find' && c !== 'getMore')).toEqual([]);
  });
});

/*
 * People at work on the demo: in the demo question "ra-quet-lo-hong-cong-cu-mo", thupa's answer
 * r1 has the votes of thaicv and longbv, khanhpq's answer r2 five votes, manhhd (the asker)
 * replied to r2 with r3.
 */
describe('Seeding a database people use', () => {
  const globalId = (type: string, id: unknown) => Buffer.from(`${type}:${id}`).toString('base64url');
  const cookieOf = (handle: string) => sessionCookieFor(String(demoExpertId(handle)));
  const act = async (name: string, input: Record<string, unknown>, handle: string) =>
    (
      await graphql(
        `mutation ($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { __typename ... on Error { code message } ... on ValidationError { fieldErrors { path code } } } }`,
        { input },
        { cookie: await cookieOf(handle) },
      )
    ).data[name];
  const view = async (threadId: string) =>
    (
      await graphql(
        `query ($id: ID!) { thread(id: $id) { locked replyCount replies(first: 50) { edges { node { id deleted body edited voteCount } } } } }`,
        { id: threadId },
        { cookie: await cookieOf('tuantm') },
      )
    ).data.thread;
  const dev = configWith({ NODE_ENV: 'development', DEMO_DATA: 'auto' });
  const THREAD = 'ra-quet-lo-hong-cong-cu-mo';
  const thread = { _id: demoThreadId(THREAD) };
  const replies = Object.fromEntries(['r1', 'r2', 'r3'].map((key) => [key, { _id: demoReplyId(THREAD, key) }]));
  // Replies are not nodes: their ids are the stored ones.
  const replyId = (key: string) => String(replies[key]!._id);

  beforeAll(() => loadDemoData());

  /** What people did, as everybody sees it, and what each stored record says. */
  const snapshot = async () => ({
    seen: await view(globalId('Thread', thread._id)),
    thread: await Thread.findById(thread._id).lean(),
    replies: await Reply.find({ thread: thread._id }).sort({ _id: 1 }).lean(),
    votes: await Vote.find({ reply: anyOf(Object.values(replies).map((r) => r._id)) })
      .sort({ _id: 1 })
      .lean(),
  });

  it('changes nothing people did: a removed reply, a lock, an edit and its history, votes given and taken back', async () => {
    resetRateLimits();
    expect((await act('editReply', { replyId: replyId('r1'), body: 'Bổ sung: nên quét cả thư viện phụ thuộc.' }, 'thupa')).__typename).toBe('EditReplyPayload');
    expect((await act('deleteReply', { replyId: replyId('r3') }, 'manhhd')).__typename).toBe('DeleteReplyPayload');
    expect((await act('withdrawVote', { replyId: replyId('r1') }, 'thaicv')).__typename).toBe('WithdrawVotePayload');
    expect((await act('voteForAnswer', { replyId: replyId('r1') }, 'ha.ltt')).__typename).toBe('VoteForAnswerPayload');
    expect((await act('lockThread', { threadId: globalId('Thread', thread._id), locked: true }, 'thang.dv')).__typename).toBe('LockThreadPayload');
    const before = await snapshot();
    expect(before.seen.locked).toBe(true);

    const reports = await runSeed([], dev, () => {});
    expect(reports.filter((r) => r.inserted || r.updated)).toEqual([]);
    expect(await snapshot()).toEqual(before);
    expect(before.seen.replies.edges.map((e: any) => e.node).find((n: any) => n.id === replyId('r3'))).toMatchObject({ deleted: true, body: null });
    expect(before.seen.replies.edges.map((e: any) => e.node).find((n: any) => n.id === replyId('r1'))).toMatchObject({ edited: true, voteCount: 2 });
    expect(await repairCounters({ settleMs: 0 })).toEqual(NOTHING_TO_REPAIR);
  });

  it('adds demo records that are missing, whole, with their counters right', async () => {
    await Promise.all([Reply.deleteMany({ thread: thread._id }), Vote.deleteMany({ reply: anyOf(Object.values(replies).map((r) => r._id)) }), Thread.deleteOne({ _id: thread._id })]);
    const reports = await runSeed([], dev, () => {});
    expect(reports.find((r) => r.collection === 'threads')).toMatchObject({ inserted: 1, updated: 0 });
    const seen = await view(globalId('Thread', thread._id));
    expect(seen.locked).toBe(false);
    expect(seen.replies.edges.find((e: any) => e.node.id === replyId('r1')).node).toMatchObject({ deleted: false, edited: false, voteCount: 2 });
    expect(await repairCounters({ settleMs: 0 })).toEqual(NOTHING_TO_REPAIR);
  });

  it('puts the demo back as shipped with --reset, saying so, keeping what people wrote, with counters right', async () => {
    resetRateLimits();
    await act('deleteReply', { replyId: replyId('r3') }, 'manhhd');
    await act('editReply', { replyId: replyId('r1'), body: 'Sửa lại lần nữa.' }, 'thupa');
    await act('withdrawVote', { replyId: replyId('r2') }, 'longbv');
    await act('replyToThread', { threadId: globalId('Thread', thread._id), body: 'Câu trả lời của một người thật.' }, 'ha.ltt');
    await act('lockThread', { threadId: globalId('Thread', thread._id), locked: true }, 'thang.dv');
    const said: string[] = [];
    await runSeed(['--reset'], dev, (line) => said.push(line));
    expect(said).toContain(RESET_WARNING);
    const seen = await view(globalId('Thread', thread._id));
    const node = (key: string) => seen.replies.edges.find((e: any) => e.node.id === replyId(key)).node;
    expect(seen.locked).toBe(false);
    expect(node('r3')).toMatchObject({ deleted: false });
    expect(node('r1')).toMatchObject({ edited: false, voteCount: 2 });
    expect(node('r2')).toMatchObject({ voteCount: 5 });
    expect(seen.replies.edges.some((e: any) => e.node.body === 'Câu trả lời của một người thật.')).toBe(true);
    expect(seen.replyCount).toBe(seen.replies.edges.filter((e: any) => !e.node.deleted).length);
    expect(await repairCounters({ settleMs: 0 })).toEqual(NOTHING_TO_REPAIR);
    // Done once, done: a second reset finds the demo as shipped.
    expect((await runSeed(['--reset'], dev, () => {})).filter((r) => r.inserted || r.updated)).toEqual([]);
  });

  it('refuses --reset in production without --confirm-production, and an unknown flag, writing nothing', async () => {
    await act('deleteReply', { replyId: replyId('r3') }, 'manhhd');
    commandLog.reset();
    await expect(runSeed(['--reset'], configWith({ NODE_ENV: 'production', DEMO_DATA: 'always' }), () => {})).rejects.toThrow(/--confirm-production/);
    await expect(runSeed(['--reset'], configWith({ NODE_ENV: 'production', DEMO_DATA: 'auto' }), () => {})).rejects.toThrow(/DEMO_DATA=always/);
    await expect(runSeed(['--rest'], dev, () => {})).rejects.toThrow(/Usage: npm run seed/);
    expect(commandLog.commands).toEqual([]);
    expect((await Reply.findById(replies.r3!._id).lean())!.deleted).toBe(true);
    await runSeed(['--reset', '--confirm-production'], configWith({ NODE_ENV: 'production', DEMO_DATA: 'always' }), () => {});
    expect((await Reply.findById(replies.r3!._id).lean())!.deleted).toBe(false);
  });
});
