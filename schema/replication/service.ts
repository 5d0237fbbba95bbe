import { z } from 'zod';
import { requireViewer } from '../account/service.ts';
import { record } from '../audit/service.ts';
import type { Context, Viewer } from '../context.ts';
import { ConflictError, NotAuthorizedError, NotFoundError, ValidationError, type FieldError } from '../errors.ts';
import { findExpertById } from '../expert/service.ts';
import { PRACTICE_LIMITS, REPLICATION_LIMITS } from '../field-limits.ts';
import { countPerValue, findByIds, firstOfEach } from '../loading.ts';
import { createOnce } from '../mark.ts';
import { organizationAndParents, organizationSlugsFor, organizationsBySlugs } from '../organization/service.ts';
import { placesByCodes } from '../place/service.ts';
import { anyOf } from '../query.ts';
import { practicesByIds, type PracticeDoc } from '../practice/service.ts';
import { hasRole } from '../roles.ts';
import { objectId, parseInput, slug, text } from '../validation.ts';
import { Replication, type ReplicationDoc } from './model.ts';
import { canChange, canRecordFor, isShownPractice } from './policy.ts';

export type { ReplicationDoc };

/** A replication's id: its practice's id and its organisation's slug (model.ts). */
const replicationId = z
  .string()
  .max(200, 'INVALID')
  .regex(/^[0-9a-f]{24}:[a-z0-9][a-z0-9._-]*$/, 'INVALID');

const adoptionFields = z.object({
  place: slug.describe('Where it was adopted: a current province or city code.'),
  year: z.number().int('INVALID').min(PRACTICE_LIMITS.yearMin, 'INVALID').max(9999, 'INVALID'),
  month: z.number().int('INVALID').min(1, 'INVALID').max(12, 'INVALID'),
  changes: text(REPLICATION_LIMITS.changesMin, REPLICATION_LIMITS.changes, { multiline: true }).describe('What the adopters changed from the original.'),
  result: text(0, REPLICATION_LIMITS.result, { multiline: true }).describe('What came of it, with figures where there are some.'),
});

export const recordReplicationInput = adoptionFields.extend({
  // Results often come later: an adoption may be recorded before it has any.
  result: adoptionFields.shape.result.default(''),
  practiceId: objectId,
  organization: slug.describe('The adopting organisation’s slug.'),
});
export const updateReplicationInput = adoptionFields.partial().extend({
  id: replicationId,
  version: z.number().int('INVALID').describe('The version the editor started from: if the replication changed since, nothing is saved and CONFLICT comes back.'),
});
export const removeReplicationInput = z.object({ id: replicationId });

/** An adoption cannot be dated after this month. */
function refuseFuture(year: number | undefined, month: number | undefined, errors: FieldError[]) {
  if (year === undefined || month === undefined) return;
  const now = new Date();
  if (year * 12 + month > now.getUTCFullYear() * 12 + now.getUTCMonth() + 1) errors.push({ path: 'month', code: 'IN_FUTURE', message: 'an adoption cannot be dated in the future' });
}

async function refuseFormerPlace(place: string | undefined, errors: FieldError[]) {
  if (place === undefined) return;
  const [found] = await placesByCodes([place]);
  if (!found?.current) errors.push({ path: 'place', code: 'UNKNOWN', message: 'place must be one of the 34 current provinces and cities' });
}

/** The practice if the public sees it; replications exist only on those. */
async function findShownPractice(practiceId: string, argument: string): Promise<PracticeDoc> {
  const [practice] = await practicesByIds([practiceId]);
  if (!practice || !isShownPractice(practice)) throw new NotFoundError(argument, 'published practice', practiceId);
  return practice;
}

export async function recordReplication(ctx: Context, input: unknown): Promise<ReplicationDoc> {
  const viewer = requireViewer(ctx);
  const data = parseInput(recordReplicationInput, input);
  const practice = await findShownPractice(data.practiceId, 'practiceId');
  const [organization] = await organizationsBySlugs([data.organization]);
  const errors: FieldError[] = [];
  if (!organization) errors.push({ path: 'organization', code: 'UNKNOWN', message: 'organization is not a known organisation' });
  else if (!organization.current) errors.push({ path: 'organization', code: 'FORMER', message: 'this organisation was merged into another: record under its successor' });
  else if (practice.organization) {
    // The practice's own organisation, its units and the bodies merged into it did not adopt it: they made it.
    const makers = await organizationSlugsFor(practice.organization, 'organization').catch(() => [practice.organization!]);
    if (makers.includes(data.organization)) errors.push({ path: 'organization', code: 'OWN_PRACTICE', message: 'an organisation cannot record a replication of its own practice' });
  }
  refuseFuture(data.year, data.month, errors);
  await refuseFormerPlace(data.place, errors);
  if (errors.length) throw new ValidationError(errors);
  if (!hasRole(viewer, 'curator')) {
    const profile = await findExpertById(viewer.id);
    if (!canRecordFor(viewer, await organizationAndParents(profile?.organization), data.organization))
      throw new NotAuthorizedError('Only a verified member of this organisation, or a curator, may record that it adopted a practice.');
  }
  const { practiceId, ...fields } = data;
  // The key is the _id: of two records by one organisation, even at the same instant, one is stored.
  const created = await createOnce<ReplicationDoc>(Replication, { ...fields, practice: practiceId, recordedBy: viewer.id });
  if (!created) throw ValidationError.field('organization', 'TAKEN', 'this organisation has already recorded that it adopted this practice: edit that record');
  return created;
}

/** The replication if its practice is shown and the viewer may change it. */
async function findChangeable(viewer: Viewer, id: string): Promise<ReplicationDoc> {
  const replication = await Replication.findById(id).lean<ReplicationDoc>();
  if (!replication) throw new NotFoundError('id', 'replication', id);
  await findShownPractice(String(replication.practice), 'id');
  if (!canChange(viewer, replication)) throw new NotAuthorizedError('Only the person who recorded it, or a curator, may change it.');
  return replication;
}

function conflict(): never {
  throw new ConflictError('Someone else changed this replication after you opened it; reload it to see their changes.');
}

export async function updateReplication(ctx: Context, input: unknown): Promise<ReplicationDoc> {
  const viewer = requireViewer(ctx);
  const { id, version, ...fields } = parseInput(updateReplicationInput, input);
  const replication = await findChangeable(viewer, id);
  const errors: FieldError[] = [];
  refuseFuture(fields.year ?? replication.year, fields.month ?? replication.month, errors);
  await refuseFormerPlace(fields.place, errors);
  if (errors.length) throw new ValidationError(errors);
  if (replication.version !== version) conflict();
  // The version read goes into the filter: an edit that came in between wins, this one is refused.
  const changed = await Replication.findOneAndUpdate({ _id: id, version }, { $set: fields, $inc: { version: 1 } }, { returnDocument: 'after' }).lean<ReplicationDoc>();
  return changed ?? conflict();
}

export async function removeReplication(ctx: Context, input: unknown): Promise<PracticeDoc> {
  const viewer = requireViewer(ctx);
  const { id } = parseInput(removeReplicationInput, input);
  const replication = await findChangeable(viewer, id);
  const removed = (await Replication.deleteOne({ _id: id })).deletedCount === 1;
  if (!removed) throw new NotFoundError('id', 'replication', id);
  const recorder = String(replication.recordedBy);
  if (recorder !== viewer.id) await record('replication.removed', viewer.id, recorder, { practice: replication.practice, to: replication.organization });
  return findShownPractice(String(replication.practice), 'id');
}

/** Replications by id, only those whose practice the public sees (for `node`). */
export async function replicationsByIds(ids: readonly string[]): Promise<ReplicationDoc[]> {
  const found = await findByIds<ReplicationDoc>(
    Replication,
    ids.filter((id) => replicationId.safeParse(id).success),
  );
  const shown = new Set((await practicesByIds(found.map((r) => String(r.practice)))).filter(isShownPractice).map((p) => String(p._id)));
  return found.filter((r) => shown.has(String(r.practice)));
}

/** How many of a practice's replications it lists (its count says how many there are). */
const LISTED_PER_PRACTICE = 100;

/** Each practice's latest adoptions first (at most LISTED_PER_PRACTICE each), one command for a page of practices. */
export const replicationsOfPractices = (practiceIds: readonly string[]) =>
  firstOfEach<ReplicationDoc>(
    Replication,
    practiceIds.map((practice) => ({ practice })),
    { year: -1, month: -1, createdAt: -1 },
    LISTED_PER_PRACTICE,
  );

/** How many organisations adopted each practice, in the order asked. */
export async function replicationCounts(practiceIds: readonly string[]): Promise<number[]> {
  const counts = await countPerValue(Replication, 'practice', practiceIds);
  return practiceIds.map((id) => counts.get(id) ?? 0);
}

/**
 * Adoptions recorded in each of these place codes, of practices the public sees: one aggregate
 * (per place and practice), then one read of those practices' states.
 */
export async function countReplicationsInPlaces(codes: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (!codes.length) return counts;
  const rows = await Replication.aggregate<{ _id: { place: string; practice: unknown }; count: number }>([
    { $match: Replication.find({ place: anyOf([...new Set(codes)]) }).cast(Replication) },
    { $group: { _id: { place: '$place', practice: '$practice' }, count: { $sum: 1 } } },
  ]);
  const practiceIds = [...new Set(rows.map((row) => String(row._id.practice)))];
  const shown = new Set((await practicesByIds(practiceIds)).filter(isShownPractice).map((p) => String(p._id)));
  for (const row of rows) if (shown.has(String(row._id.practice))) counts.set(row._id.place, (counts.get(row._id.place) ?? 0) + row.count);
  return counts;
}
