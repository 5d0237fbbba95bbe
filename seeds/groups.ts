// The working group's groups (reference data) and who is in them in the demo.
import { Group, GroupMember } from '../schema/group/model.ts';
import { demoExpertId, readData } from './records.ts';
import { addMissingUnits, type DemoUnit, resetUnits, type SyncReport, sync } from './sync.ts';

export interface GroupRecord {
  slug: string;
  kind: string;
  name: string;
  nameEn: string;
  purpose: string;
  purposeEn: string;
  discussionAccess: string;
}

export interface GroupMembersRecord {
  group: string;
  /** Handles of demo people. */
  leads: string[];
  members: string[];
}

/** The five groups every install has (seeds/data/groups.json), in their order. */
export function loadGroups(): Promise<SyncReport> {
  const docs = readData<GroupRecord>('groups.json').map(({ slug, ...group }, order) => ({ _id: slug, ...group, order }));
  return sync(Group, docs);
}

/** The demo's members and leads of each group; each membership a unit of its own, keyed like the API's. */
export async function loadDemoGroupMembers(options: { reset?: boolean } = {}): Promise<SyncReport[]> {
  const joined = new Date('2026-03-02T02:00:00Z');
  const units: DemoUnit[] = readData<GroupMembersRecord>('group-members.json').flatMap((g) =>
    [...g.leads.map((handle) => [handle, 'lead'] as const), ...g.members.map((handle) => [handle, 'member'] as const)].map(([handle, role]) => {
      const expert = demoExpertId(handle);
      return { head: { _id: `${g.group}:${String(expert)}`, group: g.group, expert, role, addedBy: null, createdAt: joined, updatedAt: joined }, parts: [] };
    }),
  );
  return options.reset ? resetUnits(GroupMember, units) : addMissingUnits(GroupMember, units);
}
