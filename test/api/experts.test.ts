import { beforeAll, describe, expect, it } from 'vitest';
import { Expert } from '../../schema/expert/model.ts';
import { anyOf } from '../../schema/query.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql } from '../helpers/graphql.ts';

const commandLog = useTestDatabase();

const DIRECTORY = /* GraphQL */ `
  query Directory($filter: ExpertFilter, $first: Int, $after: String, $last: Int, $before: String) {
    experts(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
      edges { cursor node { id handle name position place { code name } organization { slug name } specialties { slug name } cohorts { slug year } } }
    }
  }
`;

const handles = (response: { data?: any }) => response.data.experts.edges.map((e: any) => e.node.handle);

beforeAll(async () => {
  await createReferenceData();
  await createExpert({ handle: 'hungnv', name: 'Nguyễn Văn Hùng', place: 'da-nang', organization: 'so-khcn-da-nang', specialties: ['du-lieu-so'], cohorts: ['cds-500-2023'] });
  await createExpert({
    handle: 'lan.ptt',
    name: 'Phạm Thị Thu Lan',
    place: 'quang-nam',
    organization: 'so-tttt-quang-nam',
    specialties: ['an-toan-thong-tin'],
    cohorts: ['cpdt-100-2019', 'cds-500-2023'],
  });
  await createExpert({
    handle: 'ducth',
    name: 'Trần Hữu Đức',
    place: 'ha-noi',
    organization: 'cuc-cds',
    position: 'Phó Cục trưởng',
    specialties: ['du-lieu-so', 'an-toan-thong-tin'],
    cohorts: ['cpdt-100-2019'],
  });
  await createExpert({ handle: 'minhlq', name: 'Lê Quang Minh', place: 'ha-noi', organization: 'bo-tttt', specialties: ['du-lieu-so'] });
});

describe('Expert directory', () => {
  it('lists everyone ordered by given name when no filter is given', async () => {
    const response = await graphql(DIRECTORY, { first: 10 });
    expect(response.errors).toBeUndefined();
    expect(response.data.experts.totalCount).toBe(4);
    // Given names: Đức, Hùng, Lan, Minh.
    expect(handles(response)).toEqual(['ducth', 'hungnv', 'lan.ptt', 'minhlq']);
  });

  it('finds people recorded under a merged province when filtering by its successor', async () => {
    const response = await graphql(DIRECTORY, { filter: { place: 'da-nang' } });
    expect(handles(response).sort()).toEqual(['hungnv', 'lan.ptt']);
    expect(response.data.experts.edges.find((e: any) => e.node.handle === 'lan.ptt').node.place.name).toBe('Quảng Nam');
  });

  it('finds only the merged province’s own people when filtering by the former province', async () => {
    const response = await graphql(DIRECTORY, { filter: { place: 'quang-nam' } });
    expect(handles(response)).toEqual(['lan.ptt']);
  });

  it('finds a ministry’s units and its merged predecessor when filtering by the ministry', async () => {
    const response = await graphql(DIRECTORY, { filter: { organization: 'bo-khcn' } });
    expect(handles(response)).toEqual(['ducth', 'minhlq']);
  });

  it('filters by specialty and cohort together', async () => {
    const response = await graphql(DIRECTORY, { filter: { specialty: 'an-toan-thong-tin', cohort: 'cpdt-100-2019' } });
    expect(handles(response)).toEqual(['ducth', 'lan.ptt']);
  });

  it('matches text without diacritics and by word prefix when a query is given', async () => {
    expect(handles(await graphql(DIRECTORY, { filter: { query: 'tran huu duc' } }))).toEqual(['ducth']);
    expect(handles(await graphql(DIRECTORY, { filter: { query: 'PHẠM thu' } }))).toEqual(['lan.ptt']);
    expect(handles(await graphql(DIRECTORY, { filter: { query: 'pho cuc' } }))).toEqual(['ducth']);
    expect(handles(await graphql(DIRECTORY, { filter: { query: 'nobody-like-this' } }))).toEqual([]);
  });

  it('shows a profile by handle with its references resolved', async () => {
    const response = await graphql(`{ expert(handle: "lan.ptt") { name place { name successor { name } } organization { name current successor { name } } cohorts { name } } }`);
    expect(response.data.expert).toEqual({
      name: 'Phạm Thị Thu Lan',
      place: { name: 'Quảng Nam', successor: { name: 'Đà Nẵng' } },
      organization: { name: 'Sở Thông tin và Truyền thông Quảng Nam', current: false, successor: { name: 'Sở Khoa học và Công nghệ Đà Nẵng' } },
      cohorts: [{ name: '100 chuyên gia Chính phủ điện tử' }, { name: '500 chuyên gia chuyển đổi số' }],
    });
  });

  it('refetches an expert by global id through node', async () => {
    const listed = await graphql(DIRECTORY, { filter: { query: 'hung' } });
    const id = listed.data.experts.edges[0].node.id;
    const response = await graphql(`query ($id: ID!) { node(id: $id) { id ... on Expert { handle } } }`, { id });
    expect(response.data.node).toEqual({ id, handle: 'hungnv' });
  });
});

describe('Expert directory pagination', () => {
  it('walks forward and backward through pages without gaps or repeats', async () => {
    const all = handles(await graphql(DIRECTORY, { first: 50 }));
    const page1 = await graphql(DIRECTORY, { first: 3 });
    expect(page1.data.experts.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const page2 = await graphql(DIRECTORY, { first: 3, after: page1.data.experts.pageInfo.endCursor });
    expect(page2.data.experts.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect([...handles(page1), ...handles(page2)]).toEqual(all);

    const back = await graphql(DIRECTORY, { last: 3, before: page2.data.experts.pageInfo.startCursor });
    expect(handles(back)).toEqual(handles(page1));
  });

  it('neither skips nor repeats anyone when people join between two pages', async () => {
    const before = handles(await graphql(DIRECTORY, { first: 50 }));
    const page1 = await graphql(DIRECTORY, { first: 2 });
    // Given names "An" and "Bình" sort before everyone already listed on page 1.
    await createExpert({ handle: 'newcomer1', name: 'Võ Thị An' });
    await createExpert({ handle: 'newcomer2', name: 'Đỗ Văn Bình' });
    const rest: string[] = [];
    let after = page1.data.experts.pageInfo.endCursor;
    for (;;) {
      const page = await graphql(DIRECTORY, { first: 2, after });
      rest.push(...handles(page));
      if (!page.data.experts.pageInfo.hasNextPage) break;
      after = page.data.experts.pageInfo.endCursor;
    }
    const walked = [...handles(page1), ...rest].filter((h) => !h.startsWith('newcomer'));
    expect(walked).toEqual(before);
    await Expert.deleteMany({ handle: anyOf(['newcomer1', 'newcomer2']) });
  });
});

describe('Expert directory cost', () => {
  it('sends the same number of database commands for a page of 10 and a page of 50', async () => {
    for (let i = 0; i < 60; i++) {
      await createExpert({
        handle: `bulk${i}`,
        name: `Hoàng Minh Tú ${i}`,
        specialties: ['du-lieu-so', 'an-toan-thong-tin'],
        cohorts: ['cds-500-2023'],
        place: i % 2 ? 'quang-nam' : 'ha-noi',
        organization: i % 2 ? 'so-tttt-quang-nam' : 'cuc-cds',
      });
    }
    const commandsFor = async (first: number) => {
      commandLog.reset();
      const response = await graphql(DIRECTORY, { first });
      expect(response.data.experts.edges).toHaveLength(first);
      return [...commandLog.commands];
    };
    const ten = await commandsFor(10);
    const fifty = await commandsFor(50);
    expect(fifty.length).toBe(ten.length);
    // find experts + count + one batched find each for places, organisations, topics, cohorts.
    expect(fifty.length).toBeLessThanOrEqual(6);
    await Expert.deleteMany({ handle: /^bulk/ });
  });
});

describe('Expert directory bad input', () => {
  const expectArgumentError = (response: Awaited<ReturnType<typeof graphql>>, argument: string, code = 'BAD_USER_INPUT') => {
    expect(response.status).toBe(200);
    // Nothing is answered: no data at all, or (for the nullable `node`) a null in its place.
    expect(Object.values(response.data ?? {}).every((value) => value === null)).toBe(true);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code, argument });
  };

  it('refuses a page larger than the maximum, naming "first"', async () => {
    expectArgumentError(await graphql(DIRECTORY, { first: 51 }), 'first');
    expectArgumentError(await graphql(DIRECTORY, { first: -1 }), 'first');
  });

  it('refuses a malformed or foreign cursor, naming "after"', async () => {
    expectArgumentError(await graphql(DIRECTORY, { after: 'not a cursor!' }), 'after');
    expectArgumentError(await graphql(DIRECTORY, { after: Buffer.from('[1,2]').toString('base64url') }), 'after');
    expectArgumentError(await graphql(DIRECTORY, { after: Buffer.from('{"$gt":""}').toString('base64url') }), 'after');
  });

  it('refuses an unknown place, organisation, topic or cohort, naming the filter field', async () => {
    expectArgumentError(await graphql(DIRECTORY, { filter: { place: 'atlantis' } }), 'filter.place');
    expectArgumentError(await graphql(DIRECTORY, { filter: { organization: 'bo-khong-co' } }), 'filter.organization');
    expectArgumentError(await graphql(DIRECTORY, { filter: { specialty: 'nothing' } }), 'filter.specialty');
    expectArgumentError(await graphql(DIRECTORY, { filter: { cohort: 'cohort-0' } }), 'filter.cohort');
  });

  it('refuses operator objects and oversized text in filters', async () => {
    const operator = await graphql(DIRECTORY, { filter: { place: { $ne: null } } });
    expect(operator.errors?.[0]?.message).toMatch(/String cannot represent|got invalid value/i);
    expect(operator.data ?? null).toBeNull();
    expectArgumentError(await graphql(DIRECTORY, { filter: { query: 'x'.repeat(201) } }), 'filter.query');
    expectArgumentError(await graphql(DIRECTORY, { filter: { place: 'Đà Nẵng' } }), 'filter.place');
  });

  it('answers an unknown handle or id with NOT_FOUND naming the argument', async () => {
    expectArgumentError(await graphql(`{ expert(handle: "nobody") { name } }`), 'handle', 'NOT_FOUND');
    const unknownId = Buffer.from('Expert:0123456789abcdef01234567').toString('base64url');
    expectArgumentError(await graphql(`query ($id: ID!) { node(id: $id) { id } }`, { id: unknownId }), 'id', 'NOT_FOUND');
    expectArgumentError(await graphql(`{ node(id: "%%%") { id } }`), 'id');
    expectArgumentError(await graphql(`{ place(code: "atlantis") { name } }`), 'code', 'NOT_FOUND');
  });
});
