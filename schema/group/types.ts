import { builder, enumValues, referenceNodeRef } from '../builder.ts';
import { writeErrors } from '../error/types.ts';
import { found, NotFoundError } from '../errors.ts';
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
