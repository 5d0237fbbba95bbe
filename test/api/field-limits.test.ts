import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MARKDOWN_MAX, PRACTICE_LIMITS, PRACTICE_REQUIRED_TO_SUBMIT, PROFILE_LIMITS, SEARCH_LIMITS, THREAD_LIMITS, VERIFICATION_LIMITS } from '../../schema/field-limits.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

/*
 * The web forms say the limits of schema/field-limits.ts; these tests hold the API to the same
 * numbers: a value at each shared limit is taken, and one character (or item) more gets the typed
 * error naming the field.
 */

useTestDatabase();
let cookie = '';
beforeAll(async () => {
  await createReferenceData();
  cookie = await sessionCookieFor(String((await createExpert({ handle: 'limits1' }))._id));
});
beforeEach(() => resetRateLimits());

const RESULT = `__typename ... on Error { code } ... on ValidationError { fieldErrors { path code } }`;
const send = async (mutation: string, inputType: string, payload: string, input: Record<string, unknown>) =>
  (await graphql(`mutation ($input: ${inputType}!) { ${mutation}(input: $input) { ${RESULT} ... on ${payload} { __typename } } }`, { input }, { cookie })).data[mutation];

const createPractice = (input: Record<string, unknown>) => send('createPractice', 'CreatePracticeInput', 'CreatePracticePayload', { title: 'Kết nối dữ liệu các sở', ...input });
const createThread = (input: Record<string, unknown>) => send('createThread', 'CreateThreadInput', 'CreateThreadPayload', { kind: 'DISCUSSION', title: 'Chia sẻ dữ liệu giữa các sở', ...input });
const updateProfile = (input: Record<string, unknown>) => send('updateProfile', 'UpdateProfileInput', 'UpdateProfilePayload', input);

const refused = (path: string, code = 'TOO_LONG') => ({ __typename: 'ValidationError', code: 'VALIDATION_FAILED', fieldErrors: [{ path, code }] });
const slugs = (n: number) => Array.from({ length: n }, (_, i) => `topic-${i}`);
const links = (n: number, label = 'Trang') => Array.from({ length: n }, (_, i) => ({ label, url: `https://example.gov.vn/${i}` }));

describe('The API refuses one over each shared limit, and takes the limit itself', () => {
  it('a practice: title, summary, markdown sections, topics, links and their labels, co-authors', async () => {
    const title = (n: number) => 'Đ'.repeat(n);
    expect(await createPractice({ title: title(PRACTICE_LIMITS.title + 1) })).toEqual(refused('title'));
    expect(await createPractice({ title: title(PRACTICE_LIMITS.titleMin - 1) })).toEqual(refused('title', 'TOO_SHORT'));
    expect(await createPractice({ summary: 's'.repeat(PRACTICE_LIMITS.summary + 1) })).toEqual(refused('summary'));
    expect(await createPractice({ lessons: 'm'.repeat(PRACTICE_LIMITS.markdown + 1) })).toEqual(refused('lessons'));
    expect(await createPractice({ topics: slugs(PRACTICE_LIMITS.topics + 1) })).toEqual(refused('topics'));
    expect(await createPractice({ links: links(PRACTICE_LIMITS.links + 1) })).toEqual(refused('links'));
    expect(await createPractice({ links: links(1, 'l'.repeat(PRACTICE_LIMITS.linkLabel + 1)) })).toEqual(refused('links.0.label'));
    expect(await createPractice({ coAuthors: slugs(PRACTICE_LIMITS.coAuthors + 1) })).toEqual(refused('coAuthors'));
    // At the limits themselves: taken.
    const atLimits = await createPractice({
      title: title(PRACTICE_LIMITS.title),
      summary: 's'.repeat(PRACTICE_LIMITS.summary),
      links: links(PRACTICE_LIMITS.links, 'l'.repeat(PRACTICE_LIMITS.linkLabel)),
    });
    expect(atLimits.__typename).toBe('CreatePracticePayload');
  });

  it('a thread and a reply: title, markdown body, topics', async () => {
    expect(await createThread({ title: 't'.repeat(THREAD_LIMITS.title + 1) })).toEqual(refused('title'));
    expect(await createThread({ title: 't'.repeat(THREAD_LIMITS.titleMin - 1) })).toEqual(refused('title', 'TOO_SHORT'));
    expect(await createThread({ body: 'b'.repeat(THREAD_LIMITS.markdown + 1) })).toEqual(refused('body'));
    expect(await createThread({ topics: slugs(THREAD_LIMITS.topics + 1) })).toEqual(refused('topics'));
    // Body and topics may be left out (or sent as null): the schema's defaults apply.
    const thread = await graphql(
      `mutation ($input: CreateThreadInput!) { createThread(input: $input) { ${RESULT} ... on CreateThreadPayload { thread { id body topics { slug } } } } }`,
      { input: { kind: 'QUESTION', title: 't'.repeat(THREAD_LIMITS.title), body: null } },
      { cookie },
    );
    expect(thread.data.createThread.thread).toMatchObject({ body: '', topics: [] });
    const threadId = thread.data.createThread.thread.id;
    const reply = (body: string) => send('replyToThread', 'ReplyToThreadInput', 'ReplyToThreadPayload', { threadId, body });
    expect(await reply('r'.repeat(MARKDOWN_MAX + 1))).toEqual(refused('body'));
    expect(await reply('')).toEqual(refused('body', 'REQUIRED'));
    expect((await reply('r'.repeat(MARKDOWN_MAX))).__typename).toBe('ReplyToThreadPayload');
  });

  it('a profile: position, bio, specialties, links and their labels', async () => {
    expect(await updateProfile({ position: 'p'.repeat(PROFILE_LIMITS.position + 1) })).toEqual(refused('position'));
    expect(await updateProfile({ bio: 'b'.repeat(PROFILE_LIMITS.bio + 1) })).toEqual(refused('bio'));
    expect(await updateProfile({ specialties: slugs(PROFILE_LIMITS.specialties + 1) })).toEqual(refused('specialties'));
    expect(await updateProfile({ links: links(PROFILE_LIMITS.links + 1) })).toEqual(refused('links'));
    expect(await updateProfile({ links: links(1, 'l'.repeat(PROFILE_LIMITS.linkLabel + 1)) })).toEqual(refused('links.0.label'));
    expect((await updateProfile({ bio: 'b'.repeat(PROFILE_LIMITS.bio), links: links(PROFILE_LIMITS.links, 'l'.repeat(PROFILE_LIMITS.linkLabel)) })).__typename).toBe('UpdateProfilePayload');
  });

  it('a request to be verified: the statement', async () => {
    const request = (statement: string) => send('requestVerification', 'RequestVerificationInput', 'RequestVerificationPayload', { statement });
    expect(await request('s'.repeat(VERIFICATION_LIMITS.statement + 1))).toEqual(refused('statement'));
    expect(await request('s'.repeat(VERIFICATION_LIMITS.statementMin - 1))).toEqual(refused('statement', 'TOO_SHORT'));
  });

  it('a search box and the editor’s preview: BAD_USER_INPUT naming the argument', async () => {
    const practices = await graphql(`query ($q: String) { practices(filter: { query: $q }) { totalCount } }`, { q: 'q'.repeat(SEARCH_LIMITS.text + 1) });
    expect(practices.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.query' });
    expect((await graphql(`query ($q: String) { practices(filter: { query: $q }) { totalCount } }`, { q: 'q'.repeat(SEARCH_LIMITS.text) })).errors).toBeUndefined();
    const preview = await graphql(`query ($text: String!) { previewMarkdown(text: $text) }`, { text: 'm'.repeat(MARKDOWN_MAX + 1) }, { cookie });
    expect(preview.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text' });
  });
});

describe('What submitting a practice requires', () => {
  it('is the shared list the editor checks: a bare draft is refused naming exactly those fields', async () => {
    const draft = await graphql(`mutation { createPractice(input: { title: "Một bản nháp còn trống" }) { ... on CreatePracticePayload { practice { id } } } }`, {}, { cookie });
    const id = draft.data.createPractice.practice.id;
    const submitted = await send('submitPractice', 'SubmitPracticeInput', 'SubmitPracticePayload', { id });
    expect(submitted.code).toBe('VALIDATION_FAILED');
    expect(submitted.fieldErrors).toEqual(PRACTICE_REQUIRED_TO_SUBMIT.map((path) => ({ path, code: 'REQUIRED' })));
  });
});
