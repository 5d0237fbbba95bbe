// People who can sign in, for the tests that act as members and staff: one password for all, hashed once a file.
import { hash } from '@node-rs/argon2';
import { Account } from '../../schema/account/model.ts';
import { Expert, type Role } from '../../schema/expert/model.ts';
import { createExpert } from './factories.ts';
import { sessionCookieFor } from './graphql.ts';

export const PASSWORD = 'mat-khau-rat-dai';
export const NEW_PASSWORD = 'mat-khau-moi-dai-hon';
export const DAY = 86_400_000;
/** A 1×1 PNG, base64. */
export const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** The Relay global ID of a node. */
export const globalId = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString('base64url');

export interface Traits {
  role?: Role;
  /** Has the verified-expert badge. */
  verified?: boolean;
  /** Suspended for the next 30 days. */
  suspended?: boolean;
}

let passwordHash: Promise<string> | undefined;

/** An expert with an account (email `<handle>@example.vn`, password PASSWORD) and these traits; no session. */
export async function personWithAccount(handle: string, name: string, traits: Traits = {}) {
  const expert = await createExpert({ handle, name });
  const id = String(expert._id);
  await Expert.updateOne(
    { _id: expert._id },
    {
      $set: {
        role: traits.role ?? 'member',
        verifiedAt: traits.verified ? new Date('2024-01-01T00:00:00Z') : null,
        suspendedUntil: traits.suspended ? new Date(Date.now() + 30 * DAY) : null,
        suspensionReason: traits.suspended ? 'Đăng quảng cáo nhiều lần' : '',
      },
    },
  );
  const email = `${handle}@example.vn`;
  passwordHash ??= hash(PASSWORD);
  await Account.create({ _id: expert._id, email, emailKey: email, passwordHash: await passwordHash, passwordChangedAt: new Date() });
  return { id, gid: globalId('Expert', id), handle, email };
}

/** Who a test signs in as: a role, or a role with the traits the new-member rule reads. */
export type SessionPerson = Role | { role?: Role; verified?: boolean; joinedDaysAgo?: number };

/**
 * Experts each with a session, by handle: their ids and Cookie headers (given `ids` and `cookies`
 * are filled, so that a file can add more people later).
 */
export async function signInPeople(people: Record<string, SessionPerson>, cookies: Record<string, string>, ids: Record<string, string> = {}): Promise<void> {
  for (const [handle, person] of Object.entries(people)) {
    const traits = typeof person === 'string' ? { role: person } : person;
    const expert = await createExpert({ handle });
    const joinedAt = traits.joinedDaysAgo === undefined ? expert.joinedAt : new Date(Date.now() - traits.joinedDaysAgo * DAY);
    await Expert.updateOne({ _id: expert._id }, { $set: { role: traits.role ?? 'member', verifiedAt: traits.verified ? new Date() : null, joinedAt } });
    ids[handle] = String(expert._id);
    cookies[handle] = await sessionCookieFor(String(expert._id));
  }
}
