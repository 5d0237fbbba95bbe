import { action, json, query } from '@solidjs/router';
import { graphql, type ResultOf } from '../../graphql.ts';
import { locale } from '../../i18n/i18n.ts';
import { MutationErrorFields } from '../../lib/fragments.ts';
import { isMissing, orNull, request } from '../../lib/graphql-client.ts';
import { mutate } from '../../lib/form.ts';

/* The working group's groups: the list, one group with its people, its discussions, and admins' membership changes. */

const GroupsQuery = graphql(`
  query Groups {
    groups {
      slug
      kind
      name
      nameEn
      purpose
      purposeEn
      discussionAccess
      viewerRole
      members { role expert { id handle name } }
    }
  }
`);

export type GroupSummary = ResultOf<typeof GroupsQuery>['groups'][number];

export const getGroups = query(async () => (await request(GroupsQuery, {})).groups, 'groups');

const GroupQuery = graphql(`
  query Group($slug: String!) {
    group(slug: $slug) {
      slug
      kind
      name
      nameEn
      purpose
      purposeEn
      discussionAccess
      viewerRole
      members { role since expert { id handle name position } }
    }
  }
`);

export type GroupDetail = NonNullable<ResultOf<typeof GroupQuery>['group']>;

/** One group, or null when there is no such group (the page then says "not found"). */
export const getGroup = query((slug: string): Promise<GroupDetail | null> => orNull(async () => (await request(GroupQuery, { slug })).group, isMissing('slug')), 'group');

const GroupThreadsQuery = graphql(`
  query GroupThreads($slug: String!, $first: Int, $after: String) {
    group(slug: $slug) {
      slug
      threads(first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges {
          node {
            id
            kind
            title
            membersOnly
            replyCount
            lastActivityAt
            author { handle name }
          }
        }
      }
    }
  }
`);

export const GROUP_THREADS_PAGE = 20;
export type GroupThreadPage = NonNullable<NonNullable<ResultOf<typeof GroupThreadsQuery>['group']>['threads']>;

/** A page of the group's discussions (asked only of those who may read them: see the group page). */
export const getGroupThreads = query(
  async (slug: string, after: string | null): Promise<GroupThreadPage | null> => (await request(GroupThreadsQuery, { slug, first: GROUP_THREADS_PAGE, after })).group?.threads ?? null,
  'groupThreads',
);

const SetGroupMemberMutation = graphql(
  `
  mutation SetGroupMember($input: SetGroupMemberInput!) {
    setGroupMember(input: $input) {
      __typename
      ... on SetGroupMemberPayload { membership { role } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const RemoveGroupMemberMutation = graphql(
  `
  mutation RemoveGroupMember($input: RemoveGroupMemberInput!) {
    removeGroupMember(input: $input) {
      __typename
      ... on RemoveGroupMemberPayload { group { slug } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const groupKeys = (slug: string) => [getGroup.keyFor(slug), getGroups.key];

/** Admins: puts a person in the group, or changes their role there. */
export const setGroupMemberAction = action(async (group: string, expertId: string, role: 'LEAD' | 'MEMBER') => {
  const outcome = await mutate(SetGroupMemberMutation, { input: { group, expertId, role } }, 'setGroupMember', 'SetGroupMemberPayload');
  return json(outcome, { revalidate: outcome.ok ? groupKeys(group) : [] });
}, 'setGroupMember');

/** Admins: takes a person out of the group. */
export const removeGroupMemberAction = action(async (group: string, expertId: string) => {
  const outcome = await mutate(RemoveGroupMemberMutation, { input: { group, expertId } }, 'removeGroupMember', 'RemoveGroupMemberPayload');
  return json(outcome, { revalidate: outcome.ok ? groupKeys(group) : [] });
}, 'removeGroupMember');

export const groupHref = (slug: string) => `/groups/${encodeURIComponent(slug)}`;

/** A group's purpose in the current language (the Vietnamese one where no English was written). */
export const localPurpose = (group: { purpose: string; purposeEn: string }) => (locale() === 'en' && group.purposeEn) || group.purpose;

/** The thread editor's address for a new discussion in the group. */
export const newGroupThreadHref = (slug: string) => `/threads/new?group=${encodeURIComponent(slug)}`;

const ExpertGroupsQuery = graphql(`
  query ExpertGroups($handle: String!) {
    expert(handle: $handle) {
      id
      groups { role group { slug name nameEn } }
    }
  }
`);

/** The groups a person is in, with their role there (their profile shows them to members). */
export const getExpertGroups = query(async (handle: string) => (await request(ExpertGroupsQuery, { handle })).expert.groups, 'expertGroups');
