import mongoose from 'mongoose';
import { getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isUnionType, type GraphQLInputType, type GraphQLInputObjectType } from 'graphql';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Expert } from '../../schema/expert/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { schema } from '../../schema/index.ts';
import { Session } from '../../schema/session/model.ts';
import { createSession } from '../../schema/session/service.ts';
import { DAY, PASSWORD, PNG, globalId, personWithAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

/*
 * "Suspended people are refused on every write path": every mutation in the schema, found by
 * walking it (a new one is covered the day it is added), is called with the credentials a
 * suspended admin still holds, and each must answer a typed error and leave the database as it
 * was. Some mutations are open to signed-out visitors and say nothing about who calls them
 * (signOut, recordView, and those that act on an email address or a link's token: signUp,
 * requestPasswordReset, resetPassword, verifyEmail, unsubscribeFromDigest): a suspended person is a signed-out visitor
 * there, as the checks below show (signing up again with their address answers as any sign-up,
 * and no reset link is made for a suspended account).
 */

useTestDatabase();
const OPEN_TO_VISITORS = new Set(['signOut', 'recordView', 'signUp', 'requestPasswordReset', 'resetPassword', 'verifyEmail', 'unsubscribeFromDigest']);
const ANY_ID = '0123456789abcdef01234567';

let suspended: Awaited<ReturnType<typeof personWithAccount>>;
let cookie = '';
beforeAll(async () => {
  await createReferenceData();
  suspended = await personWithAccount('bi.dinh.chi', 'Người Bị Đình Chỉ', { role: 'admin', verified: true });
  const moderator = await personWithAccount('dieu.hanh', 'Người Điều Hành', { role: 'admin' });
  const before = await sessionCookieFor(suspended.id);
  // Suspended through the API, as a moderator would: the session made before it ends.
  const answer = await graphql(
    `mutation ($input: SuspendExpertInput!) { suspendExpert(input: $input) { __typename } }`,
    { input: { expertId: suspended.gid, until: new Date(Date.now() + 30 * DAY).toISOString(), reason: 'Đăng quảng cáo nhiều lần' } },
    { cookie: await sessionCookieFor(moderator.id) },
  );
  expect(answer.data.suspendExpert.__typename).toBe('SuspendExpertPayload');
  expect((await graphql(`{ viewer { handle } }`, {}, { cookie: before })).data.viewer).toBeNull();
  // A session that outlived the suspension (made in the same instant, or restored from a backup):
  // each request must still refuse it.
  const { token } = await createSession(suspended.id, 'vitest');
  cookie = `session=${token}`;
});
beforeEach(() => resetRateLimits());

/** Everything stored, as canonical Extended JSON. Sessions aside: the first refused request ends the surviving one, by design. */
async function snapshot() {
  const db = mongoose.connection.db!;
  const names = (await db.listCollections().toArray()).map((c) => c.name).filter((name) => name !== Session.collection.collectionName && !name.startsWith('system.'));
  const entries = await Promise.all(names.sort().map(async (name) => [name, await db.collection(name).find().sort({ _id: 1 }).toArray()] as const));
  return mongoose.mongo.BSON.EJSON.serialize(Object.fromEntries(entries), { relaxed: false });
}

const TYPENAMES = ['Practice', 'Thread', 'Collection', 'Replication', 'Expert', 'Task', 'Proposal', 'HelpdeskRequest', 'HelpdeskFaqEntry'];
/** Id fields whose name does not say their type; and the FAQ's mutations, named without the type's prefix. */
const TYPE_OF_FIELD: Record<string, string> = { duplicateOf: 'Practice', requestId: 'HelpdeskRequest', assigneeId: 'Expert' };
const typeInMutation = (mutation: string) => TYPENAMES.find((name) => mutation.includes(name) || mutation.includes(name.replace(/^Helpdesk/, '')));

/** A well-typed value for an input type: what a client could send, so that only the rules can refuse it. */
function valueFor(type: GraphQLInputType, field: string, mutation: string): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, field, mutation);
  if (isListType(type)) return [valueFor(type.ofType, field.replace(/s$/, ''), mutation)];
  if (isInputObjectType(type)) return inputFor(type, mutation);
  if (isEnumType(type)) return type.getValues()[0]!.name;
  switch (getNamedType(type).name) {
    case 'Boolean':
      return true;
    case 'Int':
    case 'Float':
      return 2025;
    case 'DateTime':
      return new Date(Date.now() + 7 * DAY).toISOString();
    case 'ID': {
      // A global id names its type: by the field (threadId → Thread), or for `id` by the mutation (bookmarkThread).
      const named =
        field === 'id' ? typeInMutation(mutation) : (TYPE_OF_FIELD[field] ?? TYPENAMES.find((name) => field === `${name[0]!.toLowerCase()}${name.slice(1)}Id` || field.endsWith(`${name}Id`)));
      return named ? globalId(named, ANY_ID) : field === 'id' ? globalId('Practice', ANY_ID) : ANY_ID;
    }
    default:
      if (field === 'email') return suspended.email;
      if (field === 'password' || field === 'currentPassword') return PASSWORD;
      if (field === 'image') return PNG;
      return 'Nội dung đủ dài để qua mọi giới hạn tối thiểu của biểu mẫu';
  }
}

function inputFor(type: GraphQLInputObjectType, mutation: string): Record<string, unknown> {
  return Object.fromEntries(
    Object.values(type.getFields())
      .filter((field) => isNonNullType(field.type) || /Id$/.test(field.name))
      .map((field) => [field.name, valueFor(field.type, field.name, mutation)]),
  );
}

const mutations = Object.values(schema.getMutationType()!.getFields());

describe('A suspended person', () => {
  it('meets a schema whose every mutation can answer a typed error', () => {
    expect(mutations.length).toBeGreaterThan(40);
    for (const field of mutations) expect([field.name, isUnionType(getNamedType(field.type))]).toEqual([field.name, true]);
  });

  it.each(mutations.map((field) => [field.name, field] as const))('is refused %s with a typed error, and nothing changes', async (name, field) => {
    const input = field.args.find((arg) => arg.name === 'input');
    const variables = input ? { input: valueFor(input.type, 'input', name) } : {};
    const query = input ? `mutation ($input: ${String(input.type)}) { ${name}(input: $input) { __typename ... on Error { code } } }` : `mutation { ${name} { __typename ... on Error { code } } }`;
    const before = await snapshot();
    const answer = await graphql(query, variables, { cookie });
    expect(answer.errors).toBeUndefined();
    const result = answer.data[name];
    if (OPEN_TO_VISITORS.has(name)) {
      // As a signed-out visitor: no trace of the person is written.
      expect(JSON.stringify(await snapshot()).split(suspended.id).length).toBe(JSON.stringify(before).split(suspended.id).length);
      return;
    }
    // Refused as signed out before any rule of the mutation is read; signing in says why and until when.
    const expected = name === 'signIn' ? 'SUSPENDED' : 'NOT_AUTHORIZED';
    expect(result.code, `${name} answered ${result.__typename}`).toBe(expected);
    expect(await snapshot()).toEqual(before);
  });

  it('is still suspended, and holds no session, after all that', async () => {
    expect((await Expert.findById(suspended.id).lean())!.suspendedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(await Session.countDocuments({ expert: suspended.id })).toBe(0);
  });
});
