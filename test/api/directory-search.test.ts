import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Expert } from '../../schema/expert/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Organization } from '../../schema/organization/model.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';
import { ensureIndexes } from '../../server/db/connection.ts';

/*
 * The directory grown up (issue 12): one search box over names, positions, organisations (names
 * and acronyms), specialties and bios, diacritics optional; filters combined, with the count
 * beside each choice; sorted by name or by recent activity.
 */

useTestDatabase();
beforeEach(() => resetRateLimits());

const SEARCH = /* GraphQL */ `
  query Search($filter: ExpertFilter, $sort: ExpertSort) {
    experts(filter: $filter, sort: $sort, first: 50) { totalCount edges { node { handle } } }
  }
`;
const FACETS = /* GraphQL */ `
  query Facets($filter: ExpertFilter) {
    expertFacets(filter: $filter) {
      places { place { code } count }
      organizations { organization { slug } count }
      specialties { specialty { slug } count }
      cohorts { cohort { slug } count }
      verified
    }
  }
`;

const cookies: Record<string, string> = {};

async function search(filter: Record<string, unknown>, sort?: string): Promise<string[]> {
  const response = await graphql(SEARCH, { filter, sort });
  expect(response.errors).toBeUndefined();
  expect(response.data.experts.totalCount).toBe(response.data.experts.edges.length);
  return response.data.experts.edges.map((e: any) => e.node.handle);
}

beforeAll(async () => {
  await createReferenceData();
  await Organization.updateOne({ _id: 'bo-khcn' }, { $set: { shortName: 'Bộ KH&CN' } });
  // Security specialists whose profile text never says so: only their specialty does.
  await createExpert({
    handle: 'hoa',
    name: 'Nguyễn Thị Hoa',
    position: 'Chuyên viên',
    organization: 'so-khcn-da-nang',
    place: 'da-nang',
    specialties: ['an-toan-thong-tin'],
    cohorts: ['cds-500-2023'],
  });
  await createExpert({ handle: 'khanh', name: 'Lê Văn Khánh', position: 'Kỹ sư', organization: 'so-tttt-quang-nam', place: 'quang-nam', specialties: ['an-toan-thong-tin', 'du-lieu-so'] });
  // One who says it in their position, with another specialty.
  await createExpert({ handle: 'long', name: 'Phạm Văn Long', position: 'Trưởng phòng An toàn thông tin', organization: 'cuc-cds', place: 'ha-noi', specialties: ['du-lieu-so'] });
  // Neither.
  await createExpert({ handle: 'mai', name: 'Đỗ Thị Mai', position: 'Phó Giám đốc', organization: 'bo-khcn', place: 'ha-noi', specialties: ['du-lieu-so'], cohorts: ['cpdt-100-2019'] });
  const mai = await Expert.findOne({ handle: 'mai' }).lean();
  await Expert.updateOne({ handle: 'hoa' }, { $set: { verifiedAt: new Date('2024-01-01') } });
  await Expert.updateOne({ handle: 'mai' }, { $set: { verifiedAt: new Date('2024-01-01') } });
  cookies.mai = await sessionCookieFor(String(mai!._id));
  // Her bio, written through her profile, is searchable.
  const saved = await graphql(
    `mutation { updateProfile(input: { bio: "Tôi triển khai điện toán đám mây cho các sở." }) { ... on UpdateProfilePayload { expert { handle } } } }`,
    {},
    { cookie: cookies.mai },
  );
  expect(saved.errors).toBeUndefined();
});

describe('Directory search', () => {
  it('finds everyone whose specialty is An toàn thông tin by typing it without diacritics, as many as the specialty filter', async () => {
    const bySpecialty = await search({ specialty: 'an-toan-thong-tin' });
    expect(bySpecialty.sort()).toEqual(['hoa', 'khanh']);
    const typed = await search({ query: 'an toan thong tin' });
    // The specialists, and the one whose position says it.
    expect(typed.sort()).toEqual(['hoa', 'khanh', 'long']);
    expect(typed).toEqual(expect.arrayContaining(bySpecialty));
  });

  it('finds the same people with diacritics and by the acronym ATTT', async () => {
    const plain = (await search({ query: 'an toan thong tin' })).sort();
    expect((await search({ query: 'An toàn thông tin' })).sort()).toEqual(plain);
    expect((await search({ query: 'ATTT' })).sort()).toEqual(plain);
  });

  it('finds people by the English name of their specialty', async () => {
    expect((await search({ query: 'cybersecurity' })).sort()).toEqual(['hoa', 'khanh']);
  });

  it('finds people by their organisation’s name, its short name’s acronym and the field’s acronyms', async () => {
    expect(await search({ query: 'khcn' })).toEqual(['mai']);
    expect(await search({ query: 'cục chuyển đổi số' })).toEqual(['long']);
    expect(await search({ query: 'cds' })).toEqual(['long']);
  });

  it('finds people by words of their bio, and by their position', async () => {
    expect(await search({ query: 'dien toan dam may' })).toEqual(['mai']);
    expect(await search({ query: 'pho giam doc' })).toEqual(['mai']);
  });

  it('needs every word to match somewhere: a specialty word and a place word of the organisation together', async () => {
    expect(await search({ query: 'an toan da nang' })).toEqual(['hoa']);
    expect(await search({ query: 'an toan thong tin zzz' })).toEqual([]);
  });
});

describe('Directory filters and counts', () => {
  it('combines the search with filters: a province with its predecessors, verified only', async () => {
    expect((await search({ query: 'an toan thong tin', place: 'da-nang' })).sort()).toEqual(['hoa', 'khanh']);
    expect(await search({ query: 'an toan thong tin', place: 'da-nang', verified: true })).toEqual(['hoa']);
    expect(await search({ organization: 'bo-khcn' })).toEqual(expect.arrayContaining(['long', 'mai']));
  });

  it('counts the people beside each choice, each filter counting with the others applied but not itself', async () => {
    const response = await graphql(FACETS, { filter: { query: 'an toan thong tin', specialty: 'an-toan-thong-tin' } });
    expect(response.errors).toBeUndefined();
    const facets = response.data.expertFacets;
    // Specialties ignore the chosen specialty: the three matching the words, by specialty.
    expect(facets.specialties).toEqual([
      { specialty: { slug: 'an-toan-thong-tin' }, count: 2 },
      { specialty: { slug: 'du-lieu-so' }, count: 2 },
    ]);
    // Places apply the specialty: Quảng Nam's specialist counts for Đà Nẵng, its successor.
    expect(facets.places).toEqual([{ place: { code: 'da-nang' }, count: 2 }]);
    // The department of Quảng Nam merged into Đà Nẵng's.
    expect(facets.organizations).toEqual([{ organization: { slug: 'so-khcn-da-nang' }, count: 2 }]);
    expect(facets.cohorts).toEqual([{ cohort: { slug: 'cds-500-2023' }, count: 1 }]);
    expect(facets.verified).toBe(1);
    // The counts say what the list would show.
    expect(await search({ query: 'an toan thong tin', specialty: 'an-toan-thong-tin', verified: true })).toHaveLength(facets.verified);
  });

  it('keeps a chosen value nobody holds, with 0, and refuses unknown ones naming the filter field', async () => {
    const response = await graphql(FACETS, { filter: { query: 'zzz', cohort: 'cpdt-100-2019' } });
    expect(response.data.expertFacets.cohorts).toEqual([{ cohort: { slug: 'cpdt-100-2019' }, count: 0 }]);
    const unknown = await graphql(FACETS, { filter: { specialty: 'khong-co' } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.specialty' });
  });
});

describe('Directory order', () => {
  it('sorts by given name, or by who last wrote something others can see', async () => {
    expect(await search({})).toEqual(['hoa', 'khanh', 'long', 'mai']);
    const started = await graphql(
      `mutation { createThread(input: { kind: QUESTION, title: "Hỏi về điện toán đám mây cho sở" }) { ... on CreateThreadPayload { thread { id } } } }`,
      {},
      { cookie: cookies.mai },
    );
    expect(started.errors).toBeUndefined();
    const byActivity = await search({}, 'ACTIVITY');
    expect(byActivity[0]).toBe('mai');
    expect(byActivity.sort()).toEqual(['hoa', 'khanh', 'long', 'mai']);
  });

  it('sorts by reputation, highest first and ties by name, paging without gaps', async () => {
    await Expert.updateOne({ handle: 'long' }, { $set: { reputation: 25 } });
    await Expert.updateOne({ handle: 'khanh' }, { $set: { reputation: 10 } });
    expect(await search({}, 'REPUTATION')).toEqual(['long', 'khanh', 'hoa', 'mai']);
    const first = await graphql(`{ experts(sort: REPUTATION, first: 3) { pageInfo { endCursor } edges { node { handle } } } }`);
    const next = await graphql(`query ($after: String) { experts(sort: REPUTATION, first: 3, after: $after) { edges { node { handle } } } }`, { after: first.data.experts.pageInfo.endCursor });
    expect([...first.data.experts.edges, ...next.data.experts.edges].map((e: any) => e.node.handle)).toEqual(['long', 'khanh', 'hoa', 'mai']);
  });

  it('pages through the activity order without gaps or repeats', async () => {
    const all = await search({}, 'ACTIVITY');
    const first = await graphql(`{ experts(sort: ACTIVITY, first: 2) { pageInfo { endCursor hasNextPage } edges { node { handle } } } }`);
    const next = await graphql(`query ($after: String) { experts(sort: ACTIVITY, first: 2, after: $after) { edges { node { handle } } } }`, { after: first.data.experts.pageInfo.endCursor });
    expect([...first.data.experts.edges, ...next.data.experts.edges].map((e: any) => e.node.handle)).toEqual(all);
  });
});

describe('Profiles stored before the grown-up directory', () => {
  it('get their joining as last activity and their bio searchable at start-up', async () => {
    const old = await createExpert({ handle: 'nam', name: 'Vũ Văn Nam', specialties: ['du-lieu-so'] });
    // As stored before: no last activity, tokens without the bio.
    await Expert.collection.updateOne({ _id: old._id }, { $set: { bio: 'Chuyên về kho dữ liệu dân cư.' }, $unset: { lastActiveAt: '' } });
    expect(await search({ query: 'dan cu' })).toEqual([]);

    await ensureIndexes();

    expect(await search({ query: 'dan cu' })).toEqual(['nam']);
    const stored = await Expert.findById(old._id).lean();
    expect(stored!.lastActiveAt).toBe(stored!.joinedAt.getTime());
    // Paging by activity reaches them with a cursor like anyone's.
    const all = await search({}, 'ACTIVITY');
    expect(all).toContain('nam');
    const first = await graphql(`{ experts(sort: ACTIVITY, first: ${all.indexOf('nam') + 1}) { pageInfo { endCursor } } }`);
    const rest = await graphql(`query ($after: String) { experts(sort: ACTIVITY, first: 50, after: $after) { edges { node { handle } } } }`, { after: first.data.experts.pageInfo.endCursor });
    expect(rest.errors).toBeUndefined();
    expect(rest.data.experts.edges.map((e: any) => e.node.handle)).toEqual(all.slice(all.indexOf('nam') + 1));
  });
});
