import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Account } from '../../schema/account/model.ts';
import { Expert } from '../../schema/expert/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createReferenceData } from '../helpers/factories.ts';
import { graphql } from '../helpers/graphql.ts';

/*
 * Inputs generated from the services' zod schemas (schema/input.ts) reach the services through
 * plainInput: an optional field a client sends as null means "not sent", on every form alike.
 */

useTestDatabase();

beforeAll(() => createReferenceData());
beforeEach(() => resetRateLimits());

const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) {
  __typename ... on SignUpPayload { email }
  ... on ValidationError { fieldErrors { path code } } } }`;

describe('Sign-up sent by a client that writes null for what the person left empty', () => {
  it('creates the account with no specialties, as the profile form already treats a null', async () => {
    const response = await graphql(SIGN_UP, {
      input: { name: 'Lê Minh Châu', email: 'chau.lm@example.vn', password: 'mat-khau-rat-dai', organization: null, place: null, specialties: null },
    });
    expect(response.data.signUp).toEqual({ __typename: 'SignUpPayload', email: 'chau.lm@example.vn' });
    const account = await Account.findOne({ emailKey: 'chau.lm@example.vn' }).lean();
    expect(await Expert.findById(account!._id).lean()).toMatchObject({ organization: null, place: null, specialties: [] });
  });
});
