import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repairCounters } from '../../schema/counters.ts';
import { Thread } from '../../schema/discussion/model.ts';
import { connectDatabase, disconnectDatabase } from '../../server/db/connection.ts';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../server/db/embedded.ts';
import { demoAccounts, loadDemoData, loadReferenceData, readData, type ExpertRecord } from '../../seeds/load.ts';
import { Browser, inParallel, startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { passableTempDir } from '../helpers/data-dir.ts';

/*
 * Two real server processes on one embedded database, as behind a load balancer. Everything a
 * person can do concurrently is sent through both at once, and every count, every acknowledged
 * change and every one-of rule is then checked through both. The rate limits live in each
 * process's memory: every person signs in once, with an address of their own, and stays well
 * under 60 writes a minute on each server.
 */

const DB_NAME = 'twoprocesses';
/** Operations in flight at once: pairs of requests, so twice as many requests. */
const PAIRS_AT_ONCE = 10;
/** How many members take back their votes on the first two answers and their endorsement of the first practice. */
const WITHDRAWING = 8;

const root = passableTempDir('two-processes-');

let database: EmbeddedDatabase | undefined;
const servers: ServerProcess[] = [];
/** The server of the i-th request of a pair, person or target: A, B, A, B… */
const via = (i: number) => servers[i % 2]!.url;

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await database?.stop();
  rmSync(root, { recursive: true, force: true });
});

interface Result {
  __typename: string;
  code?: string;
  message?: string;
  [field: string]: any;
}

const errors = `... on Error { code message }`;
const VOTE = `mutation ($input: VoteForAnswerInput!) { r: voteForAnswer(input: $input) { __typename ... on VoteForAnswerPayload { reply { id } } ${errors} } }`;
const WITHDRAW_VOTE = `mutation ($input: WithdrawVoteInput!) { r: withdrawVote(input: $input) { __typename ... on WithdrawVotePayload { reply { id } } ${errors} } }`;
const ENDORSE = `mutation ($input: EndorsePracticeInput!) { r: endorsePractice(input: $input) { __typename ... on EndorsePracticePayload { practice { id } } ${errors} } }`;
const WITHDRAW_ENDORSEMENT = `mutation ($input: WithdrawEndorsementInput!) { r: withdrawEndorsement(input: $input) { __typename ... on WithdrawEndorsementPayload { practice { id } } ${errors} } }`;
const REPLY = `mutation ($input: ReplyToThreadInput!) { r: replyToThread(input: $input) { __typename ... on ReplyToThreadPayload { reply { id body } } ${errors} } }`;
const DELETE_REPLY = `mutation ($input: DeleteReplyInput!) { r: deleteReply(input: $input) { __typename ... on DeleteReplyPayload { reply { id deleted } } ${errors} } }`;
const VIEW = `mutation ($input: RecordViewInput!) { r: recordView(input: $input) { __typename ... on RecordViewPayload { viewCount } ${errors} } }`;
const START_DISCUSSION = `mutation ($input: StartPracticeDiscussionInput!) { r: startPracticeDiscussion(input: $input) { __typename ... on StartPracticeDiscussionPayload { thread { id } } ${errors} } }`;
const CHANGE_ROLE = `mutation ($input: ChangeRoleInput!) { r: changeRole(input: $input) { __typename ... on ChangeRolePayload { expert { id role } } ${errors} } }`;
const SUSPEND = `mutation ($input: SuspendExpertInput!) { r: suspendExpert(input: $input) { __typename ... on SuspendExpertPayload { expert { id suspendedUntil } } ${errors} } }`;
const LOCK = `mutation ($input: LockThreadInput!) { r: lockThread(input: $input) { __typename ... on LockThreadPayload { thread { id locked } } ${errors} } }`;
const UPDATE_PRACTICE = `mutation ($input: UpdatePracticeInput!) { r: updatePractice(input: $input) { __typename ... on UpdatePracticePayload { practice { lessons updatedAt } } ${errors} } }`;
const CREATE_THREAD = `mutation ($input: CreateThreadInput!) { r: createThread(input: $input) { __typename ... on CreateThreadPayload { thread { id } } ${errors} } }`;
const CREATE_PRACTICE = `mutation ($input: CreatePracticeInput!) { r: createPractice(input: $input) { __typename ... on CreatePracticePayload { practice { id lessons updatedAt } } ${errors} } }`;

interface Person {
  handle: string;
  id: string;
  browser: Browser;
}

/** Sends a mutation (one field, aliased r) and returns its result: a payload or a typed error. */
async function mutate(person: Person, server: string, document: string, input: Record<string, unknown>): Promise<Result> {
  return (await person.browser.read<{ r: Result }>(server, document, { input })).r;
}

/** Takes one item of each list in turn, so that different kinds of writes run side by side. */
function interleave<T>(...lists: T[][]): T[] {
  const mixed: T[] = [];
  for (let i = 0; i < Math.max(...lists.map((l) => l.length)); i++) for (const list of lists) if (i < list.length) mixed.push(list[i]!);
  return mixed;
}

const ok = (result: Result | undefined, payload: string) => result?.__typename === payload;
const conflict = (result: Result | undefined) => result?.__typename === 'ConflictError' && result.code === 'CONFLICT';

// The people: staff from the demo accounts, everyone else from the demo dataset, in its order.
const staff = demoAccounts().staff;
const adminHandle = Object.keys(staff).find((h) => staff[h] === 'admin')!;
const moderatorHandle = Object.keys(staff).find((h) => staff[h] === 'moderator')!;
const people = readData<ExpertRecord>('experts.json')
  .map((e) => e.handle)
  .filter((h) => !(h in staff));
const memberHandles = people.slice(0, 24);
const answererHandles = people.slice(24, 28);
const askerHandle = people[28]!;
const authorHandles = people.slice(29, 35);
const subjectHandles = people.slice(35, 51);

const person: Record<string, Person> = {};
let members: Person[] = [];
let admin: Person;
let moderator: Person;

/** What was prepared, and every answer the servers gave during the concurrent phase. */
const run = {
  question: '',
  answers: [] as string[],
  talk: '',
  practices: [] as { id: string; initialCount: number; endorsers: Person[]; initiallyEndorsed: Set<string>; withdrawers: Set<string> }[],
  discussionPractice: '',
  lockable: [] as string[],
  subjects: [] as { handle: string; id: string }[],
  draft: { id: '', updatedAt: '' },
  votes: [] as Result[],
  voteWithdrawals: [] as Result[],
  endorsements: [] as Result[],
  endorsementWithdrawals: [] as Result[],
  views: [] as Result[],
  discussionStarts: [] as Result[],
  replies: [] as { body: string; author: string; result: Result }[],
  removals: [] as { replyId: string; byAuthor: Result; byModerator: Result }[],
  roleAndSuspension: [] as { subject: number; role: Result; suspension: Result; until: string }[],
  doubleSuspension: [] as { subject: number; byModerator: Result; byAdmin: Result; untilModerator: string; untilAdmin: string }[],
  locks: [] as { thread: string; byModerator: Result; byAdmin: Result }[],
  firstEdits: [] as { line: string; result: Result }[],
  edits: [] as { author: string; line: string; base: string; result: Result }[],
};

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** Each co-author appends lines to the lessons, each time over what they just read; a CONFLICT means reload and try again. */
async function coAuthorEdits(authors: Person[]) {
  // Everyone saves over the draft as created, through both servers at once: one may win.
  run.firstEdits = await Promise.all(
    authors.flatMap((author, i) =>
      [0, 1].map(async (server) => {
        const line = `- ${author.handle} first ${server}`;
        return { line, result: await mutate(author, via(server + i), UPDATE_PRACTICE, { id: run.draft.id, baseUpdatedAt: run.draft.updatedAt, lessons: `Bài học:\n${line}` }) };
      }),
    ),
  );
  await Promise.all(
    authors.map(async (author, a) => {
      let saved = 0;
      for (let attempt = 0; saved < 4 && attempt < 20; attempt++) {
        const server = via(a + attempt);
        const { practice } = await author.browser.read(server, `query ($id: ID!) { practice(id: $id) { lessons updatedAt } }`, { id: run.draft.id });
        const line = `- ${author.handle} edit ${attempt}`;
        const result = await mutate(author, server, UPDATE_PRACTICE, { id: run.draft.id, baseUpdatedAt: practice.updatedAt, lessons: `${practice.lessons}\n${line}` });
        run.edits.push({ author: author.handle, line, base: practice.updatedAt, result });
        if (ok(result, 'UpdatePracticePayload')) saved++;
      }
    }),
  );
}

beforeAll(async () => {
  database = await startEmbeddedDatabase({ dataDir: path.join(root, 'db') });
  await connectDatabase(database.uri, { dbName: DB_NAME });
  await loadReferenceData();
  await loadDemoData();
  await disconnectDatabase();
  // Both start at once, as a deployment would start them.
  servers.push(...(await Promise.all([0, 1].map(() => startServerProcess({ MONGODB_URI: database!.uri, DB_NAME, DEMO_DATA: 'never' })))));

  const signingIn = [adminHandle, moderatorHandle, askerHandle, ...answererHandles, ...memberHandles, ...authorHandles];
  await inParallel(signingIn, 2 * PAIRS_AT_ONCE, async (handle, i) => {
    const browser = new Browser(`10.20.${Math.floor(i / 250)}.${(i % 250) + 1}`);
    const { id } = await browser.signIn(via(i), handle);
    person[handle] = { handle, id, browser };
  });
  admin = person[adminHandle]!;
  moderator = person[moderatorHandle]!;
  members = memberHandles.map((h) => person[h]!);
  const asker = person[askerHandle]!;

  const question = await mutate(asker, via(0), CREATE_THREAD, {
    kind: 'QUESTION',
    title: 'Hai máy chủ, một câu hỏi: cách nào đếm phiếu đúng?',
    body: 'Câu hỏi cho bài kiểm thử hai tiến trình.',
    topics: [],
  });
  run.question = question.thread.id;
  for (const [i, handle] of answererHandles.entries()) {
    const answer = await mutate(person[handle]!, via(i), REPLY, { threadId: run.question, body: `Trả lời số ${i + 1} của ${handle}` });
    run.answers.push(answer.reply.id);
  }
  run.talk = (await mutate(asker, via(1), CREATE_THREAD, { kind: 'DISCUSSION', title: 'Thảo luận sôi nổi qua hai máy chủ cùng lúc', body: '', topics: [] })).thread.id;
  const draft = await mutate(person[authorHandles[0]!]!, via(0), CREATE_PRACTICE, { title: 'Sổ tay vận hành viết chung', coAuthors: authorHandles.slice(1), lessons: 'Bài học:' });
  run.draft = { id: draft.practice.id, updatedAt: draft.practice.updatedAt };

  const { practices } = await members[0]!.browser.read(via(0), `{ practices(first: 20) { edges { node { id endorsementCount authors { handle } discussion { id } } } } }`);
  const published = practices.edges.map((e: any) => e.node);
  for (const practice of published.slice(0, 3)) {
    const authors = new Set(practice.authors.map((a: { handle: string }) => a.handle));
    const endorsers = members.filter((m) => !authors.has(m.handle));
    run.practices.push({ id: practice.id, initialCount: practice.endorsementCount, endorsers, initiallyEndorsed: new Set(), withdrawers: new Set() });
  }
  for (const m of run.practices[0]!.endorsers.slice(0, WITHDRAWING)) run.practices[0]!.withdrawers.add(m.handle);
  await inParallel(members, 2 * PAIRS_AT_ONCE, async (member, i) => {
    for (const practice of run.practices) {
      const { practice: seen } = await member.browser.read(via(i), `query ($id: ID!) { practice(id: $id) { viewerEndorsed } }`, { id: practice.id });
      if (seen.viewerEndorsed) practice.initiallyEndorsed.add(member.handle);
    }
  });
  run.discussionPractice = published.slice(3).find((p: any) => p.discussion === null).id;

  const { threads } = await moderator.browser.read(via(1), `{ threads(first: 12, filter: { kind: DISCUSSION }) { edges { node { id locked } } } }`);
  run.lockable = threads.edges
    .map((e: any) => e.node)
    .filter((t: any) => !t.locked && t.id !== run.talk)
    .slice(0, 4)
    .map((t: any) => t.id);
  expect(run.lockable).toHaveLength(4);
  for (const handle of subjectHandles) {
    const { expert } = await admin.browser.read(via(0), `query ($h: String!) { expert(handle: $h) { id role suspendedUntil } }`, { h: handle });
    expect(expert, handle).toMatchObject({ role: 'MEMBER', suspendedUntil: null });
    run.subjects.push({ handle, id: expert.id });
  }

  // The concurrent phase: every kind of write, mixed, through both servers.
  const both = (who: Person, document: string, input: Record<string, unknown>, record: Result[]) => async () => {
    record.push(...(await Promise.all([mutate(who, via(0), document, input), mutate(who, via(1), document, input)])));
  };
  const replyPair = (member: Person, round: number) => async () => {
    await Promise.all(
      [0, 1].map(async (server) => {
        const body = `Ý kiến ${round}.${server} của ${member.handle} qua máy chủ ${server ? 'B' : 'A'}`;
        run.replies.push({ body, author: member.handle, result: await mutate(member, via(server), REPLY, { threadId: run.talk, body }) });
      }),
    );
  };
  const votes = members.flatMap((m) => run.answers.map((replyId) => both(m, VOTE, { replyId }, run.votes)));
  const endorsements = run.practices.flatMap((p) => p.endorsers.map((m) => both(m, ENDORSE, { id: p.id }, run.endorsements)));
  const views = members.map((m) => both(m, VIEW, { id: run.talk }, run.views));
  const starts = members.map((m) => both(m, START_DISCUSSION, { practiceId: run.discussionPractice }, run.discussionStarts));
  const replies = members.flatMap((m) => [replyPair(m, 1), replyPair(m, 2)]);
  const staffWork = [
    ...run.subjects.slice(0, 12).map((subject, i) => async () => {
      const until = inDays(7 + i);
      const [role, suspension] = await Promise.all([
        mutate(admin, via(i), CHANGE_ROLE, { expertId: subject.id, role: 'CURATOR', reason: 'Tham gia nhóm biên tập' }),
        mutate(moderator, via(i + 1), SUSPEND, { expertId: subject.id, until, reason: 'Đăng tin rác nhiều lần' }),
      ]);
      run.roleAndSuspension.push({ subject: i, role, suspension, until });
    }),
    ...run.subjects.slice(12).map((subject, i) => async () => {
      const [untilModerator, untilAdmin] = [inDays(3), inDays(30)];
      const [byModerator, byAdmin] = await Promise.all([
        mutate(moderator, via(i), SUSPEND, { expertId: subject.id, until: untilModerator, reason: 'Lời lẽ xúc phạm (điều phối viên)' }),
        mutate(admin, via(i + 1), SUSPEND, { expertId: subject.id, until: untilAdmin, reason: 'Lời lẽ xúc phạm (quản trị)' }),
      ]);
      run.doubleSuspension.push({ subject: 12 + i, byModerator, byAdmin, untilModerator, untilAdmin });
    }),
    ...run.lockable.map((thread, i) => async () => {
      const [byModerator, byAdmin] = await Promise.all([mutate(moderator, via(i), LOCK, { threadId: thread, locked: true }), mutate(admin, via(i + 1), LOCK, { threadId: thread, locked: true })]);
      run.locks.push({ thread, byModerator, byAdmin });
    }),
  ];
  const storm = interleave(votes, endorsements, replies, views, starts, staffWork);
  await Promise.all([inParallel(storm, PAIRS_AT_ONCE, (task) => task()), coAuthorEdits(authorHandles.map((h) => person[h]!))]);

  // Then counts move both ways at once: votes and endorsements withdrawn, replies removed (by
  // their author and a moderator at the same moment) while more are written.
  const removable = members.slice(0, 16).map((m) => run.replies.find((r) => r.author === m.handle && ok(r.result, 'ReplyToThreadPayload'))!);
  const voteWithdrawals = members.slice(0, WITHDRAWING).flatMap((m) => run.answers.slice(0, 2).map((replyId) => both(m, WITHDRAW_VOTE, { replyId }, run.voteWithdrawals)));
  const endorsementWithdrawals = [...run.practices[0]!.withdrawers].map((h) => both(person[h]!, WITHDRAW_ENDORSEMENT, { id: run.practices[0]!.id }, run.endorsementWithdrawals));
  const removals = removable.map((reply, i) => async () => {
    const replyId = reply.result.reply.id;
    const [byAuthor, byModerator] = await Promise.all([mutate(person[reply.author]!, via(i), DELETE_REPLY, { replyId }), mutate(moderator, via(i + 1), DELETE_REPLY, { replyId })]);
    run.removals.push({ replyId, byAuthor, byModerator });
  });
  const moreReplies = members.map((m) => replyPair(m, 3));
  await inParallel(interleave(voteWithdrawals, endorsementWithdrawals, removals, moreReplies), PAIRS_AT_ONCE, (task) => task());
}, 240_000);

/** The same read through both servers: they must agree. */
async function readThroughBoth<T>(who: Person, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const [a, b] = await Promise.all([who.browser.read<T>(via(0), query, variables), who.browser.read<T>(via(1), query, variables)]);
  expect(b).toEqual(a);
  return a;
}

describe('Two server processes on one database', () => {
  it('counts every distinct voter once when the same votes arrive through both servers at once', async () => {
    expect(run.votes).toHaveLength(members.length * run.answers.length * 2);
    expect(run.votes.filter((r) => !ok(r, 'VoteForAnswerPayload'))).toEqual([]);
    expect(run.voteWithdrawals.filter((r) => !ok(r, 'WithdrawVotePayload'))).toEqual([]);
    const { thread } = await readThroughBoth<any>(members[0]!, `query ($id: ID!) { thread(id: $id) { replies(first: 10) { edges { node { id voteCount } } } } }`, { id: run.question });
    const counts = Object.fromEntries(thread.replies.edges.map((e: any) => [e.node.id, e.node.voteCount]));
    const all = members.length;
    expect(run.answers.map((id) => counts[id])).toEqual([all - WITHDRAWING, all - WITHDRAWING, all, all]);
    await inParallel(members, 20, async (member, i) => {
      const { thread: seen } = await member.browser.read(via(i), `query ($id: ID!) { thread(id: $id) { replies(first: 10) { edges { node { id viewerVoted } } } } }`, { id: run.question });
      const voted = Object.fromEntries(seen.replies.edges.map((e: any) => [e.node.id, e.node.viewerVoted]));
      expect(
        run.answers.map((id) => voted[id]),
        member.handle,
      ).toEqual(i < WITHDRAWING ? [false, false, true, true] : [true, true, true, true]);
    });
  });

  it('counts every endorser once when endorsements and withdrawals arrive through both servers at once', async () => {
    expect(run.endorsements.filter((r) => !ok(r, 'EndorsePracticePayload'))).toEqual([]);
    expect(run.endorsementWithdrawals.filter((r) => !ok(r, 'WithdrawEndorsementPayload'))).toEqual([]);
    expect(run.endorsementWithdrawals).toHaveLength(2 * WITHDRAWING);
    for (const practice of run.practices) {
      const { practice: seen } = await readThroughBoth<any>(members[0]!, `query ($id: ID!) { practice(id: $id) { endorsementCount } }`, { id: practice.id });
      const stillEndorsing = practice.endorsers.filter((m) => !practice.withdrawers.has(m.handle)).length;
      expect(seen.endorsementCount, practice.id).toBe(practice.initialCount - practice.initiallyEndorsed.size + stillEndorsing);
      await inParallel(practice.endorsers, 20, async (member, i) => {
        const { practice: mine } = await member.browser.read(via(i), `query ($id: ID!) { practice(id: $id) { viewerEndorsed } }`, { id: practice.id });
        expect(mine.viewerEndorsed, member.handle).toBe(!practice.withdrawers.has(member.handle));
      });
    }
  });

  it('keeps every reply written through either server once, and removes each removed one once', async () => {
    expect(run.replies).toHaveLength(members.length * 6);
    expect(run.replies.filter((r) => !ok(r.result, 'ReplyToThreadPayload'))).toEqual([]);
    // The author and a moderator removed each of 16 replies at the same moment: one of them did.
    expect(run.removals).toHaveLength(16);
    for (const { byAuthor, byModerator } of run.removals) {
      expect([byAuthor, byModerator].filter((r) => ok(r, 'DeleteReplyPayload'))).toHaveLength(1);
      expect([byAuthor, byModerator].filter(conflict)).toHaveLength(1);
    }
    const listed: { id: string; body: string | null; deleted: boolean }[] = [];
    let thread: any;
    for (let after: string | null = null; ; ) {
      ({ thread } = await readThroughBoth<any>(
        members[0]!,
        `query ($id: ID!, $after: String) { thread(id: $id) { replyCount viewCount replies(first: 50, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id body deleted } } } } }`,
        { id: run.talk, after },
      ));
      listed.push(...thread.replies.edges.map((e: any) => e.node));
      if (!thread.replies.pageInfo.hasNextPage) break;
      after = thread.replies.pageInfo.endCursor;
    }
    const removed = new Set(run.removals.map((r) => r.replyId));
    const expected = run.replies.map((r) => ({ id: r.result.reply.id, body: removed.has(r.result.reply.id) ? null : r.body, deleted: removed.has(r.result.reply.id) }));
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(listed.sort(byId)).toEqual(expected.sort(byId));
    expect(thread.replies.totalCount).toBe(run.replies.length);
    expect(thread.replyCount).toBe(run.replies.length - removed.size);
    // Each member read it through both servers at once: a reader counts once.
    expect(run.views.filter((r) => !ok(r, 'RecordViewPayload'))).toEqual([]);
    expect(thread.viewCount).toBe(members.length);
  });

  it('saves exactly one of several edits made over the same version, and loses none of the saved edits of co-authors', async () => {
    expect(run.firstEdits).toHaveLength(12);
    expect(run.firstEdits.filter((e) => ok(e.result, 'UpdatePracticePayload'))).toHaveLength(1);
    expect(run.firstEdits.filter((e) => conflict(e.result))).toHaveLength(11);
    expect(run.edits.filter((e) => !ok(e.result, 'UpdatePracticePayload') && !conflict(e.result))).toEqual([]);
    const saved = run.edits.filter((e) => ok(e.result, 'UpdatePracticePayload'));
    expect(saved.length).toBeGreaterThanOrEqual(6);
    // The saves form one chain: each was made over the version the previous one left.
    const chain = [...saved].sort((a, b) => a.result.practice.updatedAt.localeCompare(b.result.practice.updatedAt));
    const firstSave = run.firstEdits.find((e) => ok(e.result, 'UpdatePracticePayload'))!;
    for (const [i, edit] of chain.entries()) expect(edit.base, edit.line).toBe(i ? chain[i - 1]!.result.practice.updatedAt : firstSave.result.practice.updatedAt);
    const { practice } = await readThroughBoth<any>(person[authorHandles[0]!]!, `query ($id: ID!) { practice(id: $id) { lessons updatedAt } }`, { id: run.draft.id });
    expect(practice.lessons.split('\n')).toEqual(['Bài học:', firstSave.line, ...chain.map((e) => e.line)]);
    expect(practice.updatedAt).toBe(chain.at(-1)!.result.practice.updatedAt);
  });

  it('keeps every acknowledged role change and suspension made at once through the two servers, and refuses the rest with CONFLICT', async () => {
    const reads = await inParallel(run.subjects, 20, async (subject, i) => {
      const { expert, auditLog } = await admin.browser.read(
        via(i),
        `query ($h: String!, $id: ID!) { expert(handle: $h) { role suspendedUntil suspensionReason } auditLog(subject: $id, first: 50) { edges { node { action to } } } }`,
        { h: subject.handle, id: subject.id },
      );
      return { ...expert, actions: auditLog.edges.map((e: any) => e.node.action).sort() };
    });
    expect(run.roleAndSuspension).toHaveLength(12);
    for (const { subject, role, suspension, until } of run.roleAndSuspension) {
      const roleChanged = ok(role, 'ChangeRolePayload');
      const suspended = ok(suspension, 'SuspendExpertPayload');
      expect(roleChanged || conflict(role), JSON.stringify(role)).toBe(true);
      expect(suspended || conflict(suspension), JSON.stringify(suspension)).toBe(true);
      expect(roleChanged || suspended).toBe(true);
      expect(reads[subject], run.subjects[subject]!.handle).toEqual({
        role: roleChanged ? 'CURATOR' : 'MEMBER',
        suspendedUntil: suspended ? until : null,
        suspensionReason: suspended ? 'Đăng tin rác nhiều lần' : null,
        actions: [...(suspended ? ['EXPERT_SUSPENDED'] : []), ...(roleChanged ? ['ROLE_CHANGED'] : [])],
      });
    }
    expect(run.doubleSuspension).toHaveLength(4);
    for (const { subject, byModerator, byAdmin, untilModerator, untilAdmin } of run.doubleSuspension) {
      const outcomes = [byModerator, byAdmin].map((r) => ok(r, 'SuspendExpertPayload'));
      expect([byModerator, byAdmin].filter((r) => !ok(r, 'SuspendExpertPayload') && !conflict(r))).toEqual([]);
      expect(outcomes).toContain(true);
      const seen = reads[subject]!;
      // The one left is an acknowledged one; with one winner, it is that one.
      const acknowledged = [untilModerator, untilAdmin].filter((_, i) => outcomes[i]);
      expect(acknowledged).toContain(seen.suspendedUntil);
      expect(seen.role).toBe('MEMBER');
      expect(seen.actions).toEqual(acknowledged.map(() => 'EXPERT_SUSPENDED'));
    }
  });

  it('locks a thread once when a moderator and an admin lock it through both servers at once', async () => {
    expect(run.locks).toHaveLength(4);
    for (const { thread, byModerator, byAdmin } of run.locks) {
      expect([byModerator, byAdmin].filter((r) => ok(r, 'LockThreadPayload'))).toHaveLength(1);
      expect([byModerator, byAdmin].filter(conflict)).toHaveLength(1);
      const { thread: seen } = await readThroughBoth<any>(members[0]!, `query ($id: ID!) { thread(id: $id) { locked } }`, { id: thread });
      expect(seen.locked).toBe(true);
    }
  });

  it('starts one discussion of a practice when everyone starts it through both servers at once', async () => {
    expect(run.discussionStarts).toHaveLength(members.length * 2);
    expect(run.discussionStarts.filter((r) => !ok(r, 'StartPracticeDiscussionPayload'))).toEqual([]);
    const ids = new Set(run.discussionStarts.map((r) => r.thread.id));
    expect(ids.size).toBe(1);
    const { practice } = await readThroughBoth<any>(members[0]!, `query ($id: ID!) { practice(id: $id) { discussion { id } } }`, { id: run.discussionPractice });
    expect(practice.discussion.id).toBe([...ids][0]);
  });

  it('finds no counter to repair and no second discussion when the servers are done', async () => {
    await connectDatabase(database!.uri, { dbName: DB_NAME });
    try {
      expect(await repairCounters()).toEqual({ endorsements: 0, replies: 0, votes: 0, views: 0, verifications: 0, acceptedAnswers: 0 });
      const practiceId = Buffer.from(run.discussionPractice, 'base64url').toString().split(':')[1];
      expect(await Thread.countDocuments({ practice: practiceId })).toBe(1);
    } finally {
      await disconnectDatabase();
    }
  });
});
