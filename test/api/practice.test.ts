import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Expert } from '../../schema/expert/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

const commandLog = useTestDatabase();

const people: Record<'author' | 'other' | 'curator' | 'curator2', string> = { author: '', other: '', curator: '', curator2: '' };
beforeAll(async () => {
  await createReferenceData();
  const make = async (handle: string, role = 'member') => {
    const expert = await createExpert({ handle, name: `Người ${handle}` });
    await Expert.updateOne({ _id: expert._id }, { $set: { role } });
    return sessionCookieFor(String(expert._id));
  };
  people.author = await make('author1');
  people.other = await make('other1');
  people.curator = await make('curator1', 'curator');
  people.curator2 = await make('curator2', 'curator');
});
beforeEach(() => resetRateLimits());

const PRACTICE_FIELDS = `id title status version returnReason problemHtml place { code } topics { slug } authors { handle } history { version title }`;
const RESULT = `__typename ... on Error { code } ... on ValidationError { fieldErrors { path code } }`;
const as = (who: keyof typeof people | null) => (who ? { cookie: people[who] } : {});

const create = async (fields: Record<string, unknown>, who: keyof typeof people = 'author') =>
  (
    await graphql(
      `mutation ($input: CreatePracticeInput!) { createPractice(input: $input) { ${RESULT} ... on CreatePracticePayload { practice { ${PRACTICE_FIELDS} } } } }`,
      { input: fields },
      as(who),
    )
  ).data.createPractice;
const mutate = async (name: string, input: Record<string, unknown>, who: keyof typeof people | null) => {
  const inputType = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const payload = `${name[0]!.toUpperCase()}${name.slice(1)}Payload`;
  return (await graphql(`mutation ($input: ${inputType}!) { ${name}(input: $input) { ${RESULT} ... on ${payload} { practice { ${PRACTICE_FIELDS} } } } }`, { input }, as(who))).data[name];
};
const read = (id: string, who: keyof typeof people | null) => graphql(`query ($id: ID!) { practice(id: $id) { title status } }`, { id }, as(who));
const readNode = (id: string, who: keyof typeof people | null) => graphql(`query ($id: ID!) { node(id: $id) { id } }`, { id }, as(who));

const complete = {
  summary: 'Một nền tảng LGSP kết nối 40 hệ thống của tỉnh.',
  problem: 'Các sở **không chia sẻ** dữ liệu <script>alert(1)</script>',
  solution: 'Triển khai LGSP theo Khung kiến trúc 2.0.',
  results: 'Giảm 30% thời gian xử lý hồ sơ.',
  organization: 'so-khcn-da-nang',
  place: 'da-nang',
  topics: ['du-lieu-so'],
  stage: 'OPERATING',
  year: 2024,
};

describe('Practice life cycle', () => {
  it('goes draft → submitted → returned → resubmitted → published, private until published', async () => {
    const draft = await create({ title: 'Kết nối dữ liệu các sở qua LGSP' });
    expect(draft.practice).toMatchObject({ status: 'DRAFT', authors: [{ handle: 'author1' }] });
    const id = draft.practice.id;

    // A draft is the authors' alone: others get NOT_FOUND, through practice(id) and node(id) alike.
    for (const who of ['other', 'curator', null] as const) {
      expect((await read(id, who)).errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
      expect((await readNode(id, who)).errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    }
    expect((await readNode(id, 'author')).data.node).toEqual({ id });
    expect((await read(id, 'author')).data.practice.status).toBe('DRAFT');

    const incomplete = await mutate('submitPractice', { id }, 'author');
    expect(incomplete.__typename).toBe('ValidationError');
    expect(incomplete.fieldErrors.map((e: any) => e.path).sort()).toEqual(['organization', 'place', 'problem', 'results', 'solution', 'stage', 'summary', 'topics', 'year']);

    expect((await mutate('updatePractice', { id, ...complete }, 'author')).practice.status).toBe('DRAFT');
    expect((await mutate('submitPractice', { id }, 'author')).practice.status).toBe('SUBMITTED');
    expect((await read(id, 'curator')).data.practice.status).toBe('SUBMITTED');
    expect((await read(id, 'other')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const queue = await graphql(`{ practicesToReview(first: 10) { edges { node { id } } } }`, {}, as('curator'));
    expect(queue.data.practicesToReview.edges.map((e: any) => e.node.id)).toContain(id);

    const returned = await mutate('returnPractice', { id, reason: 'Bổ sung số liệu trước và sau.' }, 'curator');
    expect(returned.practice).toMatchObject({ status: 'RETURNED', returnReason: 'Bổ sung số liệu trước và sau.' });
    expect((await mutate('publishPractice', { id }, 'curator')).code).toBe('CONFLICT');
    expect((await read(id, 'curator')).data.practice.status).toBe('RETURNED');

    await mutate('updatePractice', { id, results: 'Giảm 30% thời gian, từ 10 xuống 7 ngày.' }, 'author');
    expect((await mutate('submitPractice', { id }, 'author')).practice).toMatchObject({ status: 'SUBMITTED', returnReason: '' });
    const published = await mutate('publishPractice', { id }, 'curator');
    expect(published.practice).toMatchObject({ status: 'PUBLISHED', version: 1 });
    expect((await read(id, null)).data.practice).toEqual({ title: 'Kết nối dữ liệu các sở qua LGSP', status: 'PUBLISHED' });
    expect(published.practice.problemHtml).toBe('<p>Các sở <strong>không chia sẻ</strong> dữ liệu &lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
  });

  it('keeps the published version until a curator publishes the authors’ edit, then keeps it in the history', async () => {
    const id = await publishedPractice('Một cửa điện tử cấp xã');
    const revised = await mutate('updatePractice', { id, title: 'Một cửa điện tử cấp xã sau sáp nhập' }, 'author');
    expect(revised.practice).toMatchObject({ status: 'PUBLISHED', version: 1, title: 'Một cửa điện tử cấp xã', history: [] });
    await mutate('submitPractice', { id }, 'author');
    const published = await mutate('publishPractice', { id }, 'curator');
    expect(published.practice).toMatchObject({ status: 'PUBLISHED', version: 2, title: 'Một cửa điện tử cấp xã sau sáp nhập', history: [{ version: 1, title: 'Một cửa điện tử cấp xã' }] });
  });

  it('clears a field sent as null, and makes no new version when nothing changed', async () => {
    const id = await publishedPractice('Bản đồ số dùng chung', { level: 'PROVINCE', costBand: 'UNDISCLOSED' });
    const cleared = await graphql(
      `mutation ($input: UpdatePracticeInput!) { updatePractice(input: $input) { ... on UpdatePracticePayload { practice { level costBand version pendingEdit { preview { level costBand } } } } } }`,
      { input: { id, level: null, costBand: null } },
      as('author'),
    );
    expect(cleared.data.updatePractice.practice).toEqual({ level: 'PROVINCE', costBand: 'UNDISCLOSED', version: 1, pendingEdit: { preview: { level: null, costBand: null } } });
    await mutate('submitPractice', { id }, 'author');
    expect((await mutate('publishPractice', { id }, 'curator')).practice.version).toBe(2);
    expect((await mutate('updatePractice', { id }, 'author')).practice.version).toBe(2);
    const same = await graphql(
      `mutation ($input: UpdatePracticeInput!) { updatePractice(input: $input) { ... on UpdatePracticePayload { practice { level version pendingEdit { savedAt } } } } }`,
      { input: { id, title: 'Bản đồ số dùng chung' } },
      as('author'),
    );
    expect(same.data.updatePractice.practice).toEqual({ level: null, version: 2, pendingEdit: null });
  });

  it('refuses a save based on a version a co-author has since changed, keeping the co-author’s words', async () => {
    const draft = await create({ title: 'Hai tác giả cùng sửa một bản nháp', coAuthors: ['other1'] });
    // Named by consent: the co-author accepts the invitation first.
    expect((await mutate('answerCoAuthorInvitation', { id: draft.practice.id, accept: true }, 'other')).__typename).toBe('AnswerCoAuthorInvitationPayload');
    const opened = (await graphql(`query ($id: ID!) { practice(id: $id) { updatedAt } }`, { id: draft.practice.id }, as('author'))).data.practice.updatedAt;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const first = await mutate('updatePractice', { id: draft.practice.id, baseUpdatedAt: opened, summary: 'Lời của đồng tác giả.' }, 'other');
    expect(first.__typename).toBe('UpdatePracticePayload');
    const stale = await mutate('updatePractice', { id: draft.practice.id, baseUpdatedAt: opened, summary: 'Lời ghi đè.' }, 'author');
    expect(stale.code).toBe('CONFLICT');
    const now = (await graphql(`query ($id: ID!) { practice(id: $id) { summary updatedAt } }`, { id: draft.practice.id }, as('author'))).data.practice;
    expect(now.summary).toBe('Lời của đồng tác giả.');
    // Starting again from what is there now works.
    expect((await mutate('updatePractice', { id: draft.practice.id, baseUpdatedAt: now.updatedAt, summary: 'Lời đã hợp nhất.' }, 'author')).__typename).toBe('UpdatePracticePayload');
  });

  it('refuses edits and reviews by the wrong people, changing nothing', async () => {
    const id = await publishedPractice('Chữ ký số cho cán bộ');
    expect((await mutate('updatePractice', { id, title: 'Bị sửa trộm' }, 'other')).code).toBe('NOT_AUTHORIZED');
    expect((await mutate('updatePractice', { id, title: 'Bị sửa trộm' }, null)).code).toBe('NOT_AUTHORIZED');
    expect((await read(id, null)).data.practice.title).toBe('Chữ ký số cho cán bộ');

    const own = await create({ title: 'Cách làm của chính người duyệt', ...complete }, 'curator');
    await mutate('submitPractice', { id: own.practice.id }, 'curator');
    expect((await mutate('publishPractice', { id: own.practice.id }, 'curator')).code).toBe('NOT_AUTHORIZED');
    expect((await mutate('publishPractice', { id: own.practice.id }, 'other')).code).toBe('NOT_AUTHORIZED');
  });

  it('publishes once when two curators press publish at the same moment', async () => {
    const draft = await create({ title: 'Điện toán đám mây cho tỉnh', ...complete });
    await mutate('submitPractice', { id: draft.practice.id }, 'author');
    const results = await Promise.all([mutate('publishPractice', { id: draft.practice.id }, 'curator'), mutate('publishPractice', { id: draft.practice.id }, 'curator2')]);
    expect(results.map((r) => r.__typename).sort()).toEqual(['ConflictError', 'PublishPracticePayload']);
  });
});

async function publishedPractice(title: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const draft = await create({ title, ...complete, ...overrides });
  await mutate('submitPractice', { id: draft.practice.id }, 'author');
  await mutate('publishPractice', { id: draft.practice.id }, 'curator');
  return draft.practice.id;
}

describe('Practice list', () => {
  const LIST = `query ($filter: PracticeFilter, $first: Int) { practices(filter: $filter, first: $first) { totalCount edges { node { title status place { name } organization { name } topics { name } authors { name } } } } }`;
  // Every per-practice field a page may show, viewer state and history included.
  const LIST_WITH_EVERYTHING = `query ($first: Int) { practices(first: $first) { totalCount edges { node { title place { name } organization { name } topics { name } authors { name } endorsementCount viewerEndorsed viewerBookmarked history { version } } } } }`;

  it('shows only published practices, newest first, and finds a merged province’s ones under its successor', async () => {
    await create({ title: 'Bản nháp không ai thấy' });
    const response = await graphql(LIST, { filter: { place: 'da-nang' }, first: 50 });
    const titles = response.data.practices.edges.map((e: any) => e.node.title);
    expect(titles).not.toContain('Bản nháp không ai thấy');
    expect(response.data.practices.edges.every((e: any) => e.node.status === 'PUBLISHED')).toBe(true);
    expect(titles[0]).toBe('Điện toán đám mây cho tỉnh');
  });

  it('costs the same number of database commands for 5 practices as for 20', async () => {
    for (let i = 0; i < 20; i++) await publishedPractice(`Cách làm hay số ${i}`);
    const commandsFor = async (first: number) => {
      commandLog.reset();
      const response = await graphql(LIST_WITH_EVERYTHING, { first }, as('other'));
      expect(response.data.practices.edges).toHaveLength(first);
      return commandLog.commands.length;
    };
    expect(await commandsFor(20)).toBe(await commandsFor(5));
  });

  it('finds practices without diacritics and through the field’s acronyms, both ways', async () => {
    await publishedPractice('Chuyển đổi số ở cấp xã sau sáp nhập');
    await publishedPractice('Kế hoạch CĐS của Sở');
    const titles = async (query: string) => (await graphql(LIST, { filter: { query }, first: 50 })).data.practices.edges.map((e: any) => e.node.title).sort();
    const both = ['Chuyển đổi số ở cấp xã sau sáp nhập', 'Kế hoạch CĐS của Sở'];
    expect(await titles('chuyen doi so')).toEqual(both);
    expect(await titles('CĐS')).toEqual(both);
    expect(await titles('cds cap xa')).toEqual(['Chuyển đổi số ở cấp xã sau sáp nhập']);
  });

  it('refuses an unknown topic or an impossible year, naming the filter field', async () => {
    expect((await graphql(LIST, { filter: { topic: 'khong-co' } })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.topic' });
    expect((await graphql(LIST, { filter: { year: 99999 } })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.year' });
  });
});
