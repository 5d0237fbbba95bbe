// The authorization matrix's columns and personas: who each column is, made fresh for every cell, and
// the whole writable database to compare before and after. The rows are in
// test/api/authorization-{fields,mutations}.test.ts.
import mongoose from 'mongoose';
import { afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { Account } from '../../schema/account/model.ts';
import { AuditEntry } from '../../schema/audit/model.ts';
import { Collection } from '../../schema/collection/model.ts';
import { ProgrammeFramework, ProgrammeReporter } from '../../schema/programme/model.ts';
import { EnterpriseProfile } from '../../schema/enterprise/model.ts';
import { Avatar } from '../../schema/avatar/model.ts';
import { Expert } from '../../schema/expert/model.ts';
import { Thread } from '../../schema/discussion/model.ts';
import { Flag, FlaggedItem } from '../../schema/flag/model.ts';
import { FaqEntry, HelpdeskRequest, HelpdeskSettings } from '../../schema/helpdesk/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Replication } from '../../schema/replication/model.ts';
import { Session } from '../../schema/session/model.ts';
import { createSession } from '../../schema/session/service.ts';
import { VerificationRequest } from '../../schema/verification/model.ts';
import { type Traits, personWithAccount } from './accounts.ts';
import { useTestDatabase } from './database.ts';
import { createReferenceData } from './factories.ts';
import { graphql } from './graphql.ts';
import { Proposal, Task, TaskNote } from '../../schema/task/model.ts';

export { DAY, globalId, NEW_PASSWORD, PASSWORD, PNG } from './accounts.ts';

/*
 * Who may read which private field and call which mutation. Columns are personas, each made
 * fresh for every cell:
 *   anonymous  no cookie
 *   member     signed up, not verified, role MEMBER
 *   expert     a member with verifiedAt set (the badge); role MEMBER
 *   curator    role CURATOR, not verified (staff roles and the badge are independent)
 *   moderator  role MODERATOR, not verified
 *   admin      role ADMIN, not verified
 *   suspended  an ADMIN, verified, suspended until next month: the strongest rights, all void.
 *              Their cookie makes them anonymous (the first request also ends that session).
 *
 * A refused mutation answers its typed NotAuthorizedError (code NOT_AUTHORIZED); a refused field
 * is null with a NOT_AUTHORIZED error at its path. Either way the database is left exactly as it
 * was. An allowed cell answers the success type and must have had its effect.
 * Other typed answers named in a cell: ConflictError (an expert cannot ask to be verified again),
 * SuspendedError (a suspended person signing in).
 */

export const ok = 'allowed';
export const no = 'refused';
export const na = '—';
export type Outcome = typeof ok | typeof no | typeof na | 'ConflictError' | 'SuspendedError';

export const COLUMNS = ['anonymous', 'member', 'expert', 'curator', 'moderator', 'admin', 'suspended'] as const;
export type Column = (typeof COLUMNS)[number];

export type Row<Name extends string> = readonly [Name, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];

/* Personas */

export interface Person {
  id: string;
  /** The Relay global ID of the Expert. */
  gid: string;
  handle: string;
  email: string;
}

export interface Actor {
  column: Column;
  /** Null for the anonymous column. */
  person: Person | null;
  cookie?: string;
  /** Whether the cookie should make the request signed in (false for suspended people). */
  live: boolean;
}

let serial = 0;
/** A number no earlier call in this file returned, for unique handles and emails. */
export const nextSerial = () => ++serial;

/** A person with an account (password PASSWORD) and the given traits; no session. */
export async function person(label: string, traits: Traits = {}): Promise<Person> {
  serial++;
  return personWithAccount(`${label}.${serial}`, `Người Thử ${serial}`, traits);
}

const TRAITS: Record<Exclude<Column, 'anonymous'>, Parameters<typeof person>[1]> = {
  member: {},
  expert: { verified: true },
  curator: { role: 'curator' },
  moderator: { role: 'moderator' },
  admin: { role: 'admin' },
  suspended: { role: 'admin', verified: true, suspended: true },
};

export async function actorFor(column: Column): Promise<Actor> {
  if (column === 'anonymous') return { column, person: null, live: false };
  const who = await person(column, TRAITS[column]);
  const { token } = await createSession(who.id, 'vitest');
  return { column, person: who, cookie: `session=${token}`, live: column !== 'suspended' };
}

/**
 * Checks the persona's cookie does what the column says, so that no refusal below passes merely
 * because a cookie was broken. For a suspended person this first request also ends the session,
 * which is why it runs before the database snapshot.
 */
export async function confirmIdentity(actor: Actor) {
  const response = await graphql(`{ viewer { handle } }`, {}, { cookie: actor.cookie });
  expect(response.errors).toBeUndefined();
  expect(response.data.viewer).toEqual(actor.live ? { handle: actor.person!.handle } : null);
}

/* The database, whole: every collection a request could write. */

export const WRITABLE = [
  Expert,
  Account,
  Session,
  VerificationRequest,
  AuditEntry,
  Avatar,
  Collection,
  Replication,
  Thread,
  FlaggedItem,
  Flag,
  EnterpriseProfile,
  ProgrammeFramework,
  ProgrammeReporter,
  Proposal,
  Task,
  TaskNote,
  HelpdeskRequest,
  FaqEntry,
  HelpdeskSettings,
].map((model) => model.collection.collectionName);

/** Every document of every writable collection, as canonical Extended JSON (ObjectIds, dates and bytes compare exactly). */
export async function snapshot() {
  const db = mongoose.connection.db!;
  const entries = await Promise.all(
    // Sorted by _id: a stable order, and a scan MongoDB serves from the _id index.
    WRITABLE.map(async (name) => [name, await db.collection(name).find().sort({ _id: 1 }).toArray()] as const),
  );
  return mongoose.mongo.BSON.EJSON.serialize(Object.fromEntries(entries), { relaxed: false });
}

export type Snapshot = Awaited<ReturnType<typeof snapshot>>;

/**
 * This file's database with the reference data; every cell starts from it alone, so no cell sees
 * another's people (the writable collections are emptied after each), with fresh rate limits.
 */
export function useAuthorizationWorld() {
  useTestDatabase();
  beforeAll(async () => {
    await createReferenceData();
  });
  beforeEach(() => resetRateLimits());
  afterEach(async () => {
    await Promise.all(WRITABLE.map((name) => mongoose.connection.db!.collection(name).deleteMany({})));
  });
}

/** A matrix row's cells, by column, leaving out those that do not apply. */
export const cellsOf = (cells: readonly Outcome[]) => COLUMNS.map((column, i) => [column, cells[i]!] as const).filter(([, outcome]) => outcome !== na);
