import { XMLParser } from 'fast-xml-parser';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Expert } from '../../schema/expert/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { migratePractices } from '../../schema/practice/migrate.ts';
import { Practice, PracticeRevision } from '../../schema/practice/model.ts';
import { globalId } from '../helpers/accounts.ts';
import { useHttpServer } from '../helpers/app.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

/*
 * The sitemap's <lastmod> and the Atom feed's <updated> say when a practice's public page last
 * changed: saving or sending an edit the public does not see yet leaves them; publishing the edit
 * or a curator's correction moves them. Practices stored before that date was kept get the latest
 * change known.
 */

useTestDatabase();
const baseUrl = useHttpServer();

const people = { author: '', curator: '' };
let authorId = '';

const RESULT = `__typename ... on Error { code } ... on ValidationError { fieldErrors { path code } }`;
async function mutate(name: string, input: Record<string, unknown>, cookie: string) {
  const type = `${name[0]!.toUpperCase()}${name.slice(1)}`;
  const answer = await graphql(`mutation ($input: ${type}Input!) { ${name}(input: $input) { ${RESULT} ... on ${type}Payload { practice { id } } } }`, { input }, { cookie });
  const id = answer.data?.[name]?.practice?.id;
  if (!id) throw new Error(`${name} failed: ${JSON.stringify(answer)}`);
  return id as string;
}

const databaseId = (id: string) => Buffer.from(id, 'base64url').toString('utf8').split(':')[1]!;

beforeAll(async () => {
  await createReferenceData();
  const author = await createExpert({ handle: 'ngay-tacgia', name: 'Trần Văn Tác Giả' });
  const curator = await createExpert({ handle: 'ngay-bientap', name: 'Người Duyệt' });
  await Expert.updateOne({ _id: curator._id }, { $set: { role: 'curator' } });
  authorId = String(author._id);
  people.author = await sessionCookieFor(authorId);
  people.curator = await sessionCookieFor(String(curator._id));
});
beforeEach(() => resetRateLimits());

/** A practice written, submitted and published through the API; its global id. */
async function publishedPractice(title: string): Promise<string> {
  const id = await mutate(
    'createPractice',
    {
      title,
      summary: 'Cổng dữ liệu mở của thành phố',
      problem: 'Dữ liệu nằm rải rác ở các sở.',
      solution: 'Một cổng dữ liệu mở dùng chung.',
      results: 'Năm 2025: 120 bộ dữ liệu mở.',
      lessons: 'Bắt đầu từ dữ liệu dùng nhiều nhất.',
      organization: 'so-khcn-da-nang',
      place: 'da-nang',
      topics: ['du-lieu-so'],
      stage: 'OPERATING',
      year: 2024,
    },
    people.author,
  );
  await mutate('submitPractice', { id }, people.author);
  await mutate('publishPractice', { id }, people.curator);
  return id;
}

/** The practice's <lastmod> in the sitemap. */
async function lastmodOf(id: string): Promise<string | undefined> {
  const body = await fetch(`${baseUrl()}/sitemap.xml`).then((r) => r.text());
  const urls: { loc: string; lastmod?: string }[] = new XMLParser({ isArray: (name) => name === 'url' }).parse(body).urlset.url;
  return urls.find((u) => u.loc === `${baseUrl()}/practices/${id}`)?.lastmod;
}

/** The feed's own <updated>, and the practice's entry's. */
async function feedDatesOf(id: string): Promise<{ feed: string; entry: string | undefined }> {
  const body = await fetch(`${baseUrl()}/feeds/practices.atom`).then((r) => r.text());
  const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' }).parse(body).feed;
  const entries: { updated: string; link: { '@_href': string } }[] = feed.entry ?? [];
  return { feed: feed.updated, entry: entries.find((e) => e.link['@_href'] === `${baseUrl()}/practices/${id}`)?.updated };
}

const storedUpdatedAt = async (id: string) => (await Practice.findById(databaseId(id)).lean())!.updatedAt.toISOString();

describe('The sitemap’s lastmod and the feed’s updated', () => {
  it('stay while the authors save and send an edit, and move when a curator publishes it', async () => {
    const id = await publishedPractice('Cổng dữ liệu mở Đà Nẵng');
    const published = await lastmodOf(id);
    expect(published).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await feedDatesOf(id)).toEqual({ feed: published, entry: published });

    // The authors write an edit (new figures for 2026) and send it: the public page is as it was.
    await mutate('updatePractice', { id, results: 'Năm 2026: 310 bộ dữ liệu mở, 2,1 triệu lượt tải.' }, people.author);
    await mutate('submitPractice', { id }, people.author);
    // The practice itself did change (its editors save against updatedAt): not its public text.
    expect(await storedUpdatedAt(id)).not.toBe(published);
    expect(await lastmodOf(id)).toBe(published);
    expect(await feedDatesOf(id)).toEqual({ feed: published, entry: published });

    await mutate('publishPractice', { id }, people.curator);
    const edited = await lastmodOf(id);
    expect(Date.parse(edited!)).toBeGreaterThan(Date.parse(published!));
    expect(await feedDatesOf(id)).toEqual({ feed: edited, entry: edited });
  });

  it('move when a curator corrects a published practice’s topics, which its page shows', async () => {
    const id = await publishedPractice('Một cửa điện tử liên thông Đà Nẵng');
    const before = await lastmodOf(id);
    await mutate('correctPractice', { id, topics: ['an-toan-thong-tin'], reason: 'Chủ đề chính là an toàn thông tin' }, people.curator);
    const after = await lastmodOf(id);
    expect(Date.parse(after!)).toBeGreaterThan(Date.parse(before!));
    expect((await feedDatesOf(id)).entry).toBe(after);
  });

  it('of a practice stored before they were kept: its latest published edit, once the start-up migration ran', async () => {
    const publishedAt = new Date('2024-03-01T02:00:00Z');
    const editPublishedAt = new Date('2025-06-10T08:30:00Z');
    // Saved since by its authors (updatedAt), an edit the public has not seen.
    const { _id: stored } = await Practice.create({ title: 'Số hóa hồ sơ đất đai Đà Nẵng', summary: 'Tóm tắt.', authors: [authorId], status: 'published', version: 2, publishedAt });
    const id = globalId('Practice', String(stored));
    await PracticeRevision.collection.insertOne({ practice: stored, version: 1, snapshot: { title: 'Bản đầu' }, editedBy: stored, createdAt: editPublishedAt });
    // Before the migration: its publication.
    expect(await lastmodOf(id)).toBe(publishedAt.toISOString());
    await migratePractices();
    expect(await lastmodOf(id)).toBe(editPublishedAt.toISOString());
    expect((await feedDatesOf(id)).entry).toBe(editPublishedAt.toISOString());
  });
});
