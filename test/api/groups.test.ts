import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../schema/audit/model.ts';
import { GroupMember } from '../../schema/group/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { loadGroups } from '../../seeds/groups.ts';
import { signInPeople } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createReferenceData } from '../helpers/factories.ts';
import { graphql } from '../helpers/graphql.ts';

/* Issue 13, item 2: the working group's five groups, and admins deciding who is in which (audited). */

useTestDatabase();
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
const SECURITY = 'nhom-an-toan-an-ninh-mang';
type Who = 'admin1' | 'member' | 'mod1' | 'person' | null;
const as = (who: Who) => (who ? { cookie: cookies[who] } : {});
const gid = (id: string) => Buffer.from(`Expert:${id}`).toString('base64url');

async function mutate(name: string, input: Record<string, unknown>, who: Who) {
  const upper = `${name[0]!.toUpperCase()}${name.slice(1)}`;
  const response = await graphql(`mutation ($input: ${upper}Input!) { ${name}(input: $input) { __typename ... on Error { code } } }`, { input }, as(who));
  return response.data?.[name] ?? { code: response.errors?.[0]?.extensions?.code };
}
const GROUP = `query ($slug: String!) { group(slug: $slug) { slug viewerRole members { role expert { handle } } } }`;
const groupAs = async (who: Who) => (await graphql(GROUP, { slug: SECURITY }, as(who))).data.group;
const memberships = () => GroupMember.countDocuments({ group: SECURITY, expert: ids.person });

beforeAll(async () => {
  await createReferenceData();
  await loadGroups();
  await signInPeople({ admin1: 'admin', member: 'member', mod1: 'moderator', person: 'member' }, cookies, ids);
});
beforeEach(() => resetRateLimits());

describe('Working groups', () => {
  it('are the standing group, the resources group and the three expert groups, in their order', async () => {
    const { data } = await graphql(`{ groups { slug kind discussionAccess } }`, {}, as('member'));
    expect(data.groups).toEqual([
      { slug: 'to-thuong-truc', kind: 'STANDING', discussionAccess: 'MEMBERS' },
      { slug: 'nhom-nguon-luc', kind: 'RESOURCES', discussionAccess: 'MEMBERS' },
      { slug: 'nhom-giai-phap-cong-nghe', kind: 'EXPERT', discussionAccess: 'PUBLIC' },
      { slug: SECURITY, kind: 'EXPERT', discussionAccess: 'MEMBERS' },
      { slug: 'nhom-chinh-sach-the-che', kind: 'EXPERT', discussionAccess: 'PUBLIC' },
    ]);
  });

  it('an admin adds a person, makes them lead and takes them out, each change audited with the group', async () => {
    expect((await mutate('setGroupMember', { group: SECURITY, expertId: gid(ids.person!), role: 'MEMBER' }, 'admin1')).__typename).toBe('SetGroupMemberPayload');
    expect(await groupAs('person')).toMatchObject({ viewerRole: 'MEMBER', members: [{ role: 'MEMBER', expert: { handle: 'person' } }] });
    await mutate('setGroupMember', { group: SECURITY, expertId: gid(ids.person!), role: 'LEAD' }, 'admin1');
    expect((await groupAs('person')).viewerRole).toBe('LEAD');
    const profile = await graphql(`{ expert(handle: "person") { groups { role group { slug } } } }`, {}, as('member'));
    expect(profile.data.expert.groups).toEqual([{ role: 'LEAD', group: { slug: SECURITY } }]);
    expect((await mutate('removeGroupMember', { group: SECURITY, expertId: gid(ids.person!) }, 'admin1')).__typename).toBe('RemoveGroupMemberPayload');
    expect(await groupAs('person')).toMatchObject({ viewerRole: null, members: [] });
    const audited = await AuditEntry.find({ subject: ids.person, group: SECURITY }).sort({ createdAt: 1, _id: 1 }).lean();
    expect(audited.map((e) => e.action)).toEqual(['group.member-set', 'group.member-set', 'group.member-removed']);
  });

  it('refuses everyone but admins, changing nothing', async () => {
    for (const who of ['member', 'mod1', null] as const) {
      expect((await mutate('setGroupMember', { group: SECURITY, expertId: gid(ids[who ?? 'member']!), role: 'LEAD' }, who)).code).toBe('NOT_AUTHORIZED');
      expect((await mutate('removeGroupMember', { group: SECURITY, expertId: gid(ids.person!) }, who)).code).toBe('NOT_AUTHORIZED');
    }
    expect(await GroupMember.countDocuments({ group: SECURITY })).toBe(0);
  });

  it('racing admins leave one membership', async () => {
    const roles = ['MEMBER', 'LEAD', 'MEMBER', 'LEAD', 'MEMBER', 'LEAD'];
    const answers = await Promise.all(roles.map((role) => mutate('setGroupMember', { group: SECURITY, expertId: gid(ids.person!), role }, 'admin1')));
    expect(answers.map((a) => a.__typename)).toEqual(roles.map(() => 'SetGroupMemberPayload'));
    expect(await memberships()).toBe(1);
  });

  it('shows its people to signed-in members only', async () => {
    expect((await groupAs('member')).members.map((m: { expert: { handle: string } }) => m.expert.handle)).toEqual(['person']);
    expect(await groupAs(null)).toEqual({ slug: SECURITY, viewerRole: null, members: [] });
    const profile = await graphql(`{ expert(handle: "person") { groups { role } } }`, {}, as(null));
    expect(profile.data?.expert?.groups ?? []).toEqual([]);
  });

  it('says NOT_FOUND for an unknown group or person, and refuses a malformed one, changing nothing', async () => {
    const before = await GroupMember.countDocuments({});
    expect((await mutate('setGroupMember', { group: 'khong-co-nhom', expertId: gid(ids.member!), role: 'MEMBER' }, 'admin1')).code).toBe('NOT_FOUND');
    expect((await mutate('setGroupMember', { group: SECURITY, expertId: gid('0123456789abcdef01234567'), role: 'MEMBER' }, 'admin1')).code).toBe('NOT_FOUND');
    expect((await mutate('removeGroupMember', { group: 'khong-co-nhom', expertId: gid(ids.member!) }, 'admin1')).code).toBe('NOT_FOUND');
    expect((await mutate('setGroupMember', { group: '$where', expertId: gid(ids.member!), role: 'MEMBER' }, 'admin1')).__typename).toBe('ValidationError');
    expect((await graphql(`{ group(slug: "khong-co-nhom") { slug } }`, {}, as('member'))).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await GroupMember.countDocuments({})).toBe(before);
  });
});
