import { action, json, query } from '@solidjs/router';
import { graphql, type ResultOf } from '../../graphql.ts';
import { MutationErrorFields } from '../../lib/fragments.ts';
import { invalid, mutate, textOf, type FormInput } from '../../lib/form.ts';
import { isMissing, orNull, request } from '../../lib/graphql-client.ts';
import { getViewer, type Role } from '../account/account.api.ts';
import { getAuditLog } from '../audit/audit.api.ts';
import { getExpert } from '../expert/expert.api.ts';
import { SEARCH_LIMITS, STAFF_LIMITS } from '../../../../schema/field-limits.ts';

const MemberQuery = graphql(`
  query Member($handle: String!) {
    expert(handle: $handle) {
      id
      handle
      name
      position
      avatarUrl
      role
      verified
      organization { name }
      place { name }
      suspendedUntil
      suspensionReason
    }
  }
`);

export type Member = ResultOf<typeof MemberQuery>['expert'];

/**
 * One person as staff see them, suspension included (moderators and admins may read it);
 * null when nobody has the handle.
 */
export const getMember = query((handle: string): Promise<Member | null> => orNull(async () => (await request(MemberQuery, { handle })).expert, isMissing('handle')), 'member');

const MemberSearchQuery = graphql(`
  query MemberSearch($query: String!) {
    experts(filter: { query: $query }, first: 10) {
      totalCount
      edges { node { id handle name position avatarUrl role organization { name } } }
    }
  }
`);

export type MemberSummary = ResultOf<typeof MemberSearchQuery>['experts']['edges'][number]['node'];

/** People whose name, handle, position or organisation match the words; the first ten. */
export const searchMembers = query(async (text: string) => (await request(MemberSearchQuery, { query: text.slice(0, SEARCH_LIMITS.text) })).experts, 'memberSearch');

const StaffQuery = graphql(`
  query StaffMembers {
    admins: experts(filter: { role: ADMIN }, first: 20) { edges { node { id handle name position avatarUrl role organization { name } } } }
    moderators: experts(filter: { role: MODERATOR }, first: 20) { edges { node { id handle name position avatarUrl role organization { name } } } }
    curators: experts(filter: { role: CURATOR }, first: 20) { edges { node { id handle name position avatarUrl role organization { name } } } }
  }
`);

/** Everyone with a staff role: administrators, then moderators, then curators. */
export const getStaffMembers = query(async (): Promise<MemberSummary[]> => {
  const staff = await request(StaffQuery);
  return [...staff.admins.edges, ...staff.moderators.edges, ...staff.curators.edges].map((edge) => edge.node);
}, 'staffMembers');

const ChangeRoleMutation = graphql(
  `
  mutation ChangeRole($input: ChangeRoleInput!) {
    changeRole(input: $input) {
      __typename
      ... on ChangeRolePayload { expert { id name role } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const SuspendMutation = graphql(
  `
  mutation SuspendExpert($input: SuspendExpertInput!) {
    suspendExpert(input: $input) {
      __typename
      ... on SuspendExpertPayload { expert { id name suspendedUntil } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const UnsuspendMutation = graphql(
  `
  mutation UnsuspendExpert($input: UnsuspendExpertInput!) {
    unsuspendExpert(input: $input) {
      __typename
      ... on UnsuspendExpertPayload { expert { id name } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const { reasonMin: REASON_MIN, reason: REASON_MAX } = STAFF_LIMITS;

function reasonProblem(reason: string): Record<string, string> {
  if (!reason) return { reason: 'REQUIRED' };
  if (reason.length < REASON_MIN) return { reason: 'TOO_SHORT' };
  if (reason.length > REASON_MAX) return { reason: 'TOO_LONG' };
  return {};
}

/** What shows a person's role or suspension, and the log that records the change. */
const memberViews = () => [getMember.key, getStaffMembers.key, getAuditLog.key, getExpert.key, getViewer.key];

export const changeRoleAction = action(async (form: FormInput) => {
  const expertId = textOf(form, 'expertId');
  const role = textOf(form, 'role') as Role;
  const reason = textOf(form, 'reason');
  const problems = reasonProblem(reason);
  if (!role) problems.role = 'REQUIRED';
  if (Object.keys(problems).length) return invalid(problems);
  const outcome = await mutate(ChangeRoleMutation, { input: { expertId, role, reason } }, 'changeRole', 'ChangeRolePayload');
  return json(outcome, { revalidate: outcome.ok ? memberViews() : [] });
}, 'changeRole');

/**
 * The end of a day in Vietnam's time zone, as an instant: "until 30 June" means the whole of
 * 30 June where the network is, whatever the browser's own zone.
 */
export const endOfDayInVietnam = (day: string) => new Date(`${day}T23:59:59.999+07:00`).toISOString();

export const suspendAction = action(async (form: FormInput) => {
  const expertId = textOf(form, 'expertId');
  const day = textOf(form, 'until');
  const reason = textOf(form, 'reason');
  const problems = reasonProblem(reason);
  if (!day) problems.until = 'REQUIRED';
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(new Date(`${day}T00:00:00+07:00`).getTime())) problems.until = 'INVALID';
  if (Object.keys(problems).length) return invalid(problems);
  const outcome = await mutate(SuspendMutation, { input: { expertId, until: endOfDayInVietnam(day), reason } }, 'suspendExpert', 'SuspendExpertPayload');
  return json(outcome, { revalidate: outcome.ok ? memberViews() : [] });
}, 'suspendExpert');

export const unsuspendAction = action(async (form: FormInput) => {
  const expertId = textOf(form, 'expertId');
  const reason = textOf(form, 'reason');
  const problems = reasonProblem(reason);
  if (Object.keys(problems).length) return invalid(problems);
  const outcome = await mutate(UnsuspendMutation, { input: { expertId, reason } }, 'unsuspendExpert', 'UnsuspendExpertPayload');
  return json(outcome, { revalidate: outcome.ok ? memberViews() : [] });
}, 'unsuspendExpert');
