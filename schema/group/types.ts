import { builder, enumValues, referenceNodeRef } from '../builder.ts';
import { pageKey, type PageArgs } from '../connection.ts';
import type { Context } from '../context.ts';
import { canModerate } from '../discussion/policy.ts';
import { threadsOfGroups, type ThreadDoc } from '../discussion/service.ts';
import { ThreadRef } from '../discussion/types.ts';
import { writeErrors } from '../error/types.ts';
import { found, NotAuthorizedError, NotFoundError } from '../errors.ts';
import { ExpertRef } from '../expert/types.ts';
import { inputTypeOf, plainInput } from '../input.ts';
import { perRequest } from '../loading.ts';
import { payload } from '../payload.ts';
import { slugArg } from '../validation.ts';
import {
  findGroup,
  groupDiscussionAccess,
  groupKinds,
  groupRoles,
  groupsBySlugs,
  listGroups,
  membersOf,
  membershipsOfExperts,
  removeGroupMember,
  removeGroupMemberInput,
  setGroupMember,
  setGroupMemberInput,
  viewerGroupSlugs,
  type GroupDoc,
  type GroupMemberDoc,
} from './service.ts';

export const GroupKindEnum = builder.enumType('GroupKind', { values: enumValues(groupKinds) });
export const GroupRoleEnum = builder.enumType('GroupRole', { values: enumValues(groupRoles) });
export const GroupDiscussionAccessEnum = builder.enumType('GroupDiscussionAccess', {
  description: 'Who reads a group’s discussions: its members only, or every signed-in member.',
  values: enumValues(groupDiscussionAccess),
});

export const GroupRef = referenceNodeRef<GroupDoc>('Group', groupsBySlugs);

export const GroupMemberRef = builder.objectRef<GroupMemberDoc>('GroupMember').implement({
  description: 'A person’s place in a working group.',
  fields: (t) => ({
    expert: t.field({ type: ExpertRef, resolve: (m) => String(m.expert) }),
    group: t.field({ type: GroupRef, resolve: (m) => m.group }),
    role: t.field({ type: GroupRoleEnum, resolve: (m) => m.role }),
    since: t.field({ type: 'DateTime', resolve: (m) => m.createdAt }),
  }),
});

/** Who reads a group's discussions: signed-in members for a public group; for a members-only one its members, moderators and admins. */
async function mayReadDiscussionsOf(group: GroupDoc, ctx: Context): Promise<boolean> {
  if (!ctx.viewer) return false;
  return group.discussionAccess === 'public' || canModerate(ctx.viewer) || (await viewerGroupSlugs(ctx)).includes(group._id);
}

/** The threads of every group on the page in one command (keyed by the page asked and the fields shown). */
const groupThreadsLoader = perRequest(async (groups: readonly string[], key: string) => {
  const { args, shown } = JSON.parse(key) as { args: PageArgs; shown: string[] };
  return threadsOfGroups(groups, args, new Set(shown));
});

/** The members of every group on the page in one read. */
const membersLoader = perRequest<string, GroupMemberDoc[]>(async (groups) => {
  const all = await membersOf(groups);
  return groups.map((group) => all.filter((m) => m.group === group));
});

GroupRef.implement({
  description: 'One of the working group’s groups: the standing group, the resources group, or an expert group.',
  fields: (t) => ({
    slug: t.string({ resolve: (g) => g._id }),
    kind: t.field({ type: GroupKindEnum, resolve: (g) => g.kind }),
    name: t.exposeString('name', { description: 'Vietnamese name.' }),
    nameEn: t.exposeString('nameEn'),
    purpose: t.exposeString('purpose', { description: 'What the group is for (Vietnamese).' }),
    purposeEn: t.exposeString('purposeEn'),
    discussionAccess: t.field({ type: GroupDiscussionAccessEnum, resolve: (g) => g.discussionAccess }),
    members: t.field({
      type: [GroupMemberRef],
      description: 'Leads first, then members, in the order they joined. Signed-in members only (empty signed out).',
      resolve: (g, _, ctx) => (ctx.viewer ? membersLoader(ctx).load(g._id) : []),
    }),
    threads: t.connection(
      {
        type: ThreadRef,
        nullable: true,
        description:
          'The group’s discussions and questions, most recently active first. NOT_AUTHORIZED for those who may not read them: signed out, and (for a members-only group) anyone outside the group but moderators and admins.',
        resolve: async (g, args, ctx, info) => {
          if (!(await mayReadDiscussionsOf(g, ctx))) throw new NotAuthorizedError('Only the group’s members read its discussions.');
          return groupThreadsLoader(ctx, pageKey(args, info)).load(g._id);
        },
      },
      { name: 'GroupThreadConnection' },
      { name: 'GroupThreadEdge' },
    ),
    viewerRole: t.field({
      type: GroupRoleEnum,
      nullable: true,
      description: 'The viewer’s role in the group; null when not in it (or signed out).',
      resolve: async (g, _, ctx) => {
        if (!ctx.viewer || !(await viewerGroupSlugs(ctx)).includes(g._id)) return null;
        return (await membersLoader(ctx).load(g._id)).find((m) => String(m.expert) === ctx.viewer!.id)?.role ?? null;
      },
    }),
  }),
});

builder.objectFields(ThreadRef, (t) => ({
  group: t.field({
    type: GroupRef,
    nullable: true,
    description: 'The working group’s group it was started in; null for the network’s ordinary threads.',
    resolve: (th: ThreadDoc) => th.group ?? null,
  }),
  membersOnly: t.boolean({
    description: 'Only the members of its group read it (and moderators): it shows in no list, search or update of anyone else.',
    resolve: (th: ThreadDoc) => Boolean(th.restrictedTo),
  }),
}));

/** The groups of every person on a page of profiles in one read. */
const membershipsLoader = perRequest<string, GroupMemberDoc[]>((ids) => membershipsOfExperts(ids));

builder.objectFields(ExpertRef, (t) => ({
  groups: t.field({
    type: [GroupMemberRef],
    description: 'The working group’s groups the person is in, with their role there. Signed-in members only (empty signed out).',
    resolve: (e, _, ctx) => (ctx.viewer ? membershipsLoader(ctx).load(String(e._id)) : []),
  }),
}));

builder.queryFields((t) => ({
  groups: t.field({ type: [GroupRef], description: 'The working group’s groups, in their order.', resolve: () => listGroups() }),
  group: t.field({
    type: GroupRef,
    args: { slug: t.arg.string({ required: true, validate: slugArg }) },
    resolve: async (_, { slug }) => found(await findGroup(slug), 'slug', 'group', slug),
  }),
}));

const groupMemberTypes = { role: GroupRoleEnum, expertId: { globalIdOf: ExpertRef } };
const SetGroupMemberInput = inputTypeOf('SetGroupMemberInput', setGroupMemberInput, { types: groupMemberTypes });
const RemoveGroupMemberInput = inputTypeOf('RemoveGroupMemberInput', removeGroupMemberInput, { types: groupMemberTypes });

builder.mutationFields((t) => ({
  setGroupMember: t.field({
    type: payload<'membership', GroupMemberDoc>('SetGroupMemberPayload', 'membership', GroupMemberRef),
    description: 'Admins: puts a person in a group as lead or member, or changes their role there (audited).',
    authScopes: { admin: true },
    args: { input: t.arg({ type: SetGroupMemberInput, required: true }) },
    errors: { types: [...writeErrors, NotFoundError], directResult: true },
    resolve: async (_, { input }, ctx) => ({ membership: await setGroupMember(ctx, plainInput(setGroupMemberInput, input)) }),
  }),
  removeGroupMember: t.field({
    type: payload<'group', GroupDoc>('RemoveGroupMemberPayload', 'group', GroupRef),
    description: 'Admins: takes a person out of a group (audited). Answers the group.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: RemoveGroupMemberInput, required: true }) },
    errors: { types: [...writeErrors, NotFoundError], directResult: true },
    resolve: async (_, { input }, ctx) => ({ group: await removeGroupMember(ctx, plainInput(removeGroupMemberInput, input)) }),
  }),
}));
