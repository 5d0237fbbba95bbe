import { beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS, resetRateLimits } from '../../schema/limits.ts';
import { Practice } from '../../schema/practice/model.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql } from '../helpers/graphql.ts';

/*
 * The practice list's facets (several values of one facet: any of them; facets: all of them),
 * the counts beside each value, and its three orders with cursors. The reference data has
 * Quảng Nam merged into Đà Nẵng, and a ministry (bo-khcn) with a unit (cuc-cds) and a former
 * ministry merged into it (bo-tttt); so-tttt-quang-nam's successor is so-khcn-da-nang.
 */

useTestDatabase();

beforeAll(async () => {
  await createReferenceData();
  const author = await createExpert({ handle: 'tacgia' });
  const published = (title: string, fields: Record<string, unknown>) => ({ title, authors: [author._id], status: 'published', ...fields });
  await Practice.insertMany([
    published('P1 Đà Nẵng dữ liệu', {
      topics: ['du-lieu-so'],
      place: 'da-nang',
      organization: 'so-khcn-da-nang',
      level: 'province',
      stage: 'operating',
      year: 2024,
      endorsementCount: 5,
      discussionCount: 2,
      publishedAt: new Date('2025-03-01'),
    }),
    published('P2 Quảng Nam cũ', {
      topics: ['du-lieu-so', 'an-toan-thong-tin'],
      place: 'quang-nam',
      organization: 'so-tttt-quang-nam',
      level: 'province',
      stage: 'pilot',
      year: 2023,
      endorsementCount: 9,
      discussionCount: 0,
      publishedAt: new Date('2025-02-01'),
    }),
    published('P3 Cục an toàn', {
      topics: ['an-toan-thong-tin'],
      place: 'ha-noi',
      organization: 'cuc-cds',
      level: 'ministry',
      stage: 'scaled',
      year: 2024,
      endorsementCount: 1,
      discussionCount: 2,
      publishedAt: new Date('2025-05-01'),
    }),
    published('P4 Bộ cũ dữ liệu', {
      topics: ['du-lieu-so'],
      place: 'ha-noi',
      organization: 'bo-tttt',
      level: 'ministry',
      stage: 'operating',
      year: 2022,
      endorsementCount: 5,
      discussionCount: 7,
      publishedAt: new Date('2025-04-01'),
    }),
    published('P5 Xã an toàn', {
      topics: ['an-toan-thong-tin'],
      place: 'da-nang',
      organization: 'so-khcn-da-nang',
      level: 'commune',
      stage: 'idea',
      year: 2025,
      endorsementCount: 0,
      discussionCount: 0,
      publishedAt: new Date('2025-06-01'),
    }),
    // Not published: in no list and no count.
    { title: 'Bản nháp', authors: [author._id], status: 'draft', topics: ['du-lieu-so'], place: 'da-nang', level: 'province' },
    { title: 'Chờ duyệt', authors: [author._id], status: 'submitted', topics: ['an-toan-thong-tin'], place: 'ha-noi', level: 'ministry', submittedAt: new Date() },
  ]);
});

const FACETS = `query ($filter: PracticeFilter) { practiceFacets(filter: $filter) {
  topics { topic { slug } count } places { place { code } count } organizations { organization { slug } count }
  levels { level count } stages { stage count } years { year count } } }`;
const LIST = `query ($filter: PracticeFilter, $sort: PracticeSort, $first: Int, $after: String, $last: Int, $before: String) {
  practices(filter: $filter, sort: $sort, first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { title } } } }`;

/** Each facet as { value: count }, for exact comparisons. */
async function facets(filter: Record<string, unknown> = {}) {
  const response = await graphql(FACETS, { filter });
  expect(response.errors).toBeUndefined();
  const f = response.data.practiceFacets;
  const table = (rows: any[], value: (row: any) => string | number) => Object.fromEntries(rows.map((row) => [value(row), row.count]));
  return {
    topics: table(f.topics, (r) => r.topic.slug),
    places: table(f.places, (r) => r.place.code),
    organizations: table(f.organizations, (r) => r.organization.slug),
    levels: table(f.levels, (r) => r.level),
    stages: table(f.stages, (r) => r.stage),
    years: table(f.years, (r) => r.year),
  };
}

const titles = async (filter: Record<string, unknown>, sort?: string) => {
  const response = await graphql(LIST, { filter, sort, first: 50 });
  expect(response.errors).toBeUndefined();
  return response.data.practices.edges.map((e: any) => e.node.title.split(' ')[0]);
};

describe('Practice facets', () => {
  it('counts every published practice once per value, a merged province’s under its successor and a unit’s under its ministry', async () => {
    expect(await facets()).toEqual({
      topics: { 'du-lieu-so': 3, 'an-toan-thong-tin': 3 },
      places: { 'da-nang': 3, 'ha-noi': 2 },
      // so-khcn-da-nang: its own two and its predecessor's; bo-khcn: its unit's and its predecessor's.
      organizations: { 'so-khcn-da-nang': 3, 'bo-khcn': 2, 'cuc-cds': 1 },
      levels: { PROVINCE: 2, MINISTRY: 2, COMMUNE: 1 },
      stages: { OPERATING: 2, PILOT: 1, SCALED: 1, IDEA: 1 },
      years: { 2025: 1, 2024: 2, 2023: 1, 2022: 1 },
    });
  });

  it('treats two values of one facet as either, and applies every other facet but not a facet’s own to its counts', async () => {
    const filter = { topics: ['du-lieu-so', 'an-toan-thong-tin'], places: ['da-nang'] };
    expect(await titles(filter)).toEqual(['P5', 'P1', 'P2']);
    const counts = await facets(filter);
    // The topics' counts apply the place only; the places' counts apply the topics only.
    expect(counts.topics).toEqual({ 'du-lieu-so': 2, 'an-toan-thong-tin': 2 });
    expect(counts.places).toEqual({ 'da-nang': 3, 'ha-noi': 2 });
    expect(counts.levels).toEqual({ PROVINCE: 2, COMMUNE: 1 });

    const narrower = { topics: ['du-lieu-so'], levels: ['MINISTRY', 'COMMUNE'] };
    expect(await titles(narrower)).toEqual(['P4']);
    const narrowed = await facets(narrower);
    expect(narrowed.topics).toEqual({ 'du-lieu-so': 1, 'an-toan-thong-tin': 2 });
    expect(narrowed.levels).toEqual({ PROVINCE: 2, MINISTRY: 1, COMMUNE: 0 });
    expect(narrowed.organizations).toEqual({ 'bo-khcn': 1 });
    expect(narrowed.years).toEqual({ 2022: 1 });
    // A ticked value that nothing matches any more stays offered, at 0, so that it can be unticked.
    expect((await facets({ places: ['ha-noi'], levels: ['COMMUNE'] })).levels).toEqual({ MINISTRY: 2, COMMUNE: 0 });
  });

  it('gives each ticked value the number of practices the list then shows', async () => {
    const counts = await facets({ stages: ['OPERATING'] });
    for (const [slug, count] of Object.entries(counts.topics)) expect((await titles({ stages: ['OPERATING'], topics: [slug] })).length, slug).toBe(count);
    for (const [code, count] of Object.entries(counts.places)) expect((await titles({ stages: ['OPERATING'], places: [code] })).length, code).toBe(count);
    for (const [slug, count] of Object.entries(counts.organizations)) expect((await titles({ stages: ['OPERATING'], organizations: [slug] })).length, slug).toBe(count);
  });

  it('keeps the single-value filters, joined with the plural ones as either', async () => {
    expect(await titles({ topic: 'du-lieu-so' })).toEqual(['P4', 'P1', 'P2']);
    expect(await titles({ topic: 'du-lieu-so', topics: ['an-toan-thong-tin'] })).toEqual(['P5', 'P3', 'P4', 'P1', 'P2']);
    expect(await titles({ organizations: ['bo-khcn'] })).toEqual(['P3', 'P4']);
    expect(await titles({ years: [2024, 2023] })).toEqual(['P3', 'P1', 'P2']);
    expect(await titles({ stage: 'PILOT', stages: ['IDEA'] })).toEqual(['P5', 'P2']);
  });

  it('refuses unknown topics, places and organisations, impossible years and too many values, naming the filter field', async () => {
    const refusals: [Record<string, unknown>, string][] = [
      [{ topics: ['du-lieu-so', 'khong-co'] }, 'filter.topics'],
      [{ places: ['atlantis'] }, 'filter.places'],
      [{ organizations: ['bo-khong-co'] }, 'filter.organizations'],
      [{ years: [2024, 1800] }, 'filter.years'],
    ];
    for (const [filter, argument] of refusals) {
      for (const query of [LIST, FACETS]) expect((await graphql(query, { filter })).errors?.[0]?.extensions, argument).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
    const tooMany = await graphql(FACETS, { filter: { topics: Array.from({ length: 41 }, (_, i) => `chu-de-${i}`) } });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('spends the searches budget, as six aggregates over every published practice cost what a search does', async () => {
    await resetRateLimits();
    const sender = { clientAddress: '192.0.2.77' };
    for (let i = 0; i < RATE_LIMITS.searchesBurst.points; i++) expect((await graphql(FACETS, {}, sender)).errors, `request ${i + 1}`).toBeUndefined();
    expect((await graphql(FACETS, {}, sender)).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    await resetRateLimits();
  });
});

describe('Practice list orders', () => {
  const expected: Record<string, string[]> = {
    NEWEST: ['P5', 'P3', 'P4', 'P1', 'P2'],
    // Ties (P4 and P1 both helped 5 people) newest first.
    MOST_HELPFUL: ['P2', 'P4', 'P1', 'P3', 'P5'],
    MOST_DISCUSSED: ['P4', 'P3', 'P1', 'P5', 'P2'],
  };

  for (const [sort, order] of Object.entries(expected)) {
    it(`orders by ${sort} and pages forward and back without repeats or gaps`, async () => {
      expect(await titles({}, sort)).toEqual(order);
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: any = (await graphql(LIST, { sort, first: 2, after })).data.practices;
        seen.push(...page.edges.map((e: any) => e.node.title.split(' ')[0]));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(order);
      // Back from the last page's start: the two before it.
      const last: any = (await graphql(LIST, { sort, first: 2, after })).data.practices;
      const back: any = (await graphql(LIST, { sort, last: 2, before: last.pageInfo.startCursor })).data.practices;
      expect(back.edges.map((e: any) => e.node.title.split(' ')[0])).toEqual(order.slice(2, 4));
    });
  }

  it('refuses a cursor of another order', async () => {
    const newest: any = (await graphql(LIST, { first: 2 })).data.practices;
    const response = await graphql(LIST, { sort: 'MOST_HELPFUL', first: 2, after: newest.pageInfo.endCursor });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });
});
