import type { Types } from 'mongoose';
import { InvalidArgumentError } from '../errors.ts';
import { paginate, type PageArgs, type SortKey } from '../connection.ts';
import { isObjectId } from '../validation.ts';
import { AuditEntry, type AuditAction, type AuditEntryDoc } from './model.ts';

export type { AuditAction, AuditEntryDoc };

type Id = string | Types.ObjectId;

/** Records one staff action. Written after the change it describes (see the callers). */
export function record(
  action: AuditAction,
  actor: Id,
  subject: Id,
  details: {
    from?: string | null;
    to?: string | null;
    reason?: string;
    practice?: Id;
    collection?: Id;
    thread?: Id;
    reply?: Id;
    group?: string;
    task?: Id;
    organization?: string;
    framework?: string;
    helpdeskRequest?: string;
  } = {},
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
    group: details.group ?? null,
    task: details.task ?? null,
    framework: details.framework ?? null,
    organization: details.organization ?? null,
    helpdeskRequest: details.helpdeskRequest ?? null,
  });
}

const order: SortKey[] = [
  { field: 'createdAt', kind: 'date', direction: -1 },
  { field: '_id', kind: 'objectId', direction: -1 },
];

/** What the audit log can be narrowed by; ids are checked, unknown ones find nothing. */
export interface AuditFilter {
  subject?: string | null;
  actor?: string | null;
  action?: AuditAction | null;
  practice?: string | null;
}

/** The audit log, newest first, narrowed by any of the filter's fields. */
export function listAuditEntries(filter: AuditFilter, page: PageArgs) {
  const where: Record<string, unknown> = {};
  for (const field of ['subject', 'actor', 'practice'] as const) {
    const id = filter[field];
    if (!id) continue;
    if (!isObjectId(id)) throw new InvalidArgumentError(field, 'is not an ID');
    where[field] = id;
  }
  if (filter.action) where.action = filter.action;
  return paginate<AuditEntryDoc>(AuditEntry, where, order, page);
}

/** The entries of one action, newest first (e.g. the names moderation flagged). */
export const listAuditEntriesOf = (action: AuditAction, page: PageArgs) => paginate<AuditEntryDoc>(AuditEntry, { action }, order, page);
