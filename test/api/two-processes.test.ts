import { describe, expect, it } from 'vitest';
import { repairCounters } from '../../schema/counters.ts';
import { Thread } from '../../schema/discussion/model.ts';
import { connectDatabase, disconnectDatabase } from '../../server/db/connection.ts';
import { inParallel } from '../helpers/server-process.ts';
import { authorHandles, cluster, conflict, crowd, DB_NAME, ok, type Person, person, run, useTwoProcessStorm, via, WITHDRAWING } from '../helpers/two-processes-storm.ts';

/*
 * Two real server processes on one embedded database, as behind a load balancer. Everything a
 * person can do concurrently is sent through both at once, and every count, every acknowledged
 * change and every one-of rule is then checked through both. The rate limits live in each
 * process's memory: every person signs in once, with an address of their own, and stays well
 * under 60 writes a minute on each server.
 */

useTwoProcessStorm();

/** The same read through both servers: they must agree. */
async function readThroughBoth<T>(who: Person, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const [a, b] = await Promise.all([who.browser.read<T>(via(0), query, variables), who.browser.read<T>(via(1), query, variables)]);
  expect(b).toEqual(a);
  return a;
}

describe('Two server processes on one database', () => {
  it('counts every distinct voter once when the same votes arrive through both servers at once', async () => {
    expect(run.votes).toHaveLength(crowd.members.length * run.answers.length * 2);
    expect(run.votes.filter((r) => !ok(r, 'VoteForAnswerPayload'))).toEqual([]);
    expect(run.voteWithdrawals.filter((r) => !ok(r, 'WithdrawVotePayload'))).toEqual([]);
    const { thread } = await readThroughBoth<any>(crowd.members[0]!, `query ($id: ID!) { thread(id: $id) { replies(first: 10) { edges { node { id voteCount } } } } }`, { id: run.question });
    const counts = Object.fromEntries(thread.replies.edges.map((e: any) => [e.node.id, e.node.voteCount]));
    const all = crowd.members.length;
    expect(run.answers.map((id) => counts[id])).toEqual([all - WITHDRAWING, all - WITHDRAWING, all, all]);
    await inParallel(crowd.members, 20, async (member, i) => {
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
      const { practice: seen } = await readThroughBoth<any>(crowd.members[0]!, `query ($id: ID!) { practice(id: $id) { endorsementCount } }`, { id: practice.id });
      const stillEndorsing = practice.endorsers.filter((m) => !practice.withdrawers.has(m.handle)).length;
      expect(seen.endorsementCount, practice.id).toBe(practice.initialCount - practice.initiallyEndorsed.size + stillEndorsing);
      await inParallel(practice.endorsers, 20, async (member, i) => {
        const { practice: mine } = await member.browser.read(via(i), `query ($id: ID!) { practice(id: $id) { viewerEndorsed } }`, { id: practice.id });
        expect(mine.viewerEndorsed, member.handle).toBe(!practice.withdrawers.has(member.handle));
      });
    }
  });

  it('keeps every reply written through either server once, and removes each removed one once', async () => {
    expect(run.replies).toHaveLength(crowd.members.length * 6);
    expect(run.replies.filter((r) => !ok(r.result, 'ReplyToThreadPayload'))).toEqual([]);
    // The author and a crowd.moderator removed each of 16 replies at the same moment: one of them did.
    expect(run.removals).toHaveLength(16);
    for (const { byAuthor, byModerator } of run.removals) {
      expect([byAuthor, byModerator].filter((r) => ok(r, 'DeleteReplyPayload'))).toHaveLength(1);
      expect([byAuthor, byModerator].filter(conflict)).toHaveLength(1);
    }
    const listed: { id: string; body: string | null; deleted: boolean }[] = [];
    let thread: any;
    for (let after: string | null = null; ; ) {
      ({ thread } = await readThroughBoth<any>(
        crowd.members[0]!,
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
    expect(thread.viewCount).toBe(crowd.members.length);
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
      const { expert, auditLog } = await crowd.admin.browser.read(
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

  it('locks a thread once when a crowd.moderator and an crowd.admin lock it through both servers at once', async () => {
    expect(run.locks).toHaveLength(4);
    for (const { thread, byModerator, byAdmin } of run.locks) {
      expect([byModerator, byAdmin].filter((r) => ok(r, 'LockThreadPayload'))).toHaveLength(1);
      expect([byModerator, byAdmin].filter(conflict)).toHaveLength(1);
      const { thread: seen } = await readThroughBoth<any>(crowd.members[0]!, `query ($id: ID!) { thread(id: $id) { locked } }`, { id: thread });
      expect(seen.locked).toBe(true);
    }
  });

  it('starts one discussion of a practice when everyone starts it through both servers at once', async () => {
    expect(run.discussionStarts).toHaveLength(crowd.members.length * 2);
    expect(run.discussionStarts.filter((r) => !ok(r, 'StartPracticeDiscussionPayload'))).toEqual([]);
    const ids = new Set(run.discussionStarts.map((r) => r.thread.id));
    expect(ids.size).toBe(1);
    const { practice } = await readThroughBoth<any>(crowd.members[0]!, `query ($id: ID!) { practice(id: $id) { discussion { id } } }`, { id: run.discussionPractice });
    expect(practice.discussion.id).toBe([...ids][0]);
  });

  it('finds no counter to repair and no second discussion when the servers are done', async () => {
    await connectDatabase(cluster.database!.uri, { dbName: DB_NAME });
    try {
      expect(await repairCounters()).toEqual({ endorsements: 0, replies: 0, discussions: 0, votes: 0, views: 0, verifications: 0, acceptedAnswers: 0 });
      const practiceId = Buffer.from(run.discussionPractice, 'base64url').toString().split(':')[1];
      expect(await Thread.countDocuments({ practice: practiceId })).toBe(1);
    } finally {
      await disconnectDatabase();
    }
  });
});
