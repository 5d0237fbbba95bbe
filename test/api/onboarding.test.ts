import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetRateLimits } from '../../schema/limits.ts';
import { Onboarding } from '../../schema/onboarding/model.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

useTestDatabase();
let cookie = '';

beforeAll(async () => {
  await createReferenceData();
  cookie = await sessionCookieFor(String((await createExpert({ handle: 'nguoi-moi' }))._id));
});
beforeEach(() => resetRateLimits());

const FINISH = `mutation ($outcome: OnboardingOutcome!) { finishOnboarding(input: { outcome: $outcome }) { __typename ... on Error { code } ... on FinishOnboardingPayload { onboarding { outcome } } } }`;
const STATE = `{ onboarding { outcome } }`;

describe('Onboarding', () => {
  it('records that a new member skipped the welcome steps, and later that they completed them', async () => {
    expect((await graphql(STATE, {}, { cookie })).data.onboarding).toBeNull();
    expect((await graphql(FINISH, { outcome: 'SKIPPED' }, { cookie })).data.finishOnboarding.onboarding).toEqual({ outcome: 'SKIPPED' });
    expect((await graphql(FINISH, { outcome: 'COMPLETED' }, { cookie })).data.finishOnboarding.onboarding).toEqual({ outcome: 'COMPLETED' });
    expect((await graphql(STATE, {}, { cookie })).data.onboarding).toEqual({ outcome: 'COMPLETED' });
    expect(await Onboarding.estimatedDocumentCount()).toBe(1);
  });

  it('refuses an unknown outcome and signed-out visitors, recording nothing', async () => {
    const before = await Onboarding.estimatedDocumentCount();
    expect((await graphql(FINISH, { outcome: 'DONE' }, { cookie })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await graphql(FINISH, { outcome: 'COMPLETED' })).data.finishOnboarding.code).toBe('NOT_AUTHORIZED');
    expect((await graphql(STATE)).errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
    expect(await Onboarding.estimatedDocumentCount()).toBe(before);
  });
});
