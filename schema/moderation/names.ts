import type { Types } from 'mongoose';
import unhomoglyph from 'unhomoglyph';
import type { PageArgs } from '../connection.ts';
import { listAuditEntriesOf, record } from '../audit/service.ts';
import { staffNamesExcept } from '../expert/service.ts';
import { STAFF_ROLES, type Role } from '../roles.ts';

/*
 * A member whose new name looks like a staff member's (Cyrillic "а" for Latin "a", "rn" for
 * "m"…) is not refused: two people may share a name. The name is saved, and moderators find a
 * `name.confusable` entry in the audit log (`nameFlags`): actor the member, subject the staff
 * member the name resembles, from/to the old and new names.
 */

/** The UTS #39 skeleton: NFD, each character replaced by its confusable prototype, NFD again. */
export const skeleton = (text: string) => unhomoglyph(text.normalize('NFD')).normalize('NFD');

/** What a name looks like as written and regardless of case; diacritics count. */
const lookalikeKeys = (name: string) => new Set([skeleton(name), skeleton(name.toLowerCase())]);

/** Whether two names can be mistaken for each other. */
export function looksAlike(a: string, b: string): boolean {
  const keys = lookalikeKeys(a);
  return [...lookalikeKeys(b)].some((key) => keys.has(key));
}

/**
 * Records a flag for each staff member (other than the person) whose name `person.name` looks
 * like, when the person is not staff themselves. Called after the name was saved.
 */
/** A name is compared with at most this many staff names. */
const MAX_STAFF_COMPARED = 1000;

export async function flagStaffLookalike(person: { _id: Types.ObjectId; role: Role; name: string }, previousName: string | null): Promise<void> {
  if (STAFF_ROLES.includes(person.role)) return;
  const staff = await staffNamesExcept(person._id, MAX_STAFF_COMPARED);
  for (const member of staff.filter((s) => looksAlike(s.name, person.name))) {
    await record('name.confusable', person._id, member._id, { from: previousName, to: person.name });
  }
}

/** Names flagged as looking like a staff member's, newest first. */
export const listNameFlags = (page: PageArgs) => listAuditEntriesOf('name.confusable', page);
