import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../schema/audit/model.ts';
import { Expert } from '../../schema/expert/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Practice, PracticeRevision } from '../../schema/practice/model.ts';
import { ReviewClaim } from '../../schema/review/model.ts';
import { globalId } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

useTestDatabase();

type Who = 'author' | 'member' | 'curator' | 'curator2' | 'admin';
const people = {} as Record<Who, { id: string; cookie: string }>;

beforeAll(async () => {
  await createReferenceData();
  const make = async (who: Who, role: string) => {
    const expert = await createExpert({ handle: `nguoi-${who}`, name: `Người ${who}` });
    await Expert.updateOne({ _id: expert._id }, { $set: { role } });
    people[who] = { id: String(expert._id), cookie: await sessionCookieFor(String(expert._id)) };
  };
  await make('author', 'member');
  await make('member', 'member');
  await make('curator', 'curator');
  await make('curator2', 'curator');
  await make('admin', 'admin');
});
beforeEach(() => resetRateLimits());

const RESULT = `__typename ... on Error { code message } ... on ValidationError { fieldErrors { path code } }`;
const FIELDS = `id status returnReason updatedAt topics { slug } place { code } duplicateOf { id title }
  reviewClaim { curator { name } checklist }
  reviewComments { section body author { name } }
  reviewHistory { kind reason checklist actor { name } from to duplicateOf { title } }`;
const as = (who: Who | null) => (who ? { cookie: people[who].cookie } : {});
const gid = (id: string) => globalId('Practice', id);

async function mutate(name: string, input: Record<string, unknown>, who: Who) {
  const upper = `${name[0]!.toUpperCase()}${name.slice(1)}`;
  const payloadField = name === 'addReviewComment' ? 'comment { section body }' : `practice { ${FIELDS} }`;
  const response = await graphql(`mutation ($input: ${upper}Input!) { ${name}(input: $input) { ${RESULT} ... on ${upper}Payload { ${payloadField} } } }`, { input }, as(who));
  expect(response.errors).toBeUndefined();
  return response.data[name];
}
const read = async (id: string, who: Who | null) => (await graphql(`query ($id: ID!) { practice(id: $id) { ${FIELDS} } }`, { id: gid(id) }, as(who))).data?.practice;

const complete = {
  summary: 'Một cổng dữ liệu dùng chung',
  problem: 'Dữ liệu nằm rải rác',
  solution: 'Kết nối các hệ thống',
  results: 'Giảm 40% thời gian',
  stage: 'operating',
  year: 2024,
  organization: 'so-khcn-da-nang',
  place: 'da-nang',
  topics: ['du-lieu-so'],
} as const;
let serial = 0;
/** A practice its author submits through the API, as the desk receives it. */
async function submitted(): Promise<string> {
  const practice = await Practice.create({ title: `Cách làm để duyệt ${++serial}`, ...complete, topics: [...complete.topics], authors: [people.author.id], status: 'draft' });
  const id = String(practice._id);
  expect((await mutate('submitPractice', { id: gid(id) }, 'author')).__typename).toBe('SubmitPracticePayload');
  return id;
}
async function published(): Promise<string> {
  const id = await submitted();
  expect((await mutate('publishPractice', { id: gid(id) }, 'curator')).__typename).toBe('PublishPracticePayload');
  return id;
}

describe('The review desk', () => {
  it('walks a round: claim, checklist, a section comment, return; the author revises and resubmits; another curator publishes; authors and curators read the history, others do not', async () => {
    const id = await submitted();
    const claimed = await mutate('claimPractice', { id: gid(id) }, 'curator');
    expect(claimed.practice.reviewClaim).toMatchObject({ curator: { name: 'Người curator' }, checklist: [] });

    // The other curator sees who has it, and can neither take it nor decide on it.
    expect((await read(id, 'curator2')).reviewClaim.curator.name).toBe('Người curator');
    for (const [name, input] of [
      ['claimPractice', {}],
      ['publishPractice', {}],
      ['returnPractice', { reason: 'Thiếu số liệu' }],
    ] as const) {
      const refused = await mutate(name, { id: gid(id), ...input }, 'curator2');
      expect(refused).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
      expect(refused.message).toContain('Người curator');
    }

    const ticked = await mutate('setReviewChecklist', { id: gid(id), checks: ['LESSONS', 'PROBLEM_STATED'] }, 'curator');
    expect(ticked.practice.reviewClaim.checklist).toEqual(['PROBLEM_STATED', 'LESSONS']);
    expect((await mutate('addReviewComment', { id: gid(id), section: 'RESULTS', body: 'Cần số liệu trước và sau.' }, 'curator')).comment).toEqual({
      section: 'RESULTS',
      body: 'Cần số liệu trước và sau.',
    });
    const returned = await mutate('returnPractice', { id: gid(id), reason: 'Bổ sung số liệu kết quả' }, 'curator');
    expect(returned.practice).toMatchObject({ status: 'RETURNED', returnReason: 'Bổ sung số liệu kết quả', reviewClaim: null });

    // The author reads the comment and the history, answers, revises and resubmits.
    const seen = await read(id, 'author');
    expect(seen.reviewComments).toEqual([{ section: 'RESULTS', body: 'Cần số liệu trước và sau.', author: { name: 'Người curator' } }]);
    expect(seen.reviewHistory.map((e: { kind: string }) => e.kind)).toEqual(['SUBMITTED', 'CLAIMED', 'RETURNED']);
    expect(seen.reviewHistory[2]).toMatchObject({ reason: 'Bổ sung số liệu kết quả', checklist: ['PROBLEM_STATED', 'LESSONS'], actor: { name: 'Người curator' } });
    expect((await mutate('addReviewComment', { id: gid(id), section: 'RESULTS', body: 'Đã bổ sung.' }, 'author')).__typename).toBe('AddReviewCommentPayload');
    await mutate('updatePractice', { id: gid(id), results: 'Giảm 40% thời gian, từ 10 ngày xuống 6 ngày' }, 'author');
    expect((await mutate('submitPractice', { id: gid(id) }, 'author')).__typename).toBe('SubmitPracticePayload');

    // A new round: the first claim is over, so the other curator may take it and publish.
    expect((await read(id, 'curator2')).reviewClaim).toBeNull();
    expect((await mutate('claimPractice', { id: gid(id) }, 'curator2')).practice.reviewClaim.curator.name).toBe('Người curator2');
    expect((await mutate('publishPractice', { id: gid(id) }, 'curator2')).practice.status).toBe('PUBLISHED');
    const history = (await read(id, 'author')).reviewHistory.map((e: { kind: string }) => e.kind);
    expect(history).toEqual(['SUBMITTED', 'CLAIMED', 'RETURNED', 'SUBMITTED', 'CLAIMED', 'PUBLISHED']);

    // A member who is neither author nor curator reads the practice, not its review.
    const outsider = await read(id, 'member');
    expect(outsider).toMatchObject({ status: 'PUBLISHED', reviewClaim: null, reviewComments: null, reviewHistory: null });
  });

  it('lets exactly one of ten curators racing for a practice claim it', async () => {
    const id = await submitted();
    const curators = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const expert = await createExpert({ handle: `dua-${serial}-${i}`, name: `Biên tập ${i}` });
        await Expert.updateOne({ _id: expert._id }, { $set: { role: 'curator' } });
        return sessionCookieFor(String(expert._id));
      }),
    );
    const results = await Promise.all(
      curators.map((cookie) => graphql(`mutation ($input: ClaimPracticeInput!) { claimPractice(input: $input) { __typename } }`, { input: { id: gid(id) } }, { cookie })),
    );
    const kinds = results.map((r) => r.data?.claimPractice?.__typename);
    expect(kinds.filter((k) => k === 'ClaimPracticePayload')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'ConflictError')).toHaveLength(9);
    expect(await ReviewClaim.countDocuments({ _id: id })).toBe(1);
  });

  it('answers CONFLICT, and changes nothing, when the practice changed after the curator opened it', async () => {
    const id = await submitted();
    const opened = (await read(id, 'curator')).updatedAt;
    await mutate('updatePractice', { id: gid(id), summary: 'Tóm tắt mới của tác giả' }, 'author');
    for (const [name, input] of [
      ['publishPractice', {}],
      ['returnPractice', { reason: 'Thiếu số liệu' }],
      ['correctPractice', { topics: ['an-toan-thong-tin'], reason: 'Đúng chủ đề hơn' }],
    ] as const) {
      expect((await mutate(name, { id: gid(id), baseUpdatedAt: opened, ...input }, 'curator')).__typename).toBe('ConflictError');
    }
    expect(await Practice.findById(id).lean()).toMatchObject({ status: 'submitted', topics: ['du-lieu-so'], summary: 'Tóm tắt mới của tác giả' });
  });

  it('releases a claim for its holder or an admin only', async () => {
    const id = await submitted();
    await mutate('claimPractice', { id: gid(id) }, 'curator');
    expect((await mutate('releasePractice', { id: gid(id) }, 'curator2')).__typename).toBe('NotAuthorizedError');
    expect((await mutate('releasePractice', { id: gid(id) }, 'admin')).practice.reviewClaim).toBeNull();
    expect((await mutate('releasePractice', { id: gid(id) }, 'curator')).__typename).toBe('ConflictError');
    expect((await mutate('setReviewChecklist', { id: gid(id), checks: ['CONTACT'] }, 'curator')).__typename).toBe('ConflictError');
  });

  it('marks a submitted practice as a duplicate of another published one, which its author is shown', async () => {
    const original = await published();
    const repeat = await submitted();
    for (const wrong of [repeat, await submitted()]) {
      expect((await mutate('markPracticeDuplicate', { id: gid(repeat), duplicateOf: gid(wrong), reason: 'Trùng nội dung' }, 'curator')).__typename).toBe('ValidationError');
    }
    const marked = await mutate('markPracticeDuplicate', { id: gid(repeat), duplicateOf: gid(original), reason: 'Trùng với cách làm đã đăng' }, 'curator');
    expect(marked.practice).toMatchObject({ status: 'RETURNED', returnReason: 'Trùng với cách làm đã đăng', duplicateOf: { id: gid(original) } });
    const seen = await read(repeat, 'author');
    expect(seen.reviewHistory.at(-1)).toMatchObject({ kind: 'DUPLICATE', duplicateOf: { title: expect.stringContaining('Cách làm để duyệt') } });
    expect(await AuditEntry.countDocuments({ action: 'practice.duplicate', practice: repeat })).toBe(1);
  });

  it('unpublishes with a reason: the public loses it, its authors get it back, the published text is kept', async () => {
    const id = await published();
    expect((await mutate('unpublishPractice', { id: gid(id), reason: 'Sai số liệu' }, 'member')).__typename).toBe('NotAuthorizedError');
    expect((await mutate('unpublishPractice', { id: gid(id), reason: '' }, 'curator')).__typename).toBe('ValidationError');
    const unpublished = await mutate('unpublishPractice', { id: gid(id), reason: 'Số liệu chưa được xác minh' }, 'curator');
    expect(unpublished.practice).toMatchObject({ status: 'RETURNED', returnReason: 'Số liệu chưa được xác minh' });
    expect((await graphql(`query ($id: ID!) { practice(id: $id) { id } }`, { id: gid(id) })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await PracticeRevision.countDocuments({ practice: id, version: 1 })).toBe(1);
    expect((await read(id, 'author')).reviewHistory.at(-1)).toMatchObject({ kind: 'UNPUBLISHED', reason: 'Số liệu chưa được xác minh' });
    expect(await AuditEntry.findOne({ action: 'practice.unpublished', practice: id }).lean()).toMatchObject({ reason: 'Số liệu chưa được xác minh', actor: expect.anything() });
    expect((await mutate('unpublishPractice', { id: gid(id), reason: 'Lần nữa' }, 'curator')).__typename).toBe('ConflictError');
  });

  it('corrects the topics and place of a practice, recording before and after', async () => {
    const id = await published();
    expect((await mutate('correctPractice', { id: gid(id), topics: ['khong-co'], reason: 'Sửa chủ đề' }, 'curator')).__typename).toBe('ValidationError');
    expect((await mutate('correctPractice', { id: gid(id), topics: ['an-toan-thong-tin'], reason: 'Sửa chủ đề' }, 'author')).__typename).toBe('NotAuthorizedError');
    const corrected = await mutate('correctPractice', { id: gid(id), topics: ['an-toan-thong-tin'], place: 'ha-noi', reason: 'Đúng chủ đề và nơi làm' }, 'curator');
    expect(corrected.practice).toMatchObject({ status: 'PUBLISHED', topics: [{ slug: 'an-toan-thong-tin' }], place: { code: 'ha-noi' } });
    expect((await read(id, 'author')).reviewHistory.at(-1)).toMatchObject({
      kind: 'CORRECTED',
      from: 'topics: du-lieu-so; place: da-nang',
      to: 'topics: an-toan-thong-tin; place: ha-noi',
    });
  });

  it('shows the desk its counts, filters the queue by claim, and the median time to a decision', async () => {
    await Practice.updateMany({ status: 'submitted' }, { $set: { status: 'draft' } });
    const [mine, theirs, free] = [await submitted(), await submitted(), await submitted()];
    await mutate('claimPractice', { id: gid(mine) }, 'curator');
    await mutate('claimPractice', { id: gid(theirs) }, 'curator2');
    const queue = async (claim: string) => {
      const r = await graphql(`query ($claim: ReviewClaimFilter) { practicesToReview(first: 10, filter: { claim: $claim }) { edges { node { id } } } }`, { claim }, as('curator'));
      expect(r.errors).toBeUndefined();
      return r.data.practicesToReview.edges.map((e: { node: { id: string } }) => e.node.id);
    };
    expect(await queue('MINE')).toEqual([gid(mine)]);
    expect(await queue('OTHERS')).toEqual([gid(theirs)]);
    expect(await queue('UNCLAIMED')).toEqual([gid(free)]);
    expect(await queue('ANY')).toEqual([gid(mine), gid(theirs), gid(free)]);
    const desk = (await graphql('{ reviewDesk { waiting unclaimed claimedByViewer returned decisionsCounted medianDecisionHours } }', {}, as('curator'))).data.reviewDesk;
    expect(desk).toMatchObject({ waiting: 3, unclaimed: 1, claimedByViewer: 1 });
    expect(desk.decisionsCounted).toBeGreaterThan(0);
    expect(desk.medianDecisionHours).toBeGreaterThanOrEqual(0);
    expect((await graphql('{ reviewDesk { waiting } }', {}, as('member'))).errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
  });
});

describe('The audit log of curators’ actions', () => {
  const LOG = `query ($action: AuditAction, $actor: ID, $practice: ID) {
    auditLog(first: 50, action: $action, actor: $actor, practice: $practice) { edges { node { action reason actor { name } subject { name } practice { id title } } } }
  }`;
  const log = async (variables: Record<string, unknown>, who: Who = 'admin') => graphql(LOG, variables, as(who));

  it('names each review action, links its practice, and narrows by action, actor and practice', async () => {
    const id = await submitted();
    await mutate('claimPractice', { id: gid(id) }, 'curator2');
    await mutate('returnPractice', { id: gid(id), reason: 'Chưa nêu bài học' }, 'curator2');
    const about = (await log({ practice: gid(id) })).data.auditLog.edges.map((e: { node: unknown }) => e.node);
    expect(about).toEqual([
      { action: 'PRACTICE_RETURNED', reason: 'Chưa nêu bài học', actor: { name: 'Người curator2' }, subject: { name: 'Người author' }, practice: { id: gid(id), title: expect.any(String) } },
      { action: 'PRACTICE_CLAIMED', reason: '', actor: { name: 'Người curator2' }, subject: { name: 'Người author' }, practice: { id: gid(id), title: expect.any(String) } },
    ]);
    const byActor = (await log({ actor: globalId('Expert', people.curator2.id), action: 'PRACTICE_CLAIMED' })).data.auditLog.edges;
    expect(byActor.length).toBeGreaterThan(0);
    expect(byActor.every((e: { node: { action: string; actor: { name: string } } }) => e.node.action === 'PRACTICE_CLAIMED' && e.node.actor.name === 'Người curator2')).toBe(true);
  });

  it('is for admins only, and nothing in the API writes to it', async () => {
    expect((await log({}, 'curator')).errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
    const mutations = (await graphql('{ __schema { mutationType { fields { name } } } }')).data.__schema.mutationType.fields.map((f: { name: string }) => f.name);
    expect(mutations.filter((name: string) => /audit/i.test(name))).toEqual([]);
  });
});
