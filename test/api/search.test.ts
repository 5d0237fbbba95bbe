import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Thread } from '../../schema/discussion/model.ts';
import { Expert } from '../../schema/expert/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Practice } from '../../schema/practice/model.ts';
import { practiceSearchTokens } from '../../schema/practice/service.ts';
import { searchTokens } from '../../schema/search/fold.ts';
import { reindexPractices } from '../../schema/practice/migrate.ts';
import { loadDemoPractices, readData, type PracticeRecord } from '../../seeds/load.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

const commandLog = useTestDatabase();

let member = '';
let authorId = '';
const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000);

async function practice(fields: Record<string, unknown> & { title: string }, publishedDay = 0) {
  const doc = {
    summary: '',
    problem: '',
    solution: '',
    results: '',
    lessons: '',
    organization: 'so-khcn-da-nang',
    place: 'da-nang',
    topics: ['du-lieu-so'],
    stage: 'operating',
    year: 2024,
    status: 'published',
    publishedAt: day(publishedDay),
    version: 1,
    authors: [authorId],
    ...fields,
  };
  return Practice.create({ ...doc, searchTokens: practiceSearchTokens(doc as any) } as any);
}

async function thread(title: string, body = '', lastDay = 0, extra: Record<string, unknown> = {}) {
  return Thread.create({
    kind: 'question',
    title,
    body,
    author: authorId,
    topics: ['du-lieu-so'],
    place: 'da-nang',
    lastActivityAt: day(lastDay),
    searchTokens: searchTokens(`${title} ${body}`),
    ...extra,
  });
}

beforeAll(async () => {
  await createReferenceData();
  const author = await createExpert({ handle: 'tacgia', name: 'Nguyễn Văn Tác' });
  authorId = String(author._id);
  member = await sessionCookieFor(authorId);
  await createExpert({ handle: 'hoa.cds', name: 'Trần Thị Hoa', position: 'Chuyên viên chuyển đổi số', organization: 'cuc-cds', place: 'ha-noi', specialties: ['an-toan-thong-tin'] });

  await practice({ title: 'Chuyển đổi số cấp xã ở Đà Nẵng', summary: 'Đưa dịch vụ công đến từng xã.' }, 10);
  await practice({ title: 'Kế hoạch CĐS của tỉnh', summary: 'Lộ trình ba năm.', place: 'quang-nam', organization: 'so-tttt-quang-nam' }, 5);
  await practice({ title: 'Nền tảng dữ liệu dùng chung', summary: 'Kho dữ liệu mở.', lessons: 'Bài học: **chuyển đổi số** bắt đầu từ dữ liệu.' }, 20);
  await practice({ title: 'Bản nháp chuyển đổi số', status: 'draft', publishedAt: null });
  await practice({ title: 'Bị trả lại chuyển đổi số', status: 'returned', publishedAt: null });
  await practice({ title: 'Chuyển đổi số trong y tế', stage: 'pilot', year: 2022, topics: ['an-toan-thong-tin'], organization: 'cuc-cds', place: 'ha-noi' }, 1);

  // Tones change meaning: "mã" (code), "má" (mother), "ma" (ghost).
  await practice({ title: 'Số hóa ma trận quy trình', summary: 'Bảng phân quyền.' }, 30);
  await practice({ title: 'Cấp mã định danh cho hồ sơ', summary: 'Mỗi hồ sơ một mã.' }, 2);
  await practice({ title: 'Ứng dụng chăm sóc má và bé', summary: 'Sức khỏe sinh sản.' }, 25);

  await thread('Hỏi về chuyển đổi số ở cấp huyện', 'Nên bắt đầu từ đâu?', 3);
  await thread('Kinh nghiệm thuê dịch vụ CNTT', 'Thuê dịch vụ cho chuyển đổi số có khó không?', 4);
});
beforeEach(() => resetRateLimits());

const SEARCH = /* GraphQL */ `
  query Search($query: String!, $filter: SearchFilter, $first: Int, $after: String, $last: Int, $before: String) {
    search(query: $query, filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      counts { practices threads experts }
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          kind
          title { text match }
          snippet { text match }
          node {
            __typename
            ... on Practice { id title status place { code } }
            ... on Thread { id title replyCount author { handle } }
            ... on Expert { id handle organization { name } }
          }
        }
      }
    }
  }
`;

const run = (query: string, filter?: Record<string, unknown>, options: { first?: number; after?: string; cookie?: string } = {}) =>
  graphql(SEARCH, { query, filter, first: options.first ?? 50, after: options.after }, options.cookie ? { cookie: options.cookie } : {});
const titles = (response: { data?: any }) => response.data.search.edges.map((e: any) => e.node.node.title ?? e.node.node.handle);
const marked = (segments: { text: string; match: boolean }[]) => segments.filter((s) => s.match).map((s) => s.text);
const codeOf = (response: { errors?: { extensions?: { code?: string; argument?: string } }[] }) => response.errors?.map((e) => [e.extensions?.code, e.extensions?.argument]);

describe('Search', () => {
  it('finds “Chuyển đổi số” when the query has no diacritics, and CĐS when it is spelled out', async () => {
    const response = await run('chuyen doi so');
    expect(response.errors).toBeUndefined();
    expect(titles(response)).toEqual(expect.arrayContaining(['Chuyển đổi số cấp xã ở Đà Nẵng', 'Kế hoạch CĐS của tỉnh', 'Nền tảng dữ liệu dùng chung', 'Chuyển đổi số trong y tế']));

    const byAcronym = titles(await run('CĐS'));
    expect(byAcronym).toEqual(expect.arrayContaining(['Chuyển đổi số cấp xã ở Đà Nẵng', 'Kế hoạch CĐS của tỉnh']));
    // The expert's position says "chuyển đổi số": found by the acronym as well.
    expect(byAcronym).toContain('hoa.cds');
  });

  it('never finds drafts or returned practices whatever the query', async () => {
    for (const query of ['chuyen doi so', 'ban nhap', 'bi tra lai']) {
      expect(titles(await run(query, undefined, { cookie: member })).filter((t: string) => /nháp|trả lại/.test(t))).toEqual([]);
    }
  });

  it('never lists threads for a signed-out viewer, and lists them for a member', async () => {
    const anonymous = await run('chuyen doi so');
    expect(anonymous.data.search.counts.threads).toBe(0);
    expect(anonymous.data.search.edges.map((e: any) => e.node.kind)).not.toContain('THREAD');
    const onlyThreads = await run('chuyen doi so', { kinds: ['THREAD'] });
    expect(onlyThreads.data.search.edges).toEqual([]);

    const signedIn = await run('chuyen doi so', undefined, { cookie: member });
    expect(signedIn.data.search.counts).toEqual({ practices: 4, threads: 2, experts: 1 });
    expect(signedIn.data.search.totalCount).toBe(7);
    const threadHit = signedIn.data.search.edges.find((e: any) => e.node.kind === 'THREAD').node;
    expect(threadHit.node).toMatchObject({ __typename: 'Thread', author: { handle: 'tacgia' } });
  });

  it('ranks a title match above a body match, even a more recent one', async () => {
    const order = titles(await run('chuyen doi so', { kinds: ['PRACTICE'] }));
    expect(order.indexOf('Chuyển đổi số cấp xã ở Đà Nẵng')).toBeLessThan(order.indexOf('Nền tảng dữ liệu dùng chung'));
    expect(order.at(-1)).toBe('Nền tảng dữ liệu dùng chung');
    // Among title matches, the more recent comes first.
    expect(order.indexOf('Chuyển đổi số cấp xã ở Đà Nẵng')).toBeLessThan(order.indexOf('Chuyển đổi số trong y tế'));
  });

  it('ranks the words as one phrase above the same words apart', async () => {
    await practice({ title: 'Sáng tạo trong phục vụ và đổi mới thủ tục', summary: 'Nhiều việc nhỏ.' }, 60);
    await practice({ title: 'Đổi mới sáng tạo ở cấp xã', summary: 'Một phong trào.' }, 50);
    expect(titles(await run('doi moi sang tao'))).toEqual(['Đổi mới sáng tạo ở cấp xã', 'Sáng tạo trong phục vụ và đổi mới thủ tục']);
  });

  it('ranks records with the diacritics the query was typed with first', async () => {
    expect(titles(await run('mã'))[0]).toBe('Cấp mã định danh cho hồ sơ');
    expect(titles(await run('má'))[0]).toBe('Ứng dụng chăm sóc má và bé');
    expect(titles(await run('ma'))[0]).toBe('Số hóa ma trận quy trình');
    // Without diacritics all three are found.
    expect(titles(await run('ma'))).toHaveLength(3);
  });

  it('marks the matched words on the original characters, đ and tones included', async () => {
    const response = await run('chuyen doi so', { kinds: ['PRACTICE'] });
    const hit = response.data.search.edges.find((e: any) => e.node.node.title === 'Chuyển đổi số cấp xã ở Đà Nẵng').node;
    expect(hit.title).toEqual([
      { text: 'Chuyển đổi số', match: true },
      { text: ' cấp xã ở Đà Nẵng', match: false },
    ]);
    const acronym = response.data.search.edges.find((e: any) => e.node.node.title === 'Kế hoạch CĐS của tỉnh').node;
    expect(marked(acronym.title)).toEqual(['CĐS']);
    // A body match: the snippet comes from the field that matched (the lessons), without markdown.
    const body = response.data.search.edges.find((e: any) => e.node.node.title === 'Nền tảng dữ liệu dùng chung').node;
    expect(body.snippet.map((s: any) => s.text).join('')).toBe('Bài học: chuyển đổi số bắt đầu từ dữ liệu.');
    expect(marked(body.snippet)).toEqual(['chuyển đổi số']);

    const place = await run('da nang');
    const daNang = place.data.search.edges.find((e: any) => e.node.node.title === 'Chuyển đổi số cấp xã ở Đà Nẵng').node;
    expect(marked(daNang.title)).toEqual(['Đà Nẵng']);
  });

  it('filters by kind, topic, place with its predecessors, organisation with its units, stage and year', async () => {
    const practices = await run('chuyen doi so', { kinds: ['PRACTICE'] }, { cookie: member });
    expect(practices.data.search.edges.every((e: any) => e.node.kind === 'PRACTICE')).toBe(true);
    expect(practices.data.search.counts).toEqual({ practices: 4, threads: 2, experts: 1 });
    expect(practices.data.search.totalCount).toBe(4);

    expect(titles(await run('chuyen doi so', { topic: 'an-toan-thong-tin' })).sort()).toEqual(['Chuyển đổi số trong y tế', 'hoa.cds']);
    // Đà Nẵng absorbed Quảng Nam: its filter finds records kept under the former province.
    expect(titles(await run('chuyen doi so', { place: 'da-nang', kinds: ['PRACTICE'] })).sort()).toEqual(['Chuyển đổi số cấp xã ở Đà Nẵng', 'Kế hoạch CĐS của tỉnh', 'Nền tảng dữ liệu dùng chung']);
    expect(titles(await run('chuyen doi so', { place: 'quang-nam' }))).toEqual(['Kế hoạch CĐS của tỉnh']);
    // bo-khcn includes its unit cuc-cds; threads have no organisation, so they are left out.
    const ministry = await run('chuyen doi so', { organization: 'bo-khcn' }, { cookie: member });
    expect(titles(ministry).sort()).toEqual(['Chuyển đổi số trong y tế', 'hoa.cds']);
    expect(ministry.data.search.counts.threads).toBe(0);
    expect(titles(await run('chuyen doi so', { stage: 'PILOT' }))).toEqual(['Chuyển đổi số trong y tế']);
    expect(titles(await run('chuyen doi so', { year: 2022 }))).toEqual(['Chuyển đổi số trong y tế']);
  });

  it('answers typed errors for empty, oversized, wordless or operator-like queries and unknown filters', async () => {
    expect(codeOf(await run(''))).toEqual([['BAD_USER_INPUT', 'query']]);
    expect(codeOf(await run('   '))).toEqual([['BAD_USER_INPUT', 'query']]);
    expect(codeOf(await run('a'.repeat(201)))).toEqual([['BAD_USER_INPUT', 'query']]);
    expect(codeOf(await run(Array.from({ length: 13 }, (_, i) => `tu${i}`).join(' ')))).toEqual([['BAD_USER_INPUT', 'query']]);
    expect(codeOf(await run('{ } $ .*'))).toEqual([['BAD_USER_INPUT', 'query']]);
    expect(codeOf(await run('so\u0000'))).toEqual([['BAD_USER_INPUT', 'query']]);
    expect(codeOf(await run('so', { topic: 'khong-co' }))).toEqual([['BAD_USER_INPUT', 'filter.topic']]);
    expect(codeOf(await run('so', { place: 'khong-co' }))).toEqual([['BAD_USER_INPUT', 'filter.place']]);
    expect(codeOf(await run('so', { organization: 'khong-co' }))).toEqual([['BAD_USER_INPUT', 'filter.organization']]);
    expect(codeOf(await run('so', { place: '{"$ne":null}' }))).toEqual([['BAD_USER_INPUT', 'filter.place']]);
    expect(codeOf(await run('so', undefined, { first: 51 }))).toEqual([['BAD_USER_INPUT', 'first']]);

    // Operator-like text is only words: it finds what has those words, nothing more.
    const operators = await run('{"$ne": null} chuyen', undefined, { cookie: member });
    expect(operators.errors).toBeUndefined();
    expect(operators.data.search.totalCount).toBe(0);
    const regex = await run('.* chuyển');
    expect(regex.data.search.totalCount).toBe((await run('chuyển')).data.search.totalCount);
  });

  it('pages through the ranking with a cursor that only fits its own search', async () => {
    const all = titles(await run('chuyen doi so', undefined, { cookie: member }));
    const firstPage = await run('chuyen doi so', undefined, { cookie: member, first: 3 });
    expect(firstPage.data.search.pageInfo.hasNextPage).toBe(true);
    const secondPage = await run('chuyen doi so', undefined, { cookie: member, first: 10, after: firstPage.data.search.pageInfo.endCursor });
    expect([...titles(firstPage), ...titles(secondPage)]).toEqual(all);
    expect(secondPage.data.search.pageInfo.hasNextPage).toBe(false);
    // And back: the page before the second one is the first one.
    const back = await graphql(SEARCH, { query: 'chuyen doi so', last: 3, before: secondPage.data.search.edges[0].cursor }, { cookie: member });
    expect(titles(back)).toEqual(titles(firstPage));

    expect(codeOf(await run('ma', undefined, { after: firstPage.data.search.pageInfo.endCursor }))).toEqual([['BAD_USER_INPUT', 'after']]);
    expect(codeOf(await run('chuyen doi so', undefined, { after: 'bm90LWEtY3Vyc29y' }))).toEqual([['BAD_USER_INPUT', 'after']]);
  });

  it('costs the same number of database commands for a page of 2 as for a page of 30', async () => {
    for (let i = 0; i < 30; i++) {
      await practice({ title: `Chuyển đổi số điểm ${i}`, summary: 'Cách làm hay.', authors: [authorId] }, 40 + i);
      await thread(`Câu hỏi chuyển đổi số số ${i}`, 'Chi tiết', 40 + i);
    }
    const commandsFor = async (first: number) => {
      commandLog.reset();
      const response = await run('chuyen doi so', { place: 'da-nang' }, { cookie: member, first });
      expect(response.errors).toBeUndefined();
      expect(response.data.search.edges).toHaveLength(first);
      expect(new Set(response.data.search.edges.map((e: any) => e.node.kind)).size).toBeGreaterThan(first > 2 ? 1 : 0);
      return commandLog.commands.length;
    };
    expect(await commandsFor(2)).toBe(await commandsFor(30));
  });

  it('finds a practice by words of its long fields after an edit, and reindexes older records', async () => {
    const created = await graphql(
      `mutation ($input: CreatePracticeInput!) { createPractice(input: $input) { ... on CreatePracticePayload { practice { id } } } }`,
      { input: { title: 'Một cách làm mới', summary: 'Tóm tắt ngắn.' } },
      { cookie: member },
    );
    const id = created.data.createPractice.practice.id;
    await graphql(`mutation ($input: UpdatePracticeInput!) { updatePractice(input: $input) { __typename } }`, { input: { id, solution: 'Dùng nền tảng điện toán đám mây.' } }, { cookie: member });
    const [stored] = await Practice.find({ authors: authorId }).sort({ updatedAt: -1, _id: -1 }).limit(1).lean();
    expect(stored!.title).toBe('Một cách làm mới');
    expect(stored!.searchTokens).toEqual(expect.arrayContaining(['dam', 'may', 'tom', 'tat']));
    // A draft is still never found.
    expect(titles(await run('dien toan dam may', undefined, { cookie: member }))).toEqual([]);
    await Practice.updateOne({ _id: stored!._id }, { $set: { status: 'published', publishedAt: day(1) } });
    expect(titles(await run('dien toan dam may', undefined, { cookie: member }))).toEqual(['Một cách làm mới']);

    // A record indexed before the long fields counted gets them from the reindex, once.
    await Practice.updateOne({ _id: stored!._id }, { $set: { searchTokens: ['mot'] } });
    expect(await reindexPractices()).toBe(1);
    expect(await reindexPractices()).toBe(0);
    expect(titles(await run('dien toan dam may'))).toEqual(['Một cách làm mới']);
  });

  it('finds experts by name without diacritics and marks the name', async () => {
    await Expert.updateOne({ handle: 'hoa.cds' }, { $set: { verifiedAt: new Date() } });
    const response = await run('tran thi hoa');
    expect(titles(response)).toEqual(['hoa.cds']);
    const hit = response.data.search.edges[0].node;
    expect(hit).toMatchObject({ kind: 'EXPERT', node: { __typename: 'Expert', organization: { name: 'Cục Chuyển đổi số quốc gia' } } });
    expect(marked(hit.title)).toEqual(['Trần Thị Hoa']);
    expect(marked(hit.snippet)).toEqual([]);
    expect(hit.snippet.map((s: any) => s.text).join('')).toBe('Chuyên viên chuyển đổi số · Cục Chuyển đổi số quốc gia');
  });

  it('gets the long fields’ words into an existing database’s demo practices when the demo is reset', async () => {
    await loadDemoPractices();
    const record = readData<PracticeRecord>('practices.json')[0]!;
    const candidates = await Practice.find({ $and: [{ status: 'published' }, ...searchTokens(record.title).map((token) => ({ searchTokens: token }))] }).lean();
    const stored = candidates.find((p) => p.title === record.title);
    // As an earlier version indexed it: title and summary only.
    await Practice.updateOne({ _id: stored!._id }, { $set: { searchTokens: searchTokens(`${record.title} ${record.summary}`) } });
    const [, report] = await loadDemoPractices({ reset: true });
    expect(report).toMatchObject({ updated: 1 });
    const after = await Practice.findById(stored!._id).lean();
    expect(after!.searchTokens).toEqual(practiceSearchTokens(record));
  });
});
