import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { repairCounters } from '../../schema/counters.ts';
import { MARKDOWN_MAX, PRACTICE_LIMITS } from '../../schema/field-limits.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Practice } from '../../schema/practice/model.ts';
import { practicePage } from '../../server/public/practice-page.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

/*
 * The fields a reader needs to reuse a practice (level, partners, cost band, beneficiaries,
 * challenges, conditions for replicating it, a contact person), and the "most discussed" count.
 */

useTestDatabase();

const people: Record<'author' | 'reader', string> = { author: '', reader: '' };
beforeAll(async () => {
  await createReferenceData();
  const author = await createExpert({ handle: 'tacgia', name: 'Tác Giả' });
  await createExpert({ handle: 'lienhe', name: 'Người Liên Hệ' });
  const reader = await createExpert({ handle: 'bandoc', name: 'Bạn Đọc' });
  people.author = await sessionCookieFor(String(author._id));
  people.reader = await sessionCookieFor(String(reader._id));
});
beforeEach(() => resetRateLimits());

/** The database id inside a global id ("Practice:<id>", base64url). */
const plainId = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]!;
const as = (who: keyof typeof people) => ({ cookie: people[who] });
const RESULT = `__typename ... on Error { code } ... on ValidationError { fieldErrors { path code } }`;
const RECORD = `id level partners costBand beneficiaries challenges challengesHtml conditions conditionsHtml contact { handle name }`;

const create = async (input: Record<string, unknown>) =>
  graphql(`mutation ($input: CreatePracticeInput!) { createPractice(input: $input) { ${RESULT} ... on CreatePracticePayload { practice { ${RECORD} } } } }`, { input }, as('author'));
const update = async (input: Record<string, unknown>) =>
  (await graphql(`mutation ($input: UpdatePracticeInput!) { updatePractice(input: $input) { ${RESULT} ... on UpdatePracticePayload { practice { ${RECORD} } } } }`, { input }, as('author'))).data
    .updatePractice;
const read = async (id: string) => (await graphql(`query ($id: ID!) { practice(id: $id) { ${RECORD} } }`, { id }, as('author'))).data.practice;

const reuse = {
  level: 'PROVINCE',
  partners: ['VNPT Đà Nẵng', 'Viettel'],
  costBand: 'FROM_500M_TO_2B',
  beneficiaries: '1,2 triệu người dân và 4.000 doanh nghiệp',
  challenges: 'Dữ liệu **hộ tịch** cũ thiếu chuẩn <script>alert(1)</script>',
  conditions: 'Có nền tảng LGSP và một đầu mối ở mỗi sở.',
  contact: 'lienhe',
};

describe('Practice reuse record', () => {
  it('keeps every reuse field as written, renders the markdown ones safely and links the contact person', async () => {
    const created = (await create({ title: 'Số hoá hộ tịch cấp xã', ...reuse })).data.createPractice;
    expect(created.__typename).toBe('CreatePracticePayload');
    const stored = await read(created.practice.id);
    expect(stored).toMatchObject({
      level: 'PROVINCE',
      partners: ['VNPT Đà Nẵng', 'Viettel'],
      costBand: 'FROM_500M_TO_2B',
      beneficiaries: '1,2 triệu người dân và 4.000 doanh nghiệp',
      challenges: reuse.challenges,
      conditions: reuse.conditions,
      contact: { handle: 'lienhe', name: 'Người Liên Hệ' },
    });
    expect(stored.challengesHtml).toContain('<strong>hộ tịch</strong>');
    expect(stored.challengesHtml).not.toContain('<script');
    expect(stored.conditionsHtml).toBe('<p>Có nền tảng LGSP và một đầu mối ở mỗi sở.</p>\n');

    // null clears the ones that may be empty; an edit of one field leaves the others.
    const cleared = await update({ id: created.practice.id, level: null, costBand: null, contact: null, partners: [] });
    expect(cleared.practice).toMatchObject({ level: null, costBand: null, contact: null, partners: [], conditions: reuse.conditions });
  });

  it('finds a published practice by words of its challenges, conditions and partners', async () => {
    const created = (await create({ title: 'Hội nghị truyền hình xã', challenges: 'Đường truyền chập chờn ở vùng núi', conditions: 'Cần camera cố định', partners: ['MobiFone'] })).data.createPractice;
    await Practice.updateOne({ _id: plainId(created.practice.id) }, { $set: { status: 'published', publishedAt: new Date() } });
    const titles = async (query: string) =>
      (await graphql(`query ($q: String) { practices(filter: { query: $q }) { edges { node { title } } } }`, { q: query })).data.practices.edges.map((e: any) => e.node.title);
    expect(await titles('chap chon vung nui')).toEqual(['Hội nghị truyền hình xã']);
    expect(await titles('camera co dinh')).toEqual(['Hội nghị truyền hình xã']);
    expect(await titles('mobifone')).toEqual(['Hội nghị truyền hình xã']);
  });

  it('shows the reuse record on the public page read without JavaScript, every name escaped', async () => {
    const created = (await create({ title: 'Trang công khai có phần tái sử dụng', ...reuse, partners: ['Công ty <b>A</b> & B'] })).data.createPractice;
    const id = plainId(created.practice.id);
    await Practice.updateOne({ _id: id }, { $set: { status: 'published', publishedAt: new Date() } });
    const body = (await practicePage(id, `http://localhost/practices/${id}`))!.body;
    expect(body).toContain('<h2>Tái sử dụng</h2>');
    expect(body).toContain('<dt>Cấp chính quyền</dt><dd>Tỉnh, thành phố</dd>');
    expect(body).toContain('<dd>Từ 500 triệu đến 2 tỷ đồng</dd>');
    expect(body).toContain('Công ty &lt;b&gt;A&lt;/b&gt; &amp; B');
    expect(body).toContain('<a href="/experts/lienhe">Người Liên Hệ</a>');
    expect(body).toContain('<strong>hộ tịch</strong>');
    expect(body).not.toContain('<script');
  });

  it('refuses an unknown contact handle, oversize texts and too many partners, and saves nothing', async () => {
    const created = (await create({ title: 'Bản nháp để thử giới hạn', ...reuse })).data.createPractice;
    const id = created.practice.id;
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ contact: 'khong-ai-ca' }, 'contact', 'UNKNOWN'],
      [{ partners: Array.from({ length: PRACTICE_LIMITS.partners + 1 }, (_, i) => `Đối tác ${i}`) }, 'partners', 'TOO_LONG'],
      [{ partners: ['x'.repeat(PRACTICE_LIMITS.partnerName + 1)] }, 'partners.0', 'TOO_LONG'],
      [{ beneficiaries: 'n'.repeat(PRACTICE_LIMITS.beneficiaries + 1) }, 'beneficiaries', 'TOO_LONG'],
      [{ challenges: 'a'.repeat(MARKDOWN_MAX + 1) }, 'challenges', 'TOO_LONG'],
      [{ conditions: 'b'.repeat(MARKDOWN_MAX + 1) }, 'conditions', 'TOO_LONG'],
    ];
    for (const [fields, path, code] of refusals) {
      const refused = await update({ id, ...fields });
      expect(refused.__typename, path).toBe('ValidationError');
      expect(refused.fieldErrors).toContainEqual({ path, code });
    }
    // A new draft with an unknown contact is not made at all.
    const before = await Practice.countDocuments();
    expect((await create({ title: 'Liên hệ không tồn tại', contact: 'khong-ai-ca' })).data.createPractice.fieldErrors).toEqual([{ path: 'contact', code: 'UNKNOWN' }]);
    expect(await Practice.countDocuments()).toBe(before);
    expect(await read(id)).toMatchObject({ ...reuse, contact: { handle: 'lienhe' } });
  });

  it('refuses a level or a cost band outside their lists before reaching the practice', async () => {
    const created = (await create({ title: 'Bản nháp để thử danh mục' })).data.createPractice;
    for (const fields of [{ level: 'PLANET' }, { costBand: 'A_LOT' }]) {
      const response = await graphql(`mutation ($input: UpdatePracticeInput!) { updatePractice(input: $input) { __typename } }`, { input: { id: created.practice.id, ...fields } }, as('author'));
      expect(response.errors?.[0]?.message).toMatch(/PracticeLevel|PracticeCostBand/);
    }
    expect(await read(created.practice.id)).toMatchObject({ level: null, costBand: null });
  });
});

describe('Most discussed', () => {
  const MOST_DISCUSSED = `{ practices(sort: MOST_DISCUSSED, first: 10) { edges { node { title discussionCount } } } }`;
  const publish = async (title: string, publishedAt: Date) => {
    const created = (await create({ title })).data.createPractice;
    await Practice.updateOne({ _id: plainId(created.practice.id) }, { $set: { status: 'published', publishedAt } });
    return created.practice.id as string;
  };

  it('moves a practice up when replies are written in its discussion and down when one is removed; the repair recounts it', async () => {
    const practiceId = await publish('Cách làm được bàn nhiều', new Date('2025-01-01'));
    const quiet = await publish('Cách làm mới mà chưa ai bàn', new Date('2026-01-01'));
    const ours = new Set(['Cách làm được bàn nhiều', 'Cách làm mới mà chưa ai bàn']);
    const order = async () => (await graphql(MOST_DISCUSSED)).data.practices.edges.filter((e: any) => ours.has(e.node.title)).map((e: any) => [e.node.title, e.node.discussionCount]);
    expect(await order()).toEqual([
      ['Cách làm mới mà chưa ai bàn', 0],
      ['Cách làm được bàn nhiều', 0],
    ]);

    const thread = (
      await graphql(`mutation ($id: ID!) { startPracticeDiscussion(input: { practiceId: $id }) { ... on StartPracticeDiscussionPayload { thread { id } } } }`, { id: practiceId }, as('reader'))
    ).data.startPracticeDiscussion.thread;
    const reply = async (body: string) =>
      (
        await graphql(
          `mutation ($input: ReplyToThreadInput!) { replyToThread(input: $input) { ... on ReplyToThreadPayload { reply { id } } } }`,
          { input: { threadId: thread.id, body } },
          as('reader'),
        )
      ).data.replyToThread.reply.id as string;
    const first = await reply('Tỉnh tôi cũng muốn làm thử.');
    await reply('Chi phí đường truyền bao nhiêu?');
    expect(await order()).toEqual([
      ['Cách làm được bàn nhiều', 2],
      ['Cách làm mới mà chưa ai bàn', 0],
    ]);

    const removed = await graphql(`mutation ($id: ID!) { deleteReply(input: { replyId: $id }) { __typename } }`, { id: first }, as('reader'));
    expect(removed.data.deleteReply.__typename).toBe('DeleteReplyPayload');
    expect((await order())[0]).toEqual(['Cách làm được bàn nhiều', 1]);

    // A count left wrong by a crash between the two writes is put right by the repair.
    await Practice.updateOne({ _id: plainId(quiet) }, { $set: { discussionCount: 5 } });
    expect((await repairCounters({ settleMs: 0 })).discussions).toBe(1);
    expect(await order()).toEqual([
      ['Cách làm được bàn nhiều', 1],
      ['Cách làm mới mà chưa ai bàn', 0],
    ]);
  });
});
