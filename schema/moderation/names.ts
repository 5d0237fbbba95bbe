import type { Types } from 'mongoose';
import unhomoglyph from 'unhomoglyph';
import { paginate, type PageArgs, type SortKey } from '../connection.ts';
import { record, type AuditEntryDoc } from '../audit/service.ts';
import { AuditEntry } from '../audit/model.ts';
import { Expert } from '../expert/model.ts';
import { STAFF_ROLES, type Role } from '../roles.ts';
import { anyOf, notEqual } from '../query.ts';

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
  // Staff are a few dozen people, read through the role index; capped (in a fixed order) all the same.
  const staff = await Expert.find({ role: anyOf(STAFF_ROLES), _id: notEqual(person._id) }, { name: 1 })
    .sort({ sortName: 1, _id: 1 })
    .limit(MAX_STAFF_COMPARED)
    .lean();
  for (const member of staff.filter((s) => looksAlike(s.name, person.name))) {
    await record('name.confusable', person._id, member._id, { from: previousName, to: person.name });
  }
}

const order: SortKey[] = [
  { field: 'createdAt', kind: 'date', direction: -1 },
  { field: '_id', kind: 'objectId', direction: -1 },
];

/** Names flagged as looking like a staff member's, newest first. */
export const listNameFlags = (page: PageArgs) => paginate<AuditEntryDoc>(AuditEntry, { action: 'name.confusable' }, order, page);
