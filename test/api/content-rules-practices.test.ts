import { describe, expect, it } from 'vitest';
import { Practice } from '../../schema/practice/model.ts';
import { graphql } from '../helpers/graphql.ts';
import {
  badInput,
  type Case,
  changes,
  conflict,
  describeRows,
  f,
  globalId,
  invalid,
  MARKDOWN_MAX,
  NOWHERE,
  notAuthorized,
  notFound,
  OPERATOR,
  people,
  practiceId,
  row,
  SUMMARY_MAX,
  snapshot,
  TITLE_MAX,
  textRows,
  threadId,
  useContentFixtures,
} from '../helpers/content-rules.ts';

/*
 * The "bad input" thrown at every content mutation (and at search): each case must end in
 * exactly the typed answer named in its row, and leave every content collection exactly as it
 * was, compared document by document (updatedAt included). The markdown bombs, which are within
 * the length limit, must instead be stored as given and rendered, bounded, in good time.
 *
 * Here: practices, their review and their endorsements; threads, replies and the rest are in
 * content-rules-discussions.test.ts.
 */

useContentFixtures();

/* Practices */

const createPractice = () => ({ title: 'Số hóa hồ sơ một cửa cấp xã' });
const updateDraft = () => ({ id: practiceId('authorDraft') });

const PRACTICE_CASES: Case[] = [
  ...textRows('createPractice', 'refuses a new practice', 'author', createPractice, 'title', { min: 5, max: TITLE_MAX }),
  row('createPractice', 'refuses a new practice when the title is on a second line', 'author', () => ({ title: 'Số hóa hồ sơ\nmột cửa' }), invalid('title', 'INVALID')),
  ...textRows('createPractice', 'refuses a new practice', 'author', createPractice, 'summary', { min: 0, max: SUMMARY_MAX }),
  ...['problem', 'solution', 'results', 'lessons'].flatMap((field) => textRows('createPractice', 'refuses a new practice', 'author', createPractice, field, { min: 0, max: MARKDOWN_MAX })),
  row('createPractice', 'refuses a new practice when the organisation is unknown', 'author', () => ({ ...createPractice(), organization: 'so-khong-co' }), invalid('organization', 'UNKNOWN')),
  row(
    'createPractice',
    'refuses a new practice when the organisation is an operator written as text',
    'author',
    () => ({ ...createPractice(), organization: '{"$ne":null}' }),
    invalid('organization', 'INVALID'),
  ),
  row('createPractice', 'refuses a new practice when the organisation is an operator object', 'author', () => ({ ...createPractice(), organization: OPERATOR }), badInput()),
  row('createPractice', 'refuses a new practice when the place is a former province', 'author', () => ({ ...createPractice(), place: 'quang-nam' }), invalid('place', 'UNKNOWN')),
  row('createPractice', 'refuses a new practice when a topic is unknown', 'author', () => ({ ...createPractice(), topics: ['du-lieu-so', 'khong-co'] }), invalid('topics.1', 'UNKNOWN')),
  row('createPractice', 'refuses a new practice when a topic is an operator object', 'author', () => ({ ...createPractice(), topics: [OPERATOR] }), badInput()),
  row('createPractice', 'refuses a new practice when a co-author is unknown', 'author', () => ({ ...createPractice(), coAuthors: ['khong.ai'] }), invalid('coAuthors.0', 'UNKNOWN')),
  row('createPractice', 'refuses a new practice when the year is before 2000', 'author', () => ({ ...createPractice(), year: 1999 }), invalid('year', 'INVALID')),
  row(
    'createPractice',
    'refuses a new practice when a link is a javascript: URL',
    'author',
    () => ({ ...createPractice(), links: [{ label: 'Xem', url: 'javascript:alert(1)' }] }),
    invalid('links.0.url', 'INVALID'),
  ),
  row('createPractice', 'refuses a new practice when the stage is not a stage', 'author', () => ({ ...createPractice(), stage: 'DONE' }), badInput()),
  row('createPractice', 'refuses a new practice when signed out', 'anonymous', createPractice, notAuthorized),

  ...textRows('updatePractice', 'refuses changes', 'author', updateDraft, 'title', { min: 5, max: TITLE_MAX }),
  ...textRows('updatePractice', 'refuses changes', 'author', updateDraft, 'summary', { min: 0, max: SUMMARY_MAX }),
  ...textRows('updatePractice', 'refuses changes', 'author', updateDraft, 'solution', { min: 0, max: MARKDOWN_MAX }),
  row('updatePractice', 'refuses changes when the practice is someone else’s published one', 'author', () => ({ id: practiceId('otherPublished'), title: 'Tiêu đề của tôi' }), notAuthorized),
  row('updatePractice', 'refuses changes when the practice is someone else’s draft', 'author', () => ({ id: practiceId('otherDraft'), title: 'Tiêu đề của tôi' }), notFound),
  row('updatePractice', 'refuses changes when baseUpdatedAt is stale', 'author', () => ({ ...updateDraft(), title: 'Tiêu đề mới hơn', baseUpdatedAt: '2024-01-01T00:00:00Z' }), conflict),
  row('updatePractice', 'refuses changes when baseUpdatedAt is not an instant', 'author', () => ({ ...updateDraft(), title: 'Tiêu đề mới hơn', baseUpdatedAt: 'hôm qua' }), badInput()),
  row('updatePractice', 'refuses changes when the id exists nowhere', 'author', () => ({ id: globalId('Practice', NOWHERE), title: 'Tiêu đề mới hơn' }), notFound),
  row('updatePractice', 'refuses changes when the id is a thread’s', 'author', () => ({ id: threadId('discussion'), title: 'Tiêu đề mới hơn' }), badInput()),
  row('updatePractice', 'refuses changes when the id is an operator object', 'author', () => ({ id: OPERATOR, title: 'Tiêu đề mới hơn' }), badInput()),
  row('updatePractice', 'refuses changes when the id’s key is an operator', 'author', () => ({ id: globalId('Practice', '{"$ne":null}'), title: 'Tiêu đề mới hơn' }), invalid('id', 'INVALID')),
  row('updatePractice', 'refuses changes when a topic is an operator written as text', 'author', () => ({ ...updateDraft(), topics: ['{"$ne":null}'] }), invalid('topics.0', 'INVALID')),

  row('submitPractice', 'refuses to submit when the draft does not tell the whole case', 'author', () => ({ id: practiceId('authorDraft') }), {
    invalid: {
      summary: 'REQUIRED',
      problem: 'REQUIRED',
      solution: 'REQUIRED',
      results: 'REQUIRED',
      stage: 'REQUIRED',
      year: 'REQUIRED',
      organization: 'REQUIRED',
      place: 'REQUIRED',
      topics: 'REQUIRED',
    },
  }),
  row('submitPractice', 'refuses to submit when the practice is already submitted', 'author', () => ({ id: practiceId('authorSubmitted') }), conflict),
  row('submitPractice', 'refuses to submit when the practice is published', 'author', () => ({ id: practiceId('authorPublished') }), conflict),
  row('submitPractice', 'refuses to submit when the practice is someone else’s', 'author', () => ({ id: practiceId('otherPublished') }), notAuthorized),
  row('submitPractice', 'refuses to submit when the practice is someone else’s draft', 'author', () => ({ id: practiceId('otherDraft') }), notFound),
  row('submitPractice', 'refuses to submit when the id exists nowhere', 'author', () => ({ id: globalId('Practice', NOWHERE) }), notFound),
  row('submitPractice', 'refuses to submit when the id is an expert’s', 'author', () => ({ id: globalId('Expert', people.author.id) }), badInput()),
];

const REVIEW_CASES: Case[] = [
  row('publishPractice', 'refuses to publish when the viewer is not a curator', 'other', () => ({ id: practiceId('authorSubmitted') }), notAuthorized),
  row('publishPractice', 'refuses to publish when the author publishes their own', 'author', () => ({ id: practiceId('authorSubmitted') }), notAuthorized),
  row('publishPractice', 'refuses to publish when the curator is its author', 'curator', () => ({ id: practiceId('curatorSubmitted') }), notAuthorized),
  row('publishPractice', 'refuses to publish when the practice is a draft', 'curator', () => ({ id: practiceId('otherDraft') }), notFound),
  row('publishPractice', 'refuses to publish when the practice is already published', 'curator', () => ({ id: practiceId('otherPublished') }), conflict),
  row('publishPractice', 'refuses to publish when the id exists nowhere', 'curator', () => ({ id: globalId('Practice', NOWHERE) }), notFound),
  row('publishPractice', 'refuses to publish when the id is a thread’s', 'curator', () => ({ id: threadId('question') }), badInput()),
  row('publishPractice', 'refuses to publish when signed out', 'anonymous', () => ({ id: practiceId('authorSubmitted') }), notAuthorized),
  row('returnPractice', 'refuses to return when the viewer is not a curator', 'other', () => ({ id: practiceId('authorSubmitted'), reason: 'Cần thêm số liệu kết quả.' }), notAuthorized),
  row('returnPractice', 'refuses to return when the curator is its author', 'curator', () => ({ id: practiceId('curatorSubmitted'), reason: 'Cần thêm số liệu kết quả.' }), notAuthorized),
  row('returnPractice', 'refuses to return when the practice is already published', 'curator', () => ({ id: practiceId('otherPublished'), reason: 'Cần thêm số liệu kết quả.' }), conflict),
  ...textRows('returnPractice', 'refuses to return', 'curator', () => ({ id: practiceId('authorSubmitted') }), 'reason', { min: 3, max: 2000 }),
];

const ENDORSEMENT_CASES: Case[] = [
  row('endorsePractice', 'refuses an endorsement when the practice is the viewer’s own', 'author', () => ({ id: practiceId('authorPublished') }), notAuthorized),
  row('endorsePractice', 'refuses an endorsement when the practice is the viewer’s own draft', 'author', () => ({ id: practiceId('authorDraft') }), conflict),
  row('endorsePractice', 'refuses an endorsement when the practice is someone else’s draft', 'reader', () => ({ id: practiceId('otherDraft') }), notFound),
  row('endorsePractice', 'refuses an endorsement when the practice is submitted, not published', 'curator', () => ({ id: practiceId('authorSubmitted') }), conflict),
  row('endorsePractice', 'refuses an endorsement when the id exists nowhere', 'reader', () => ({ id: globalId('Practice', NOWHERE) }), notFound),
  row('endorsePractice', 'refuses an endorsement when the id is a thread’s', 'reader', () => ({ id: threadId('discussion') }), badInput()),
  row('endorsePractice', 'refuses an endorsement when the id is an operator object', 'reader', () => ({ id: OPERATOR }), badInput()),
  row('endorsePractice', 'refuses an endorsement when signed out', 'anonymous', () => ({ id: practiceId('otherPublished') }), notAuthorized),
  row('withdrawEndorsement', 'refuses a withdrawal when the practice is someone else’s draft', 'reader', () => ({ id: practiceId('otherDraft') }), notFound),
  row('withdrawEndorsement', 'refuses a withdrawal when the id exists nowhere', 'reader', () => ({ id: globalId('Practice', NOWHERE) }), notFound),
  row('withdrawEndorsement', 'refuses a withdrawal when the id is an expert’s', 'reader', () => ({ id: globalId('Expert', people.other.id) }), badInput()),
];

describeRows([
  ['Practice', PRACTICE_CASES],
  ['PracticeReview', REVIEW_CASES],
  ['Endorsement', ENDORSEMENT_CASES],
]);

describe('Endorsement', () => {
  it('keeps its updatedAt when a reader endorses it or withdraws nothing, so its authors’ next save does not conflict', async () => {
    const UPDATE = `mutation ($input: UpdatePracticeInput!) { updatePractice(input: $input) { __typename ... on Error { code } } }`;
    const ENDORSE = `mutation ($input: EndorsePracticeInput!) { endorsePractice(input: $input) { __typename } }`;
    const WITHDRAW = `mutation ($input: WithdrawEndorsementInput!) { withdrawEndorsement(input: $input) { __typename } }`;
    const opened = (await Practice.findById(f.authorPublished).lean())!.updatedAt;
    expect((await graphql(ENDORSE, { input: { id: practiceId('authorPublished') } }, { cookie: people.reader.cookie })).data.endorsePractice.__typename).toBe('EndorsePracticePayload');
    const saved = await graphql(
      UPDATE,
      { input: { id: practiceId('authorPublished'), lessons: 'Bài học bổ sung sau một năm vận hành.', baseUpdatedAt: opened.toISOString() } },
      { cookie: people.author.cookie },
    );
    expect(saved.data.updatePractice).toEqual({ __typename: 'UpdatePracticePayload' });
    const before = await snapshot();
    expect((await graphql(WITHDRAW, { input: { id: practiceId('authorPublished') } }, { cookie: people.other.cookie })).data.withdrawEndorsement.__typename).toBe('WithdrawEndorsementPayload');
    expect(changes(before, await snapshot()), 'withdrawing no endorsement changed the database').toEqual([]);
  });
});
