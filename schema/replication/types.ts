import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { writeErrors } from '../error/types.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { ExpertRef } from '../expert/types.ts';
import { inputTypeOf, plainInput } from '../input.ts';
import { perRequest } from '../loading.ts';
import { OrganizationRef } from '../organization/types.ts';
import { payload } from '../payload.ts';
import { recordCodesOf, type PlaceDoc } from '../place/service.ts';
import { PlaceRef } from '../place/types.ts';
import type { PracticeDoc } from '../practice/service.ts';
import { PracticeRef } from '../practice/types.ts';
import { canChange, isShownPractice, mayRecordAny } from './policy.ts';
import {
  countReplicationsInPlaces,
  recordReplication,
  recordReplicationInput,
  removeReplication,
  removeReplicationInput,
  replicationCounts,
  replicationsByIds,
  replicationsOfPractices,
  updateReplication,
  updateReplicationInput,
  type ReplicationDoc,
} from './service.ts';

export const ReplicationRef = builder.loadableNodeRef('Replication', {
  id: { resolve: (r: ReplicationDoc) => r._id },
  // node(id) too shows only replications of practices the public sees.
  load: (ids: string[]) => replicationsByIds(ids),
  sort: (r) => r._id,
});

ReplicationRef.implement({
  description: '"We adopted this practice": an organisation took up a published practice somewhere, and says when, what it changed and what came of it.',
  fields: (t) => ({
    practice: t.field({ type: PracticeRef, nullable: true, resolve: (r) => String(r.practice) }),
    organization: t.field({ type: OrganizationRef, description: 'The adopting organisation.', resolve: (r) => r.organization }),
    place: t.field({ type: PlaceRef, description: 'Where it was adopted.', resolve: (r) => r.place }),
    year: t.exposeInt('year'),
    month: t.exposeInt('month', { description: '1 to 12.' }),
    changes: t.exposeString('changes', { description: 'Plain text: what the adopters changed from the original.' }),
    result: t.exposeString('result', { description: 'Plain text: what came of it.' }),
    recordedBy: t.field({ type: ExpertRef, resolve: (r) => String(r.recordedBy) }),
    recordedAt: t.field({ type: 'DateTime', resolve: (r) => r.createdAt }),
    updatedAt: t.field({ type: 'DateTime', resolve: (r) => r.updatedAt }),
    version: t.exposeInt('version', { description: 'Moves with every edit; an update names the version it started from.' }),
    viewerCanChange: t.boolean({ description: 'Whether the viewer may edit or remove it (its recorder, or a curator).', resolve: (r, _, ctx) => canChange(ctx.viewer, r) }),
  }),
});

// One command for a whole page of practices, whichever of them ask.
const replicationsLoader = perRequest((ids: readonly string[]) => replicationsOfPractices(ids));
const countLoader = perRequest((ids: readonly string[]) => replicationCounts(ids));

builder.objectFields(PracticeRef, (t) => ({
  replications: t.field({
    type: [ReplicationRef],
    description: 'Where it was adopted, latest adoption first (up to 100); none while it is not published.',
    resolve: (p: PracticeDoc, _, ctx: Context) => (isShownPractice(p) ? replicationsLoader(ctx).load(String(p._id)) : []),
  }),
  replicationCount: t.int({
    description: 'How many organisations recorded adopting it (0 while it is not published).',
    resolve: (p: PracticeDoc, _, ctx: Context) => (isShownPractice(p) ? countLoader(ctx).load(String(p._id)) : 0),
  }),
  viewerMayRecordReplication: t.boolean({
    description: 'Whether the viewer may be offered the "we adopted this practice" form: verified members (for their own organisation) and curators.',
    resolve: (p: PracticeDoc, _, ctx: Context) => isShownPractice(p) && mayRecordAny(ctx.viewer),
  }),
}));

builder.objectFields(PlaceRef, (t) => ({
  replicationCount: t.loadable({
    type: 'Int',
    description: 'Adoptions of published practices recorded here; for a current unit, also those recorded under its predecessors.',
    // The key is the place's record codes joined by spaces: one count over every code serves a page of places.
    load: async (keys: string[]) => {
      const codesOf = keys.map((key) => key.split(' '));
      const counts = await countReplicationsInPlaces(codesOf.flat());
      return codesOf.map((codes) => codes.reduce((sum, code) => sum + (counts.get(code) ?? 0), 0));
    },
    resolve: (place: PlaceDoc) => recordCodesOf(place).join(' '),
  }),
}));

// Generated from the service's zod schemas, which hold each field's type, nullability and limits.
const replicationTypes = { id: { globalIdOf: ReplicationRef }, practiceId: { globalIdOf: PracticeRef } };
const RecordReplicationInput = inputTypeOf('RecordReplicationInput', recordReplicationInput, { types: replicationTypes });
const UpdateReplicationInput = inputTypeOf('UpdateReplicationInput', updateReplicationInput, { description: 'Only the given fields change.', types: replicationTypes });
const RemoveReplicationInput = inputTypeOf('RemoveReplicationInput', removeReplicationInput, { types: replicationTypes });
const ReplicationPayload = (name: string) => payload<'replication', ReplicationDoc>(name, 'replication', ReplicationRef);
const replicationErrors = [...writeErrors, ConflictError, NotFoundError];

builder.mutationFields((t) => ({
  recordReplication: t.field({
    type: ReplicationPayload('RecordReplicationPayload'),
    description: '"We adopted this practice", on a published practice: by a verified member of the adopting organisation, or a curator on its behalf; once per organisation.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: RecordReplicationInput, required: true }) },
    errors: { types: replicationErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ replication: await recordReplication(ctx, plainInput(recordReplicationInput, input)) }),
  }),
  updateReplication: t.field({
    type: ReplicationPayload('UpdateReplicationPayload'),
    description: 'By its recorder or a curator.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: UpdateReplicationInput, required: true }) },
    errors: { types: replicationErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ replication: await updateReplication(ctx, plainInput(updateReplicationInput, input)) }),
  }),
  removeReplication: t.field({
    type: payload<'practice', PracticeDoc>('RemoveReplicationPayload', 'practice', PracticeRef),
    description: 'By its recorder or a curator (a curator removing someone else’s is written to the audit log). Answers the practice, without it.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: RemoveReplicationInput, required: true }) },
    errors: { types: replicationErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ practice: await removeReplication(ctx, plainInput(removeReplicationInput, input)) }),
  }),
}));
