import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../schema/audit/model.ts';
import { Expert } from '../../schema/expert/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { PracticeRevision } from '../../schema/practice/model.ts';
import { useHttpServer } from '../helpers/app.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

/*
 * Edits of a published practice wait for a curator: the public keeps reading the published text
 * (its page, lists, search) until one publishes the edit.
 */

useTestDatabase();
const baseUrl = useHttpServer();

type Who = 'author' | 'member' | 'curator' | 'curator2';
const people = {} as Record<Who, { id: string; cookie: string }>;

beforeAll(async () => {
  await createReferenceData();
  const make = async (who: Who, role: string) => {
    const expert = await createExpert({ handle: `sua-${who}`, name: `Người ${who}` });
    await Expert.updateOne({ _id: expert._id }, { $set: { role } });
    people[who] = { id: String(expert._id), cookie: await sessionCookieFor(String(expert._id)) };
  };
  await make('author', 'member');
  await make('member', 'member');
  await make('curator', 'curator');
  await make('curator2', 'curator');
});
beforeEach(() => resetRateLimits());

const RESULT = `__typename ... on Error { code message } ... on ValidationError { fieldErrors { path code } }`;
const EDIT = `pendingEdit { submittedAt returnReason savedAt preview { title summary problemHtml version pendingEdit { savedAt } } }`;
const FIELDS = `id title summary problemHtml status version updatedAt history { version title } reviewClaim { curator { name } } reviewHistory { kind reason } ${EDIT}`;
const as = (who: Who | null) => (who ? { cookie: people[who].cookie } : {});

async function mutate(name: string, input: Record<string, unknown>, who: Who) {
  const upper = `${name[0]!.toUpperCase()}${name.slice(1)}`;
  const response = await graphql(`mutation ($input: ${upper}Input!) { ${name}(input: $input) { ${RESULT} ... on ${upper}Payload { practice { ${FIELDS} } } } }`, { input }, as(who));
  expect(response.errors).toBeUndefined();
  return response.data[name];
}
const read = async (id: string, who: Who | null) => (await graphql(`query ($id: ID!) { practice(id: $id) { ${FIELDS} } }`, { id }, as(who))).data?.practice;

const complete = {
  summary: 'Một cổng dữ liệu dùng chung của tỉnh',
  problem: 'Dữ liệu nằm **rải rác**',
  solution: 'Kết nối các hệ thống',
  results: 'Giảm 40% thời gian',
  stage: 'OPERATING',
  year: 2024,
  organization: 'so-khcn-da-nang',
  place: 'da-nang',
  topics: ['du-lieu-so'],
};
let serial = 0;
/** A practice written, submitted and published through the API; its id. */
async function published(title = `Cổng dữ liệu mở số ${++serial}`): Promise<string> {
  const created = await mutate('createPractice', { title, ...complete }, 'author');
  const id = created.practice.id as string;
  expect((await mutate('submitPractice', { id }, 'author')).__typename).toBe('SubmitPracticePayload');
  expect((await mutate('publishPractice', { id }, 'curator')).__typename).toBe('PublishPracticePayload');
  return id;
}
/** The published practice with an edit of its title and problem, sent to the curators. */
async function withSubmittedEdit(title: string, newTitle: string) {
  const id = await published(title);
  expect((await mutate('updatePractice', { id, title: newTitle, problem: 'Dữ liệu **đã** được kết nối' }, 'author')).__typename).toBe('UpdatePracticePayload');
  expect((await mutate('submitPractice', { id }, 'author')).__typename).toBe('SubmitPracticePayload');
  return id;
}

const searchTitles = async (words: string) =>
  (await graphql(`query ($q: String!) { search(query: $q, first: 10) { edges { node { node { ... on Practice { title } } } } } }`, { q: words })).data.search.edges.map(
    (e: { node: { node: { title: string } } }) => e.node.node.title,
  );
const listTitles = async () => (await graphql('{ practices(first: 50) { edges { node { title } } } }', {})).data.practices.edges.map((e: { node: { title: string } }) => e.node.title);
const publicPage = async (id: string) => (await fetch(`${baseUrl()}/practices/${id}`)).text();
const editQueue = async (who: Who = 'curator') =>
  (await graphql('{ practicesToReview(first: 20, filter: { kind: EDIT }) { edges { node { id title pendingEdit { preview { title } } } } } }', {}, as(who))).data.practicesToReview.edges.map(
    (e: { node: unknown }) => e.node,
  );

describe('Edits of a published practice', () => {
  it('keep the published text public while the edit is written and submitted; its authors read the edit back', async () => {
    const id = await published('Một cửa liên thông Thừa Thiên Huế');
    const saved = await mutate('updatePractice', { id, title: 'Một cửa liên thông thành phố Huế', problem: 'Hồ sơ đi **ba** nơi' }, 'author');
    // The author's save answers with the published practice and their edit beside it.
    expect(saved.practice).toMatchObject({ title: 'Một cửa liên thông Thừa Thiên Huế', version: 1, status: 'PUBLISHED', history: [] });
    expect(saved.practice.pendingEdit).toMatchObject({
      submittedAt: null,
      returnReason: '',
      preview: { title: 'Một cửa liên thông thành phố Huế', problemHtml: '<p>Hồ sơ đi <strong>ba</strong> nơi</p>\n', version: 1, pendingEdit: null },
    });
    // A second save starts from the edit, not from the published text.
    const again = await mutate('updatePractice', { id, summary: 'Tóm tắt mới' }, 'author');
    expect(again.practice.pendingEdit.preview).toMatchObject({ title: 'Một cửa liên thông thành phố Huế', summary: 'Tóm tắt mới' });
    expect((await mutate('submitPractice', { id }, 'author')).practice.pendingEdit.submittedAt).not.toBeNull();

    // Everyone else reads the published version everywhere.
    expect(await read(id, null)).toMatchObject({ title: 'Một cửa liên thông Thừa Thiên Huế', summary: complete.summary, pendingEdit: null });
    expect(await read(id, 'member')).toMatchObject({ title: 'Một cửa liên thông Thừa Thiên Huế', pendingEdit: null });
    expect(await listTitles()).toContain('Một cửa liên thông Thừa Thiên Huế');
    expect(await listTitles()).not.toContain('Một cửa liên thông thành phố Huế');
    expect(await searchTitles('Thừa Thiên')).toEqual(['Một cửa liên thông Thừa Thiên Huế']);
    expect(await searchTitles('thành phố Huế')).toEqual([]);
    const page = await publicPage(id);
    expect(page).toContain('Một cửa liên thông Thừa Thiên Huế');
    expect(page).not.toContain('thành phố Huế');
    // No published version was replaced yet.
    expect(await PracticeRevision.countDocuments({})).toBe(0);
  });

  it('are published by a curator who claimed them: the text changes, the version moves, the history keeps the replaced one', async () => {
    const id = await withSubmittedEdit('Bản đồ số nông nghiệp Lâm Đồng', 'Bản đồ số nông nghiệp Lâm Đồng mở rộng');
    expect(await editQueue()).toContainEqual({ id, title: 'Bản đồ số nông nghiệp Lâm Đồng', pendingEdit: { preview: { title: 'Bản đồ số nông nghiệp Lâm Đồng mở rộng' } } });
    const desk = (await graphql('{ reviewDesk { editsWaiting } }', {}, as('curator'))).data.reviewDesk;
    expect(desk.editsWaiting).toBeGreaterThanOrEqual(1);
    // New submissions are not mixed with edits.
    const newOnes = (await graphql('{ practicesToReview(first: 50) { edges { node { id } } } }', {}, as('curator'))).data.practicesToReview.edges;
    expect(newOnes.map((e: { node: { id: string } }) => e.node.id)).not.toContain(id);

    expect((await mutate('claimPractice', { id }, 'curator')).practice.reviewClaim).toEqual({ curator: { name: 'Người curator' } });
    expect((await mutate('publishPractice', { id }, 'curator2')).code).toBe('CONFLICT');
    expect((await mutate('markPracticeDuplicate', { id, duplicateOf: await published(), reason: 'Trùng với cách làm khác' }, 'curator')).code).toBe('CONFLICT');
    const opened = (await read(id, 'curator')).updatedAt;
    const done = await mutate('publishPractice', { id, baseUpdatedAt: opened }, 'curator');
    expect(done.practice).toMatchObject({
      status: 'PUBLISHED',
      title: 'Bản đồ số nông nghiệp Lâm Đồng mở rộng',
      problemHtml: '<p>Dữ liệu <strong>đã</strong> được kết nối</p>\n',
      version: 2,
      history: [{ version: 1, title: 'Bản đồ số nông nghiệp Lâm Đồng' }],
      pendingEdit: null,
      reviewClaim: null,
    });
    expect(done.practice.reviewHistory.map((e: { kind: string }) => e.kind)).toEqual(['SUBMITTED', 'PUBLISHED', 'EDIT_SUBMITTED', 'CLAIMED', 'EDIT_PUBLISHED']);
    expect(await read(id, null)).toMatchObject({ title: 'Bản đồ số nông nghiệp Lâm Đồng mở rộng', version: 2 });
    expect(await searchTitles('mở rộng')).toEqual(['Bản đồ số nông nghiệp Lâm Đồng mở rộng']);
    expect(await publicPage(id)).toContain('Bản đồ số nông nghiệp Lâm Đồng mở rộng');
    expect((await editQueue()).map((p: { id: string }) => p.id)).not.toContain(id);
    expect(await AuditEntry.countDocuments({ action: 'practice.published', subject: people.author.id })).toBeGreaterThanOrEqual(2);
  });

  it('are returned with a reason its authors read, the practice staying published; they revise and send it again', async () => {
    const id = await withSubmittedEdit('Chữ ký số cho cán bộ xã', 'Chữ ký số cho mọi cán bộ xã');
    const returned = await mutate('returnPractice', { id, reason: 'Cần thêm số liệu sau khi mở rộng' }, 'curator');
    expect(returned.practice).toMatchObject({ status: 'PUBLISHED', title: 'Chữ ký số cho cán bộ xã', version: 1 });
    expect(returned.practice.reviewHistory.at(-1)).toEqual({ kind: 'EDIT_RETURNED', reason: 'Cần thêm số liệu sau khi mở rộng' });
    expect((await read(id, 'author')).pendingEdit).toMatchObject({ submittedAt: null, returnReason: 'Cần thêm số liệu sau khi mở rộng', preview: { title: 'Chữ ký số cho mọi cán bộ xã' } });
    expect((await read(id, null)).title).toBe('Chữ ký số cho cán bộ xã');
    expect((await editQueue()).map((p: { id: string }) => p.id)).not.toContain(id);
    // Nothing to decide on until the authors send it again.
    expect((await mutate('publishPractice', { id }, 'curator')).code).toBe('CONFLICT');

    await mutate('updatePractice', { id, results: 'Giảm 60% thời gian ký' }, 'author');
    const resent = await mutate('submitPractice', { id }, 'author');
    expect(resent.practice.pendingEdit).toMatchObject({ returnReason: '', preview: { title: 'Chữ ký số cho mọi cán bộ xã' } });
    expect(resent.practice.pendingEdit.submittedAt).not.toBeNull();
    expect((await editQueue()).map((p: { id: string }) => p.id)).toContain(id);
  });

  it('are checked on submit for what the case needs, and an edit back to the published text is no edit', async () => {
    const id = await published('Trợ lý ảo cho công chức');
    expect((await mutate('submitPractice', { id }, 'author')).code).toBe('CONFLICT');
    await mutate('updatePractice', { id, problem: '', solution: '' }, 'author');
    const refused = await mutate('submitPractice', { id }, 'author');
    expect(refused.fieldErrors.map((e: { path: string }) => e.path).sort()).toEqual(['problem', 'solution']);
    expect((await read(id, 'author')).pendingEdit.submittedAt).toBeNull();
    const back = await mutate('updatePractice', { id, problem: complete.problem, solution: complete.solution }, 'author');
    expect(back.practice.pendingEdit).toBeNull();
  });

  it('withdraw a submitted edit when edited again, and refuse a save over a version the author did not see', async () => {
    const id = await withSubmittedEdit('Hóa đơn điện tử cấp tỉnh', 'Hóa đơn điện tử toàn tỉnh');
    const opened = (await read(id, 'author')).updatedAt;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const saved = await mutate('updatePractice', { id, baseUpdatedAt: opened, summary: 'Bản sửa lần hai' }, 'author');
    expect(saved.practice.pendingEdit.submittedAt).toBeNull();
    expect((await editQueue()).map((p: { id: string }) => p.id)).not.toContain(id);
    const stale = await mutate('updatePractice', { id, baseUpdatedAt: opened, summary: 'Ghi đè' }, 'author');
    expect(stale.code).toBe('CONFLICT');
    expect((await read(id, 'author')).pendingEdit.preview.summary).toBe('Bản sửa lần hai');
    // A curator's decision over a version they did not see is refused as well.
    await mutate('submitPractice', { id }, 'author');
    expect((await mutate('publishPractice', { id, baseUpdatedAt: opened }, 'curator')).code).toBe('CONFLICT');
    expect((await read(id, null)).title).toBe('Hóa đơn điện tử cấp tỉnh');
  });

  it('are not shown to people who are neither its authors nor curators', async () => {
    const id = await withSubmittedEdit('Kho dữ liệu dùng chung', 'Kho dữ liệu dùng chung bản mới');
    expect((await read(id, 'member')).pendingEdit).toBeNull();
    expect((await read(id, null)).pendingEdit).toBeNull();
    expect((await read(id, 'curator')).pendingEdit.preview.title).toBe('Kho dữ liệu dùng chung bản mới');
    expect((await mutate('updatePractice', { id, title: 'Bị sửa trộm' }, 'member')).code).toBe('NOT_AUTHORIZED');
    expect((await graphql('{ practicesToReview(first: 5, filter: { kind: EDIT }) { edges { node { id } } } }', {}, as('member'))).errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
  });
});

describe('A published practice with an edit', () => {
  it('gives its authors their edit as the working text when a curator unpublishes it; published again, the old version is in its history', async () => {
    const id = await published('Thanh toán học phí không dùng tiền mặt');
    await mutate('updatePractice', { id, title: 'Thanh toán học phí không dùng tiền mặt toàn tỉnh' }, 'author');
    const unpublished = await mutate('unpublishPractice', { id, reason: 'Số liệu kết quả đã cũ' }, 'curator');
    expect(unpublished.practice).toMatchObject({
      status: 'RETURNED',
      title: 'Thanh toán học phí không dùng tiền mặt toàn tỉnh',
      pendingEdit: null,
    });
    // Published again after review, it carries no stale edit; the version readers saw is in its history.
    await mutate('submitPractice', { id }, 'author');
    const again = await mutate('publishPractice', { id }, 'curator');
    expect(again.practice).toMatchObject({
      status: 'PUBLISHED',
      title: 'Thanh toán học phí không dùng tiền mặt toàn tỉnh',
      version: 2,
      pendingEdit: null,
      history: [{ version: 1, title: 'Thanh toán học phí không dùng tiền mặt' }],
    });
  });

  it('keeps a curator’s correction of its topics and place when the edit is published later', async () => {
    const id = await published('Số hóa sổ hộ tịch tại Đà Nẵng');
    await mutate('updatePractice', { id, summary: 'Tóm tắt đã sửa' }, 'author');
    const corrected = await graphql(
      `mutation ($input: CorrectPracticeInput!) { correctPractice(input: $input) { ${RESULT} ... on CorrectPracticePayload { practice { place { code } pendingEdit { preview { place { code } summary } } } } } }`,
      { input: { id, place: 'ha-noi', reason: 'Cách làm này của Hà Nội' } },
      as('curator'),
    );
    expect(corrected.data.correctPractice.practice).toEqual({ place: { code: 'ha-noi' }, pendingEdit: { preview: { place: { code: 'ha-noi' }, summary: 'Tóm tắt đã sửa' } } });
    await mutate('submitPractice', { id }, 'author');
    await mutate('publishPractice', { id }, 'curator');
    const now = (await graphql(`query ($id: ID!) { practice(id: $id) { summary place { code } } }`, { id })).data.practice;
    expect(now).toEqual({ summary: 'Tóm tắt đã sửa', place: { code: 'ha-noi' } });
  });
});
