import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../schema/audit/model.ts';
import { EnterpriseProfile } from '../../schema/enterprise/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Organization } from '../../schema/organization/model.ts';
import { organizationKindRank } from '../../schema/organization/service.ts';
import { Practice } from '../../schema/practice/model.ts';
import { fold, foldedTokens } from '../../schema/search/fold.ts';
import { globalId, signInPeople } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createReferenceData } from '../helpers/factories.ts';
import { graphql } from '../helpers/graphql.ts';

useTestDatabase();

const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

const enterpriseOrg = (slug: string, name: string, shortName: string) => ({
  _id: slug,
  name,
  shortName,
  kind: 'enterprise' as const,
  kindRank: organizationKindRank('enterprise'),
  place: 'ha-noi',
  current: true,
  sortName: fold(name),
  searchTokens: foldedTokens(name),
});

beforeAll(async () => {
  await createReferenceData();
  await Organization.insertMany([
    enterpriseOrg('vnpt', 'Tập đoàn Bưu chính Viễn thông Việt Nam', 'VNPT'),
    enterpriseOrg('viettel-cyber-security', 'Công ty An ninh mạng Viettel', 'Viettel Cyber Security'),
    enterpriseOrg('cmc', 'Tập đoàn Công nghệ CMC', 'CMC'),
    enterpriseOrg('misa', 'Công ty Cổ phần MISA', 'MISA'),
  ]);
  await signInPeople({ member: 'member', curator: 'curator', admin: 'admin', moderator: 'moderator' }, cookies, ids);
});
beforeEach(() => resetRateLimits());

const as = (who: string | null) => (who ? { cookie: cookies[who]! } : {});
const RESULT = '__typename ... on Error { code message } ... on ValidationError { fieldErrors { path code } }';
const FIELDS = 'slug name capabilities description website allianceMember allianceSince pilots { place { code } role } practices { role practice { title } } contact { handle } viewerCanEdit';

async function mutate(name: string, input: Record<string, unknown>, who: string | null) {
  const upper = `${name[0]!.toUpperCase()}${name.slice(1)}`;
  const response = await graphql(`mutation ($input: ${upper}Input!) { ${name}(input: $input) { ${RESULT} ... on ${upper}Payload { enterprise { ${FIELDS} } } } }`, { input }, as(who));
  expect(response.errors).toBeUndefined();
  return response.data[name];
}
const update = (input: Record<string, unknown>, who: string | null = 'curator') => mutate('updateEnterpriseProfile', input, who);

async function directory(filter: Record<string, unknown> = {}, who: string | null = null) {
  const response = await graphql(
    `query ($filter: EnterpriseFilter) {
      enterprises(filter: $filter, first: 20) { totalCount edges { node { slug } } }
      enterpriseFacets(filter: $filter) { capabilities { capability count } places { place { code } count } allianceMembers }
    }`,
    { filter },
    as(who),
  );
  expect(response.errors).toBeUndefined();
  const { enterprises, enterpriseFacets } = response.data;
  return {
    slugs: enterprises.edges.map((e: { node: { slug: string } }) => e.node.slug) as string[],
    total: enterprises.totalCount as number,
    capabilities: Object.fromEntries(enterpriseFacets.capabilities.map((c: { capability: string; count: number }) => [c.capability, c.count])),
    places: Object.fromEntries(enterpriseFacets.places.map((c: { place: { code: string }; count: number }) => [c.place.code, c.count])),
    allianceMembers: enterpriseFacets.allianceMembers as number,
  };
}

let serial = 0;
async function practice(status: 'draft' | 'submitted' | 'published' | 'hidden') {
  const created = await Practice.create({
    title: `Nền tảng dùng chung ${++serial}`,
    authors: [ids.member!],
    organization: 'cuc-cds',
    place: 'ha-noi',
    status,
    publishedAt: status === 'published' ? new Date() : null,
    version: 1,
  });
  return String(created._id);
}

describe('Enterprise profiles', () => {
  beforeAll(async () => {
    // The directory the filter tests read: three profiles written through the API.
    const a = await update({
      organization: 'vnpt',
      capabilities: ['DATA_PLATFORM', 'CLOUD', 'CRYPTOGRAPHY'],
      description: 'Cung cấp nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh và ký số từ xa.',
      website: 'https://vnpt.vn',
      pilots: [{ place: 'da-nang', role: 'Triển khai LGSP', roleEn: 'Deploys the LGSP' }],
      allianceMember: true,
      allianceSince: 2019,
    });
    expect(a.__typename).toBe('UpdateEnterpriseProfilePayload');
    const b = await update(
      {
        organization: 'viettel-cyber-security',
        capabilities: ['CYBERSECURITY', 'CLOUD'],
        description: 'Giám sát an toàn thông tin (SOC) cho nhiều tỉnh.',
        allianceMember: true,
        allianceSince: 2020,
        pilots: [{ place: 'da-nang', role: 'Vận hành SOC' }],
      },
      'admin',
    );
    expect(b.__typename).toBe('UpdateEnterpriseProfilePayload');
    const c = await update({ organization: 'cmc', capabilities: ['CLOUD'], description: 'Hạ tầng đám mây cho cơ quan nhà nước.', pilots: [{ place: 'ha-noi', role: 'Cho thuê hạ tầng' }] });
    expect(c.__typename).toBe('UpdateEnterpriseProfilePayload');
  });

  it('lists the directory and reads a profile when nobody is signed in', async () => {
    const all = await directory();
    expect(all.slugs).toEqual(['cmc', 'viettel-cyber-security', 'vnpt']);
    const response = await graphql(`query { enterprise(slug: "vnpt") { ${FIELDS} } organization(slug: "vnpt") { enterprise { slug } } misa: organization(slug: "misa") { enterprise { slug } } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.enterprise).toMatchObject({
      name: 'Tập đoàn Bưu chính Viễn thông Việt Nam',
      capabilities: ['DATA_PLATFORM', 'CLOUD', 'CRYPTOGRAPHY'],
      allianceMember: true,
      allianceSince: 2019,
      viewerCanEdit: false,
      pilots: [{ place: { code: 'da-nang' }, role: 'Triển khai LGSP' }],
    });
    expect(response.data.organization.enterprise.slug).toBe('vnpt');
    // An enterprise without a profile yet has none.
    expect(response.data.misa.enterprise).toBeNull();
  });

  it('filters by every capability ticked, pilot province, alliance and folded words, with counts beside each capability', async () => {
    const all = await directory();
    expect(all.capabilities).toMatchObject({ CLOUD: 3, CYBERSECURITY: 1, DATA_PLATFORM: 1, CRYPTOGRAPHY: 1, AI: 0 });
    expect(all.places).toEqual({ 'da-nang': 2, 'ha-noi': 1 });
    expect(all.allianceMembers).toBe(2);

    const cloudAndCrypto = await directory({ capabilities: ['CLOUD', 'CRYPTOGRAPHY'] });
    expect(cloudAndCrypto.slugs).toEqual(['vnpt']);
    expect(cloudAndCrypto.capabilities).toMatchObject({ CLOUD: 1, CRYPTOGRAPHY: 1, CYBERSECURITY: 0 });

    expect((await directory({ place: 'da-nang' })).slugs).toEqual(['viettel-cyber-security', 'vnpt']);
    // Quảng Nam merged into Đà Nẵng in 2025: its code finds Đà Nẵng's enterprises.
    expect((await directory({ place: 'quang-nam' })).slugs).toEqual(['viettel-cyber-security', 'vnpt']);
    expect((await directory({ alliance: true, place: 'da-nang', capabilities: ['CLOUD'] })).slugs).toEqual(['viettel-cyber-security', 'vnpt']);
    expect((await directory({ alliance: false })).slugs).toEqual(['cmc']);
    // Diacritics optional, words of the name or the description.
    expect((await directory({ search: 'an ninh mang' })).slugs).toEqual(['viettel-cyber-security']);
    expect((await directory({ search: 'chia sẻ dữ liệu' })).slugs).toEqual(['vnpt']);
    const cloudSearch = await directory({ search: 'dam may' });
    expect(cloudSearch.slugs).toEqual(['cmc']);
    expect(cloudSearch.total).toBe(1);
  });

  it('refuses a filter on an unknown place or capability', async () => {
    const place = await graphql('query { enterprises(filter: { place: "atlantis" }) { totalCount } }');
    expect(place.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const capability = await graphql('query { enterprises(filter: { capabilities: [TELEPATHY] }) { totalCount } }');
    expect(capability.errors?.length).toBeGreaterThan(0);
    expect(capability.data ?? null).toBeNull();
  });

  it('lets only curators and admins edit, and writes each edit to the audit log', async () => {
    for (const who of [null, 'member', 'moderator']) {
      const refused = await update({ organization: 'vnpt', description: 'Sửa trái phép' }, who);
      expect(refused.__typename).toBe('NotAuthorizedError');
    }
    expect((await EnterpriseProfile.findById('vnpt').lean())!.description).toContain('nền tảng tích hợp');
    const before = await AuditEntry.countDocuments({ action: 'enterprise.updated', organization: 'vnpt' });
    const changed = await update({ organization: 'vnpt', website: null, capabilities: ['CRYPTOGRAPHY', 'DATA_PLATFORM', 'CLOUD', 'E_IDENTIFICATION'] });
    expect(changed.enterprise).toMatchObject({ website: null, capabilities: ['DATA_PLATFORM', 'CLOUD', 'CRYPTOGRAPHY', 'E_IDENTIFICATION'], viewerCanEdit: true });
    const entries = await AuditEntry.find({ action: 'enterprise.updated', organization: 'vnpt' }).sort({ createdAt: -1 }).lean();
    expect(entries.length).toBe(before + 1);
    expect(String(entries[0]!.actor)).toBe(ids.curator);
    expect(entries[0]!.to).toContain('capabilities');
    const log = await graphql('query { auditLog(first: 5, action: ENTERPRISE_UPDATED) { edges { node { organization { slug } } } } }', {}, as('admin'));
    expect(log.errors).toBeUndefined();
    expect(log.data.auditLog.edges[0].node.organization.slug).toBe('vnpt');
  });

  it('refuses an unknown capability, a pilot place that is not current, a non-enterprise and a member without a year, changing nothing', async () => {
    const capability = await graphql('mutation { updateEnterpriseProfile(input: { organization: "cmc", capabilities: [TELEPATHY] }) { __typename } }', {}, as('curator'));
    expect(capability.errors?.length).toBeGreaterThan(0);

    const former = await update({
      organization: 'cmc',
      description: 'Mô tả mới',
      pilots: [
        { place: 'quang-nam', role: 'Cho thuê hạ tầng' },
        { place: 'atlantis', role: 'Không có' },
      ],
    });
    expect(former.__typename).toBe('ValidationError');
    expect(former.fieldErrors).toEqual([
      { path: 'pilots.0.place', code: 'UNKNOWN' },
      { path: 'pilots.1.place', code: 'UNKNOWN' },
    ]);
    const ministry = await update({ organization: 'bo-khcn', capabilities: ['CLOUD'] });
    expect(ministry.fieldErrors).toEqual([{ path: 'organization', code: 'NOT_ENTERPRISE' }]);
    expect((await update({ organization: 'khong-co', capabilities: ['CLOUD'] })).__typename).toBe('NotFoundError');
    const noYear = await update({ organization: 'cmc', allianceMember: true });
    expect(noYear.fieldErrors).toEqual([{ path: 'allianceSince', code: 'INVALID' }]);
    const tooEarly = await update({ organization: 'cmc', allianceMember: true, allianceSince: 2001 });
    expect(tooEarly.fieldErrors).toEqual([{ path: 'allianceSince', code: 'INVALID' }]);

    const cmc = (await EnterpriseProfile.findById('cmc').lean())!;
    expect(cmc).toMatchObject({ description: 'Hạ tầng đám mây cho cơ quan nhà nước.', allianceMember: false, pilotPlaces: ['ha-noi'], capabilities: ['cloud'] });
    expect(await EnterpriseProfile.exists({ _id: 'bo-khcn' })).toBeNull();
  });

  it('names a contact member of the network and refuses an unknown one', async () => {
    const named = await update({ organization: 'cmc', contactHandle: 'member' });
    expect(named.enterprise.contact).toEqual({ handle: 'member' });
    const unknown = await update({ organization: 'cmc', contactHandle: 'khong-ai' });
    expect(unknown.fieldErrors).toEqual([{ path: 'contactHandle', code: 'UNKNOWN' }]);
    expect((await EnterpriseProfile.findById('cmc').lean())!.contact).not.toBeNull();
    expect((await update({ organization: 'cmc', contactHandle: null })).enterprise.contact).toBeNull();
  });
});

describe('Enterprise practices', () => {
  const link = (practiceId: string, role = 'Cung cấp nền tảng', who: string | null = 'curator', enterprise = 'vnpt') =>
    mutate('linkEnterprisePractice', { enterprise, practiceId: globalId('Practice', practiceId), role }, who);
  const practiceEnterprises = async (id: string, who: string | null = null) => {
    const response = await graphql('query ($id: ID!) { practice(id: $id) { enterprises { role enterprise { slug } } } }', { id: globalId('Practice', id) }, as(who));
    expect(response.errors).toBeUndefined();
    return response.data.practice?.enterprises ?? null;
  };
  const profilePractices = async (slug = 'vnpt') => (await graphql(`query { enterprise(slug: "${slug}") { practices { role practice { id } } } }`)).data.enterprise.practices as unknown[];

  beforeAll(async () => {
    if (!(await EnterpriseProfile.exists({ _id: 'vnpt' }))) await update({ organization: 'vnpt', capabilities: ['DATA_PLATFORM'] });
    if (!(await EnterpriseProfile.exists({ _id: 'viettel-cyber-security' }))) await update({ organization: 'viettel-cyber-security', capabilities: ['CYBERSECURITY'] });
  });

  it('links a published practice both ways, with the enterprise’s part, and changes the part on a second link', async () => {
    const published = await practice('published');
    expect((await link(published)).__typename).toBe('LinkEnterprisePracticePayload');
    expect((await link(published, 'Giám sát an toàn', 'admin', 'viettel-cyber-security')).__typename).toBe('LinkEnterprisePracticePayload');
    expect(await practiceEnterprises(published)).toEqual([
      { role: 'Giám sát an toàn', enterprise: { slug: 'viettel-cyber-security' } },
      { role: 'Cung cấp nền tảng', enterprise: { slug: 'vnpt' } },
    ]);
    await link(published, 'Cung cấp nền tảng và ký số');
    expect((await practiceEnterprises(published))[1]).toEqual({ role: 'Cung cấp nền tảng và ký số', enterprise: { slug: 'vnpt' } });
    expect((await profilePractices()).length).toBe(1);
    expect(await AuditEntry.countDocuments({ action: 'enterprise.practice-linked', practice: published })).toBe(3);

    const unlinked = await mutate('unlinkEnterprisePractice', { enterprise: 'vnpt', practiceId: globalId('Practice', published) }, 'curator');
    expect(unlinked.enterprise.practices).toEqual([]);
    expect(await practiceEnterprises(published)).toEqual([{ role: 'Giám sát an toàn', enterprise: { slug: 'viettel-cyber-security' } }]);
  });

  it('refuses to link a draft, a submitted or a hidden practice, and refuses members', async () => {
    for (const status of ['draft', 'submitted', 'hidden'] as const) {
      const refused = await link(await practice(status));
      expect(refused.__typename).toBe('NotFoundError');
    }
    const published = await practice('published');
    expect((await link(published, 'Cung cấp nền tảng', 'member')).__typename).toBe('NotAuthorizedError');
    expect((await link(published, 'x')).fieldErrors).toEqual([{ path: 'role', code: 'TOO_SHORT' }]);
    expect((await link(published, 'Cung cấp nền tảng', 'curator', 'khong-co')).__typename).toBe('NotFoundError');
    expect(await practiceEnterprises(published)).toEqual([]);
  });

  it('stops showing a linked practice on both sides once it is hidden or unpublished', async () => {
    const published = await practice('published');
    await link(published, 'Cung cấp đám mây');
    const count = (await profilePractices()).length;
    await Practice.updateOne({ _id: published }, { $set: { status: 'hidden' } });
    expect((await profilePractices()).length).toBe(count - 1);
    // Its author still reads the hidden practice, without its enterprises; the public does not read it at all.
    expect(await practiceEnterprises(published, 'member')).toEqual([]);
    expect((await graphql('query ($id: ID!) { practice(id: $id) { id } }', { id: globalId('Practice', published) })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await Practice.updateOne({ _id: published }, { $set: { status: 'published' } });
    expect((await profilePractices()).length).toBe(count);
  });
});
