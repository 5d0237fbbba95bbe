import { query, revalidate } from '@solidjs/router';
import { graphql, type ResultOf } from '../../graphql.ts';
import { MutationErrorFields } from '../../lib/fragments.ts';
import { mutate, type Outcome } from '../../lib/form.ts';
import { request } from '../../lib/graphql-client.ts';

/* The replications of one practice ("we adopted this practice"), mirroring schema/replication. */

const ReplicationFields = graphql(`
  fragment ReplicationFields on Replication @_unmask {
    id year month changes result version viewerCanChange recordedAt
    organization { slug name }
    place { code name }
    recordedBy { handle name }
  }
`);

const PracticeReplicationsQuery = graphql(
  `
  query PracticeReplications($id: ID!) {
    practice(id: $id) { id replicationCount viewerMayRecordReplication replications { ...ReplicationFields } }
    viewer { id organization { slug } place { code } }
  }
`,
  [ReplicationFields],
);

export type ReplicationsOfPractice = ResultOf<typeof PracticeReplicationsQuery>;
export type Replication = ReplicationsOfPractice['practice']['replications'][number];

/** A practice's replications, whether the viewer may add one, and the viewer's organisation and place (the form's defaults). */
export const getReplications = query(async (practiceId: string): Promise<ReplicationsOfPractice> => request(PracticeReplicationsQuery, { id: practiceId }), 'practiceReplications');

const RecordMutation = graphql(
  `
  mutation RecordReplication($input: RecordReplicationInput!) {
    recordReplication(input: $input) { __typename ...MutationErrorFields ... on RecordReplicationPayload { replication { id } } }
  }
`,
  [MutationErrorFields],
);
const UpdateMutation = graphql(
  `
  mutation UpdateReplication($input: UpdateReplicationInput!) {
    updateReplication(input: $input) { __typename ...MutationErrorFields ... on UpdateReplicationPayload { replication { id } } }
  }
`,
  [MutationErrorFields],
);
const RemoveMutation = graphql(
  `
  mutation RemoveReplication($input: RemoveReplicationInput!) {
    removeReplication(input: $input) { __typename ...MutationErrorFields ... on RemoveReplicationPayload { practice { id } } }
  }
`,
  [MutationErrorFields],
);

/** What the form sends: the adoption's fields. */
export interface AdoptionFields {
  organization: string;
  place: string;
  year: number;
  month: number;
  changes: string;
  result: string;
}

/** After any write the practice's list is read again: another member's record may have come in too. */
async function settled<T>(practiceId: string, outcome: Promise<Outcome<T>>): Promise<Outcome<T>> {
  const done = await outcome;
  if (done.ok || done.problem.form?.code === 'CONFLICT') await revalidate(getReplications.keyFor(practiceId));
  return done;
}

export const recordReplication = (practiceId: string, fields: AdoptionFields) =>
  settled(practiceId, mutate(RecordMutation, { input: { practiceId, ...fields } }, 'recordReplication', 'RecordReplicationPayload'));

export const updateReplication = (practiceId: string, id: string, version: number, fields: Omit<AdoptionFields, 'organization'>) =>
  settled(practiceId, mutate(UpdateMutation, { input: { id, version, ...fields } }, 'updateReplication', 'UpdateReplicationPayload'));

export const removeReplication = (practiceId: string, id: string) => settled(practiceId, mutate(RemoveMutation, { input: { id } }, 'removeReplication', 'RemoveReplicationPayload'));
