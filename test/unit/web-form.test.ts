import { afterEach, describe, expect, it, vi } from 'vitest';
import { graphql } from '../../web/src/graphql.ts';
import { t } from '../../web/src/i18n/i18n.ts';
import { attempt, errorFor, fieldErrorText, formErrorText, lengthProblems, mutate, settle } from '../../web/src/lib/form.ts';
import { MutationErrorFields } from '../../web/src/lib/fragments.ts';
import { GraphQLRequestError } from '../../web/src/lib/graphql-client.ts';
import { ACCOUNT_LIMITS } from '../../schema/field-limits.ts';

/*
 * How a write's result reaches a form (web/src/lib/form.ts): the API answers a mutation with its
 * payload or one of its typed errors; the form shows each field error beside its field and a
 * message for the whole form above the button. The request is the real one, over a stub of fetch.
 */

// The router's Node build refuses its browser API at import: the mapping needs none of it.
vi.mock('@solidjs/router', () => ({
  json: (value: unknown) => value,
  useSubmission: () => undefined,
  useSubmissions: () => [],
}));

const UpdateProfileMutation = graphql(
  `
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      __typename
      ... on UpdateProfilePayload { expert { id } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

/** Answers the next request with this body and status, as the API would. */
function answer(body: unknown, status = 200, headers: Record<string, string> = {}) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const update = () => mutate(UpdateProfileMutation, { input: { name: 'An' } }, 'updateProfile', 'UpdateProfilePayload');

describe('a mutation’s result as a form sees it', () => {
  it('is the payload when the API answers with it', async () => {
    answer({ data: { updateProfile: { __typename: 'UpdateProfilePayload', expert: { id: 'e1' } } } });
    expect(await update()).toEqual({ ok: true, data: { __typename: 'UpdateProfilePayload', expert: { id: 'e1' } } });
  });

  it('turns a validation error into field errors by path (the first code of a path kept) and a form problem', async () => {
    answer({
      data: {
        updateProfile: {
          __typename: 'ValidationError',
          code: 'VALIDATION_FAILED',
          message: 'invalid',
          fieldErrors: [
            { path: 'name', code: 'TOO_SHORT' },
            { path: 'links.1.url', code: 'INVALID' },
            { path: 'name', code: 'CONTROL_CHARACTER' },
          ],
        },
      },
    });
    expect(await update()).toEqual({ ok: false, problem: { fields: { name: 'TOO_SHORT', 'links.1.url': 'INVALID' }, form: { code: 'VALIDATION_FAILED' } } });
  });

  it('keeps what a typed error tells the person: the wait of a rate limit, the end of a suspension', async () => {
    answer({ data: { updateProfile: { __typename: 'RateLimitedError', code: 'RATE_LIMITED', message: 'slow down', retryAfterSeconds: 42 } } });
    expect(await update()).toEqual({ ok: false, problem: { fields: {}, form: { code: 'RATE_LIMITED', retryAfterSeconds: 42 } } });
    expect(settle({ __typename: 'SuspendedError', code: 'SUSPENDED', reason: 'spam', until: '2026-03-01T00:00:00.000Z' }, 'UpdateProfilePayload')).toEqual({
      ok: false,
      problem: { fields: {}, form: { code: 'SUSPENDED', reason: 'spam', until: '2026-03-01T00:00:00.000Z' } },
    });
  });

  it('reads an error without a code as UNKNOWN rather than success', () => {
    expect(settle({ __typename: 'SomethingNew' }, 'UpdateProfilePayload')).toEqual({ ok: false, problem: { fields: {}, form: { code: 'UNKNOWN' } } });
  });

  it('says an outage is one (nothing was changed, try again), with the wait the server asked for', async () => {
    answer({ errors: [{ message: 'busy', extensions: { code: 'UNAVAILABLE' } }] }, 503, { 'retry-after': '30' });
    expect(await update()).toEqual({ ok: false, problem: { fields: {}, form: { code: 'UNAVAILABLE', retryAfterSeconds: 30 } } });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    expect(await update()).toEqual({ ok: false, problem: { fields: {}, form: { code: 'NETWORK_ERROR' } } });
  });

  it('does not let another failure pass for an outage or for success', async () => {
    answer({ errors: [{ message: 'bad', extensions: { code: 'BAD_USER_INPUT', argument: 'input' } }] });
    expect(await update()).toEqual({ ok: false, problem: { fields: {}, form: { code: 'UNKNOWN' } } });
    expect(
      await attempt(async () => {
        throw new GraphQLRequestError('not found', 'NOT_FOUND');
      }),
    ).toEqual({ ok: false, problem: { fields: {}, form: { code: 'UNKNOWN' } } });
  });
});

describe('the messages a form shows', () => {
  it('words a field error by the last named part of its path, with the limit the API enforces', () => {
    expect(fieldErrorText('links.1.url', 'INVALID')).toBe(t('fieldError.urlInvalid'));
    expect(fieldErrorText('email', 'TAKEN')).toBe(t('fieldError.emailTaken'));
    expect(fieldErrorText('name', 'TOO_LONG')).toBe(t('fieldError.TOO_LONG', ACCOUNT_LIMITS.name));
    expect(fieldErrorText('specialties', 'TOO_LONG')).toBe(t('fieldError.tooManySpecialties'));
    // A field without a known limit still gets a sentence, not a number that could be wrong.
    expect(fieldErrorText('summary', 'TOO_SHORT')).toBe(t('fieldError.tooShort'));
  });

  it('says something sensible for a code it does not know', () => {
    expect(fieldErrorText('name', 'SOMETHING_NEW')).toBe(t('fieldError.INVALID'));
    expect(formErrorText({ code: 'SOMETHING_NEW' })).toBe(t('formError.UNKNOWN'));
  });

  it('puts the rate limit’s wait in the summary, a minute when the server named none', () => {
    expect(formErrorText({ code: 'RATE_LIMITED', retryAfterSeconds: 42 })).toBe(t('formError.RATE_LIMITED', 42));
    expect(formErrorText({ code: 'RATE_LIMITED' })).toBe(t('formError.RATE_LIMITED', 60));
    expect(formErrorText({ code: 'CONFLICT' })).toBe(t('formError.CONFLICT'));
  });

  it('gives each field its own message and none to a field the problem does not name', () => {
    const problem = { fields: { 'links.0.url': 'INVALID' }, form: { code: 'VALIDATION_FAILED' } };
    expect(errorFor(problem, 'links.0.url')).toBe(t('fieldError.urlInvalid'));
    expect(errorFor(problem, 'links.0.label')).toBeUndefined();
    expect(errorFor(undefined, 'name')).toBeUndefined();
  });
});

describe('a form’s own lengths', () => {
  const lengths = { title: [5, 200], note: [0, 10], reason: [1, 1000] } as const;

  it('are checked before asking: an empty field with a minimum is required, others too short or too long, in the API’s codes', () => {
    expect(lengthProblems({ title: '', note: '', reason: 'x' }, lengths)).toEqual({ title: 'REQUIRED' });
    expect(lengthProblems({ title: 'Ngắn', note: 'x'.repeat(11), reason: '' }, lengths)).toEqual({ title: 'TOO_SHORT', note: 'TOO_LONG', reason: 'REQUIRED' });
    // A form that names what it requires: an empty field with a minimum may stay empty.
    expect(lengthProblems({ title: 'Năm chữ', reason: '' }, lengths, ['title'])).toEqual({});
  });

  it('are the ones its messages say, over the shared table’s', () => {
    expect(fieldErrorText('title', 'TOO_SHORT', lengths)).toBe(t('fieldError.TOO_SHORT', 5));
    expect(fieldErrorText('links.0.note', 'TOO_LONG', lengths)).toBe(t('fieldError.TOO_LONG', 10));
    expect(fieldErrorText('position', 'TOO_LONG', lengths)).toBe(fieldErrorText('position', 'TOO_LONG'));
  });
});
