import type { Types } from 'mongoose';
import { InvalidArgumentError } from '../errors.ts';
import { paginate, type PageArgs, type SortKey } from '../connection.ts';
import { isObjectId } from '../validation.ts';
import { AuditEntry, type AuditAction, type AuditEntryDoc } from './model.ts';

export type { AuditEntryDoc };

type Id = string | Types.ObjectId;

/** Records one staff action. Written after the change it describes (see the callers). */
export function record(
  action: AuditAction,
  actor: Id,
  subject: Id,
  details: { from?: string | null; to?: string | null; reason?: string; practice?: Id; collection?: Id; thread?: Id; reply?: Id } = {},
) {
  return AuditEntry.create({
    action,
    actor,
    subject,
    from: details.from ?? null,
    to: details.to ?? null,
    reason: details.reason ?? '',
    practice: details.practice ?? null,
    collectionId: details.collection ?? null,
    thread: details.thread ?? null,
    reply: details.reply ?? null,
  });
}

const order: SortKey[] = [
  { field: 'createdAt', kind: 'date', direction: -1 },
  { field: '_id', kind: 'objectId', direction: -1 },
];

/** The audit log, newest first; about one person when `subject` is given. */
export function listAuditEntries(subject: string | null | undefined, page: PageArgs) {
  if (subject && !isObjectId(subject)) throw new InvalidArgumentError('subject', 'is not the ID of a person');
  return paginate<AuditEntryDoc>(AuditEntry, subject ? { subject } : {}, order, page);
}

/** The entries of one action, newest first (e.g. the names moderation flagged). */
export const listAuditEntriesOf = (action: AuditAction, page: PageArgs) => paginate<AuditEntryDoc>(AuditEntry, { action }, order, page);
