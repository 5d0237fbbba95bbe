import { z } from 'zod';
import { requireViewer } from '../account/service.ts';
import { record } from '../audit/service.ts';
import type { Context, Viewer } from '../context.ts';
import { NotAuthorizedError, NotFoundError } from '../errors.ts';
import { findExpertById } from '../expert/service.ts';
import { findByIds, perRequest } from '../loading.ts';
import { updateCreating } from '../mark.ts';
import { anyOf } from '../query.ts';
import { hasRole } from '../roles.ts';
import { objectId, parseInput, slug } from '../validation.ts';
import { Group, type GroupDoc, GroupMember, type GroupMemberDoc, type GroupRole, groupRoles } from './model.ts';

export type { GroupDoc, GroupMemberDoc, GroupRole };
export { groupKinds, groupRoles, groupDiscussionAccess, type GroupKind, type GroupDiscussionAccess } from './model.ts';

/** The standing group runs the working group's desk: it triages help-desk requests, among others. */
export const STANDING_GROUP = 'to-thuong-truc';

export const listGroups = () => Group.find({}).sort({ order: 1 }).lean<GroupDoc[]>();
export const groupsBySlugs = (slugs: readonly string[]) => findByIds<GroupDoc>(Group, slugs);
export const findGroup = async (slugValue: string) => (await groupsBySlugs([slugValue]))[0] ?? null;

/** The group, or NOT_FOUND on `argument`. */
export async function requireGroup(slugValue: string, argument: string): Promise<GroupDoc> {
  const group = await findGroup(slugValue);
  if (!group) throw new NotFoundError(argument, 'group', slugValue);
  return group;
}

const membershipId = (group: string, expert: string) => String(new GroupMember({ group, expert })._id);

/** The person's role in the group, or null when they are not in it. */
export async function roleIn(group: string, expertId: string | null | undefined): Promise<GroupRole | null> {
  if (!expertId) return null;
  const found = await GroupMember.findById(membershipId(group, expertId), { role: 1 }).lean<Pick<GroupMemberDoc, 'role'>>();
  return found?.role ?? null;
}

export const isGroupMember = async (group: string, expertId: string | null | undefined) => (await roleIn(group, expertId)) !== null;
export const isGroupLead = async (group: string, expertId: string | null | undefined) => (await roleIn(group, expertId)) === 'lead';

/** Every group the person is in, with their role there. */
export const membershipsOf = (expertId: string) => GroupMember.find({ expert: expertId }, { group: 1, role: 1 }).lean<Pick<GroupMemberDoc, '_id' | 'group' | 'role'>[]>();

/** The memberships of each of these people, in the groups' order of slugs: one indexed read for a page of profiles. */
export async function membershipsOfExperts(expertIds: readonly string[]): Promise<GroupMemberDoc[][]> {
  const found = expertIds.length ? await GroupMember.find({ expert: anyOf([...new Set(expertIds)]) }).lean<GroupMemberDoc[]>() : [];
  return expertIds.map((id) => found.filter((m) => String(m.expert) === id));
}

/** The slugs of the groups the person is in (one indexed read): what group-only content checks. */
export async function groupSlugsOf(expertId: string | null | undefined): Promise<string[]> {
  if (!expertId) return [];
  return (await membershipsOf(expertId)).map((m) => m.group);
}

/** The groups a signed-in viewer is in, read once per request whoever asks. */
const viewerGroupsLoader = perRequest<string, string[]>(async (ids) => Promise.all(ids.map((id) => groupSlugsOf(id))));
export async function viewerGroupSlugs(ctx: Context): Promise<string[]> {
  return ctx.viewer ? viewerGroupsLoader(ctx).load(ctx.viewer.id) : [];
}

/** Leads first, then members, each in the order they joined. `first` caps the read. */
export const membersOf = (groups: readonly string[], first = 200) =>
  GroupMember.find({ group: anyOf([...groups]) })
    .sort({ group: 1, role: 1, createdAt: 1, _id: 1 })
    .limit(first * Math.max(groups.length, 1))
    .lean<GroupMemberDoc[]>();

/** The memberships of `expertIds` in `group`: who of them may be named responsible, for instance. */
export async function membersAmong(group: string, expertIds: readonly string[]): Promise<Set<string>> {
  if (!expertIds.length) return new Set();
  const found = await GroupMember.find({ _id: anyOf(expertIds.map((id) => membershipId(group, id))) }, { expert: 1 }).lean<Pick<GroupMemberDoc, 'expert'>[]>();
  return new Set(found.map((m) => String(m.expert)));
}

/** Admins set who is in which group and who leads it. */
export const canManageGroups = (viewer: Viewer | null) => hasRole(viewer, 'admin');

export const setGroupMemberInput = z.object({
  group: slug.describe('The group’s slug.'),
  expertId: objectId.describe('The person.'),
  role: z.enum(groupRoles).describe('lead or member.'),
});
export const removeGroupMemberInput = setGroupMemberInput.pick({ group: true, expertId: true });

/** Adds the person to the group, or changes their role there (admins only; audited). */
export async function setGroupMember(ctx: Context, input: unknown): Promise<GroupMemberDoc> {
  const viewer = requireViewer(ctx);
  if (!canManageGroups(viewer)) throw new NotAuthorizedError('only admins change who is in a group');
  const data = parseInput(setGroupMemberInput, input);
  await requireGroup(data.group, 'group');
  const expert = await findExpertById(data.expertId);
  if (!expert) throw new NotFoundError('expertId', 'expert', data.expertId);
  const _id = membershipId(data.group, data.expertId);
  const before = await GroupMember.findById(_id).lean<GroupMemberDoc>();
  // One keyed record (schema/mark.ts): racing admins both end with one membership.
  const saved = await updateCreating<GroupMemberDoc>(GroupMember, _id, { group: data.group, expert: expert._id, role: data.role, addedBy: viewer.id }, { $set: { role: data.role } });
  if (before?.role !== data.role) await record('group.member-set', viewer.id, expert._id, { from: before?.role ?? null, to: data.role, group: data.group });
  return saved;
}

/** Takes the person out of the group (admins only; audited); answers the group (the same whether they were in it or not). */
export async function removeGroupMember(ctx: Context, input: unknown): Promise<GroupDoc> {
  const viewer = requireViewer(ctx);
  if (!canManageGroups(viewer)) throw new NotAuthorizedError('only admins change who is in a group');
  const data = parseInput(removeGroupMemberInput, input);
  const group = await requireGroup(data.group, 'group');
  const removed = await GroupMember.findByIdAndDelete(membershipId(data.group, data.expertId)).lean<GroupMemberDoc>();
  if (removed) await record('group.member-removed', viewer.id, removed.expert, { from: removed.role, group: data.group });
  return group;
}
