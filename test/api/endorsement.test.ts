import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Expert } from '../../schema/expert/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Practice } from '../../schema/practice/model.ts';
import { repairCounters } from '../../schema/counters.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

const commandLog = useTestDatabase();

let authorCookie = '';
const readers: string[] = [];
let practiceId = '';
const globalId = (id: string) => Buffer.from(`Practice:${id}`).toString('base64url');

/** A published practice straight in the database: this file is about endorsements, not reviews. */
async function publishedPractice(title: string, authorId: string, status: 'published' | 'draft' = 'published') {
  const practice = await Practice.create({ title, authors: [authorId], status, publishedAt: new Date(), version: 1, topics: ['du-lieu-so'] });
  return String(practice._id);
}

beforeAll(async () => {
  await createReferenceData();
  const author = await createExpert({ handle: 'writer1' });
  authorCookie = await sessionCookieFor(String(author._id));
  for (let i = 0; i < 12; i++) readers.push(await sessionCookieFor(String((await createExpert({ handle: `reader${i}` }))._id)));
  practiceId = await publishedPractice('Số hóa hồ sơ một cửa', String(author._id));
  for (let i = 0; i < 15; i++) await publishedPractice(`Cách làm thứ ${i}`, String(author._id));
});
beforeEach(() => resetRateLimits());

const ENDORSE = `mutation ($id: ID!) { endorsePractice(input: { id: $id }) { __typename ... on Error { code } ... on EndorsePracticePayload { practice { endorsementCount viewerEndorsed } } } }`;
const WITHDRAW = `mutation ($id: ID!) { withdrawEndorsement(input: { id: $id }) { __typename ... on WithdrawEndorsementPayload { practice { endorsementCount viewerEndorsed } } } }`;
const count = async () => (await Practice.findById(practiceId).lean())!.endorsementCount;

describe('Endorsements', () => {
  it('counts twelve people endorsing at the same moment as twelve', async () => {
    const results = await Promise.all(readers.map((cookie) => graphql(ENDORSE, { id: globalId(practiceId) }, { cookie })));
    expect(results.every((r) => r.data.endorsePractice.__typename === 'EndorsePracticePayload')).toBe(true);
    expect(await count()).toBe(12);
  });

  it('counts one person endorsing five times at once as one, and shows they did', async () => {
    await graphql(WITHDRAW, { id: globalId(practiceId) }, { cookie: readers[0] });
    const results = await Promise.all(Array.from({ length: 5 }, () => graphql(ENDORSE, { id: globalId(practiceId) }, { cookie: readers[0] })));
    expect(results.at(-1)!.data.endorsePractice.practice.viewerEndorsed).toBe(true);
    expect(await count()).toBe(12);
  });

  it('takes an endorsement back', async () => {
    const response = await graphql(WITHDRAW, { id: globalId(practiceId) }, { cookie: readers[1] });
    expect(response.data.withdrawEndorsement.practice).toEqual({ endorsementCount: 11, viewerEndorsed: false });
  });

  it('refuses the authors’ own endorsement, a draft and a signed-out visitor, changing nothing', async () => {
    expect((await graphql(ENDORSE, { id: globalId(practiceId) }, { cookie: authorCookie })).data.endorsePractice.code).toBe('NOT_AUTHORIZED');
    expect((await graphql(ENDORSE, { id: globalId(practiceId) })).data.endorsePractice.code).toBe('NOT_AUTHORIZED');
    const draft = await publishedPractice('Bản nháp', String((await Expert.findOne({ handle: 'writer1' }).lean())!._id), 'draft');
    expect((await graphql(ENDORSE, { id: globalId(draft) }, { cookie: readers[2] })).data.endorsePractice.code).toBe('NOT_FOUND');
    expect(await count()).toBe(11);
  });

  it('repairs counters that drifted, and leaves right ones alone', async () => {
    await Practice.updateOne({ _id: practiceId }, { $set: { endorsementCount: 999 } });
    expect((await repairCounters({ settleMs: 50 })).endorsements).toBe(1);
    expect(await count()).toBe(11);
    expect((await repairCounters()).endorsements).toBe(0);
  });

  it('answers "did I endorse" for a whole page in one query', async () => {
    const LIST = `query ($first: Int) { practices(first: $first) { edges { node { endorsementCount viewerEndorsed } } } }`;
    const commandsFor = async (first: number) => {
      commandLog.reset();
      const response = await graphql(LIST, { first }, { cookie: readers[3] });
      expect(response.data.practices.edges).toHaveLength(first);
      return commandLog.commands.length;
    };
    expect(await commandsFor(15)).toBe(await commandsFor(3));
  });
});
