import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { repairCounters } from '../../schema/counters.ts';
import { Reply, Thread, Vote } from '../../schema/discussion/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Practice } from '../../schema/practice/model.ts';
import { Endorsement } from '../../schema/reaction/model.ts';
import { VerificationRequest } from '../../schema/verification/model.ts';
import { ViewCount } from '../../schema/view/model.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

const commandLog = useTestDatabase();

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');
const cookies: string[] = [];
let authorId = '';
let practiceId = '';
let draftId = '';
let threadId = '';

beforeAll(async () => {
  await createReferenceData();
  authorId = String((await createExpert({ handle: 'author' }))._id);
  for (let i = 0; i < 6; i++) cookies.push(await sessionCookieFor(String((await createExpert({ handle: `reader${i}` }))._id)));
  practiceId = String((await Practice.create({ title: 'Số hóa hồ sơ đất đai', authors: [authorId], status: 'published', publishedAt: new Date(), version: 1 }))._id);
  draftId = String((await Practice.create({ title: 'Bản nháp', authors: [authorId], status: 'draft' }))._id);
  threadId = String((await Thread.create({ kind: 'question', title: 'Thuê dịch vụ CNTT thế nào?', author: authorId, lastActivityAt: new Date() }))._id);
  for (let i = 0; i < 5; i++) await Practice.create({ title: `Cách làm ${i}`, authors: [authorId], status: 'published', publishedAt: new Date(), version: 1 });
});
beforeEach(() => resetRateLimits());

const VIEW = `mutation ($id: ID!) { recordView(input: { id: $id }) { __typename ... on Error { code } ... on RecordViewPayload { viewCount } } }`;
const practiceViews = async () => (await graphql(`query ($id: ID!) { practice(id: $id) { viewCount } }`, { id: globalId('Practice', practiceId) })).data.practice.viewCount;

describe('View counts', () => {
  it('counts each reader once, members and signed-out browsers alike, even when they come back at once', async () => {
    const visits = cookies.flatMap((cookie) => [cookie, cookie, cookie]).map((cookie) => graphql(VIEW, { id: globalId('Practice', practiceId) }, { cookie }));
    const results = await Promise.all(visits);
    expect(results.every((r) => r.data.recordView.__typename === 'RecordViewPayload')).toBe(true);
    expect(await practiceViews()).toBe(6);
    await graphql(VIEW, { id: globalId('Practice', practiceId) }, { clientAddress: '203.0.113.7' });
    await graphql(VIEW, { id: globalId('Practice', practiceId) }, { clientAddress: '203.0.113.7' });
    await graphql(VIEW, { id: globalId('Practice', practiceId) }, { clientAddress: '203.0.113.8' });
    expect(await practiceViews()).toBe(8);
  });

  it('counts members reading a thread, and never a signed-out visitor or someone else’s draft', async () => {
    const read = await graphql(VIEW, { id: globalId('Thread', threadId) }, { cookie: cookies[0] });
    expect(read.data.recordView.viewCount).toBe(1);
    expect((await graphql(VIEW, { id: globalId('Thread', threadId) })).data.recordView.code).toBe('NOT_AUTHORIZED');
    expect((await graphql(VIEW, { id: globalId('Practice', draftId) }, { cookie: cookies[1] })).data.recordView.code).toBe('NOT_FOUND');
    expect((await graphql(VIEW, { id: globalId('Expert', authorId) }, { cookie: cookies[1] })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await ViewCount.countDocuments({ _id: `practice:${draftId}` })).toBe(0);
  });

  it('shows view counts for a page of practices in the same number of commands whatever its size', async () => {
    const LIST = `query ($first: Int) { practices(first: $first) { edges { node { viewCount } } } }`;
    const commandsFor = async (first: number) => {
      commandLog.reset();
      expect((await graphql(LIST, { first })).data.practices.edges).toHaveLength(first);
      return commandLog.commands.length;
    };
    expect(await commandsFor(6)).toBe(await commandsFor(2));
  });
});

const NOTHING = { endorsements: 0, replies: 0, discussions: 0, votes: 0, views: 0, verifications: 0, acceptedAnswers: 0 };
const quick = { settleMs: 300 };

describe('Counter repair', () => {
  it('puts every drifted counter right from the records it counts, finishes cut-short changes, and then finds nothing to do', async () => {
    const answer = await Reply.create({ thread: threadId, depth: 0, author: authorId, body: 'Trả lời' });
    const removed = await Reply.create({ thread: threadId, depth: 0, author: authorId, body: 'Đã gỡ', deleted: true });
    await Vote.create({ reply: answer._id, expert: authorId });
    await Endorsement.create({ practice: practiceId, expert: authorId });
    // What a crash between the two writes of a change, or a bug, would leave.
    await Thread.updateOne({ _id: threadId }, { $set: { replyCount: 7, acceptedReply: removed._id } });
    await Practice.updateOne({ _id: practiceId }, { $set: { endorsementCount: 0 } });
    await ViewCount.updateOne({ _id: `practice:${practiceId}` }, { $set: { count: 100 } });
    await ViewCount.deleteOne({ _id: `thread:${threadId}` });
    const applicant = await createExpert({ handle: 'applicant', cohorts: [] });
    await VerificationRequest.create({ expert: applicant._id, statement: 'Giám đốc Trung tâm CNTT tỉnh, khóa 2019.', cohort: 'cpdt-100-2019', status: 'approved' });

    expect(await repairCounters(quick)).toEqual({ endorsements: 1, replies: 1, discussions: 0, votes: 1, views: 2, verifications: 1, acceptedAnswers: 1 });
    const thread = await graphql(
      `query ($id: ID!) { thread(id: $id) { replyCount viewCount acceptedAnswer { id } replies { edges { node { voteCount } } } } }`,
      { id: globalId('Thread', threadId) },
      { cookie: cookies[0] },
    );
    expect(thread.data.thread).toMatchObject({ replyCount: 1, viewCount: 1, acceptedAnswer: null, replies: { edges: [{ node: { voteCount: 1 } }, { node: { voteCount: 0 } }] } });
    expect(await practiceViews()).toBe(8);
    expect((await Practice.findById(practiceId).lean())!.endorsementCount).toBe(1);
    const verified = await graphql(`query { expert(handle: "applicant") { verified cohorts { slug } } }`);
    expect(verified.data.expert).toEqual({ verified: true, cohorts: [{ slug: 'cpdt-100-2019' }] });
    expect(await repairCounters()).toEqual(NOTHING);
  });

  it('does not count twice an endorsement it catches between its two writes, while servers run', async () => {
    const count = async () => (await Practice.findById(practiceId).lean())!.endorsementCount;
    const before = await count();
    const reader = await createExpert({ handle: 'late-reader' });
    // The endorsement's first write; the repair sees a record the count lacks...
    await Endorsement.create({ practice: practiceId, expert: reader._id });
    const repair = repairCounters({ settleMs: 1500 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    // ...and the second write lands while it waits: a repair that set the count now would make it one too many.
    await Practice.updateOne({ _id: practiceId }, { $inc: { endorsementCount: 1 } }, { timestamps: false });
    expect(await repair).toEqual(NOTHING);
    expect(await count()).toBe(before + 1);
  });
});
