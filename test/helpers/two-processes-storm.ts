// The two-processes test's storm: an embedded database, two server processes on it, the people and
// content prepared through them, and every kind of concurrent write sent through both at once. What
// the servers answered is kept in `run`, for test/api/two-processes.test.ts to check.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { disconnectDatabase, connectDatabase } from '../../server/db/connection.ts';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '../../server/db/embedded.ts';
import { demoAccounts, type ExpertRecord, loadDemoData, loadReferenceData, readData } from '../../seeds/load.ts';
import { passableTempDir } from './data-dir.ts';
import { Browser, inParallel, type ServerProcess, startServerProcess } from './server-process.ts';

export const DB_NAME = 'twoprocesses';
/** Operations in flight at once: pairs of requests, so twice as many requests. */
const PAIRS_AT_ONCE = 10;
/** How many members take back their votes on the first two answers and their endorsement of the first practice. */
export const WITHDRAWING = 8;

const root = passableTempDir('two-processes-');

/** The database and the two servers on it, once started. */
export const cluster = { database: undefined as EmbeddedDatabase | undefined };
const servers: ServerProcess[] = [];
/** The server of the i-th request of a pair, person or target: A, B, A, B… */
export const via = (i: number) => servers[i % 2]!.url;

export interface Result {
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
const ANSWER_INVITATION = `mutation ($input: AnswerCoAuthorInvitationInput!) { r: answerCoAuthorInvitation(input: $input) { __typename ... on AnswerCoAuthorInvitationPayload { practice { id updatedAt } } ${errors} } }`;
const CREATE_PRACTICE = `mutation ($input: CreatePracticeInput!) { r: createPractice(input: $input) { __typename ... on CreatePracticePayload { practice { id lessons updatedAt } } ${errors} } }`;

export interface Person {
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

export const ok = (result: Result | undefined, payload: string) => result?.__typename === payload;
export const conflict = (result: Result | undefined) => result?.__typename === 'ConflictError' && result.code === 'CONFLICT';

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
export const authorHandles = people.slice(29, 35);
const subjectHandles = people.slice(35, 51);

export const person: Record<string, Person> = {};
/** The members who vote, endorse, reply and read; the staff who change roles, suspend and lock. */
export const crowd = { members: [] as Person[], admin: undefined as unknown as Person, moderator: undefined as unknown as Person };

/** What was prepared, and every answer the servers gave during the concurrent phase. */
export const run = {
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

/** Starts the database and both servers, prepares the content and runs the concurrent phase, for the whole file. */
export function useTwoProcessStorm() {
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await cluster.database?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  beforeAll(async () => {
    cluster.database = await startEmbeddedDatabase({ dataDir: path.join(root, 'db') });
    await connectDatabase(cluster.database.uri, { dbName: DB_NAME });
    await loadReferenceData();
    await loadDemoData();
    await disconnectDatabase();
    // Both start at once, as a deployment would start them.
    servers.push(...(await Promise.all([0, 1].map(() => startServerProcess({ MONGODB_URI: cluster.database!.uri, DB_NAME, DEMO_DATA: 'never' })))));

    const signingIn = [adminHandle, moderatorHandle, askerHandle, ...answererHandles, ...memberHandles, ...authorHandles];
    await inParallel(signingIn, 2 * PAIRS_AT_ONCE, async (handle, i) => {
      const browser = new Browser(`10.20.${Math.floor(i / 250)}.${(i % 250) + 1}`);
      const { id } = await browser.signIn(via(i), handle);
      person[handle] = { handle, id, browser };
    });
    crowd.admin = person[adminHandle]!;
    crowd.moderator = person[moderatorHandle]!;
    crowd.members = memberHandles.map((h) => person[h]!);
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
    // Co-authors are named once they accept; each acceptance is a change the editors start from.
    for (const [i, handle] of authorHandles.slice(1).entries()) {
      const accepted = await mutate(person[handle]!, via(i), ANSWER_INVITATION, { id: run.draft.id, accept: true });
      run.draft.updatedAt = accepted.practice.updatedAt;
    }

    const { practices } = await crowd.members[0]!.browser.read(via(0), `{ practices(first: 20) { edges { node { id endorsementCount authors { handle } discussion { id } } } } }`);
    const published = practices.edges.map((e: any) => e.node);
    for (const practice of published.slice(0, 3)) {
      const authors = new Set(practice.authors.map((a: { handle: string }) => a.handle));
      const endorsers = crowd.members.filter((m) => !authors.has(m.handle));
      run.practices.push({ id: practice.id, initialCount: practice.endorsementCount, endorsers, initiallyEndorsed: new Set(), withdrawers: new Set() });
    }
    for (const m of run.practices[0]!.endorsers.slice(0, WITHDRAWING)) run.practices[0]!.withdrawers.add(m.handle);
    await inParallel(crowd.members, 2 * PAIRS_AT_ONCE, async (member, i) => {
      for (const practice of run.practices) {
        const { practice: seen } = await member.browser.read(via(i), `query ($id: ID!) { practice(id: $id) { viewerEndorsed } }`, { id: practice.id });
        if (seen.viewerEndorsed) practice.initiallyEndorsed.add(member.handle);
      }
    });
    run.discussionPractice = published.slice(3).find((p: any) => p.discussion === null).id;

    const { threads } = await crowd.moderator.browser.read(via(1), `{ threads(first: 12, filter: { kind: DISCUSSION }) { edges { node { id locked author { handle } } } } }`);
    // Not a subject's thread: locking it writes an audit entry about its author, and the subjects'
    // audit trails must hold the role changes and suspensions alone.
    run.lockable = threads.edges
      .map((e: any) => e.node)
      .filter((t: any) => !t.locked && t.id !== run.talk && !subjectHandles.includes(t.author.handle))
      .slice(0, 4)
      .map((t: any) => t.id);
    expect(run.lockable).toHaveLength(4);
    for (const handle of subjectHandles) {
      const { expert } = await crowd.admin.browser.read(via(0), `query ($h: String!) { expert(handle: $h) { id role suspendedUntil } }`, { h: handle });
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
    const votes = crowd.members.flatMap((m) => run.answers.map((replyId) => both(m, VOTE, { replyId }, run.votes)));
    const endorsements = run.practices.flatMap((p) => p.endorsers.map((m) => both(m, ENDORSE, { id: p.id }, run.endorsements)));
    const views = crowd.members.map((m) => both(m, VIEW, { id: run.talk }, run.views));
    const starts = crowd.members.map((m) => both(m, START_DISCUSSION, { practiceId: run.discussionPractice }, run.discussionStarts));
    const replies = crowd.members.flatMap((m) => [replyPair(m, 1), replyPair(m, 2)]);
    const staffWork = [
      ...run.subjects.slice(0, 12).map((subject, i) => async () => {
        const until = inDays(7 + i);
        const [role, suspension] = await Promise.all([
          mutate(crowd.admin, via(i), CHANGE_ROLE, { expertId: subject.id, role: 'CURATOR', reason: 'Tham gia nhóm biên tập' }),
          mutate(crowd.moderator, via(i + 1), SUSPEND, { expertId: subject.id, until, reason: 'Đăng tin rác nhiều lần' }),
        ]);
        run.roleAndSuspension.push({ subject: i, role, suspension, until });
      }),
      ...run.subjects.slice(12).map((subject, i) => async () => {
        const [untilModerator, untilAdmin] = [inDays(3), inDays(30)];
        const [byModerator, byAdmin] = await Promise.all([
          mutate(crowd.moderator, via(i), SUSPEND, { expertId: subject.id, until: untilModerator, reason: 'Lời lẽ xúc phạm (điều phối viên)' }),
          mutate(crowd.admin, via(i + 1), SUSPEND, { expertId: subject.id, until: untilAdmin, reason: 'Lời lẽ xúc phạm (quản trị)' }),
        ]);
        run.doubleSuspension.push({ subject: 12 + i, byModerator, byAdmin, untilModerator, untilAdmin });
      }),
      ...run.lockable.map((thread, i) => async () => {
        const [byModerator, byAdmin] = await Promise.all([
          mutate(crowd.moderator, via(i), LOCK, { threadId: thread, locked: true }),
          mutate(crowd.admin, via(i + 1), LOCK, { threadId: thread, locked: true }),
        ]);
        run.locks.push({ thread, byModerator, byAdmin });
      }),
    ];
    const storm = interleave(votes, endorsements, replies, views, starts, staffWork);
    await Promise.all([inParallel(storm, PAIRS_AT_ONCE, (task) => task()), coAuthorEdits(authorHandles.map((h) => person[h]!))]);

    // Then counts move both ways at once: votes and endorsements withdrawn, replies removed (by
    // their author and a moderator at the same moment) while more are written.
    const removable = crowd.members.slice(0, 16).map((m) => run.replies.find((r) => r.author === m.handle && ok(r.result, 'ReplyToThreadPayload'))!);
    const voteWithdrawals = crowd.members.slice(0, WITHDRAWING).flatMap((m) => run.answers.slice(0, 2).map((replyId) => both(m, WITHDRAW_VOTE, { replyId }, run.voteWithdrawals)));
    const endorsementWithdrawals = [...run.practices[0]!.withdrawers].map((h) => both(person[h]!, WITHDRAW_ENDORSEMENT, { id: run.practices[0]!.id }, run.endorsementWithdrawals));
    const removals = removable.map((reply, i) => async () => {
      const replyId = reply.result.reply.id;
      const [byAuthor, byModerator] = await Promise.all([mutate(person[reply.author]!, via(i), DELETE_REPLY, { replyId }), mutate(crowd.moderator, via(i + 1), DELETE_REPLY, { replyId })]);
      run.removals.push({ replyId, byAuthor, byModerator });
    });
    const moreReplies = crowd.members.map((m) => replyPair(m, 3));
    await inParallel(interleave(voteWithdrawals, endorsementWithdrawals, removals, moreReplies), PAIRS_AT_ONCE, (task) => task());
  }, 240_000);
}
