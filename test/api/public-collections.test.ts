import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Collection } from '../../schema/collection/model.ts';
import { Expert } from '../../schema/expert/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Practice } from '../../schema/practice/model.ts';
import { webDistDir } from '../../server/http.ts';
import { globalId } from '../helpers/accounts.ts';
import { useHttpServer } from '../helpers/app.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

/*
 * A curated collection as a chat app's link preview, a search engine or a feed reader gets it
 * without the web app's JavaScript: published collections only, every text escaped.
 */

useTestDatabase();
const baseUrl = useHttpServer();

const HOSTILE_TITLE = 'Kết nối </title><script>alert(1)</script> "LGSP" & dữ liệu';
const HOSTILE_NOTE = 'Chọn vì <img src=x onerror=alert(3)> "nhanh" & rẻ';
const DRAFT_TITLE = 'Bộ sưu tập nháp bí mật';
const ARCHIVED_TITLE = 'Bộ sưu tập đã lưu trữ';
const WITHDRAWN_TITLE = 'Cách làm đã gỡ xuống';

let curator = '';
const practices = { first: '', second: '', withdrawn: '' };
const slugs = { published: '', draft: '', archived: '' };

const RESULT = `__typename ... on Error { code } ... on ValidationError { fieldErrors { path code } }`;
async function mutate(name: string, input: Record<string, unknown>) {
  const upper = `${name[0]!.toUpperCase()}${name.slice(1)}`;
  const answer = await graphql(`mutation ($input: ${upper}Input!) { ${name}(input: $input) { ${RESULT} ... on ${upper}Payload { collection { id slug } } } }`, { input }, { cookie: curator });
  const collection = answer.data?.[name]?.collection;
  if (!collection) throw new Error(`${name} failed: ${JSON.stringify(answer)}`);
  return collection as { id: string; slug: string };
}

/** A collection holding `items` (practice id and note, in order), left in `status`. */
async function collectionIn(status: 'draft' | 'published' | 'archived', fields: Record<string, unknown>, items: [string, string][]) {
  const c = await mutate('createCollection', fields);
  for (const [practice, note] of items) await mutate('addCollectionItem', { collectionId: c.id, practiceId: globalId('Practice', practice), note });
  if (status !== 'draft') await mutate('publishCollection', { id: c.id });
  if (status === 'archived') await mutate('archiveCollection', { id: c.id });
  return c.slug;
}

beforeAll(async () => {
  await createReferenceData();
  const author = await createExpert({ handle: 'tacgia', name: 'Tác Giả' });
  const editor = await createExpert({ handle: 'bientap', name: 'Biên Tập' });
  await Expert.updateOne({ _id: editor._id }, { $set: { role: 'curator' } });
  curator = await sessionCookieFor(String(editor._id));
  resetRateLimits();
  const practice = async (title: string, extra: Record<string, unknown>) =>
    String((await Practice.create({ title, authors: [author._id], status: 'published', publishedAt: new Date(), version: 1, ...extra }))._id);
  practices.first = await practice('Một cửa điện tử Đà Nẵng', { organization: 'so-khcn-da-nang', place: 'da-nang' });
  practices.second = await practice('Giám sát an toàn thông tin tập trung', { organization: 'cuc-cds', place: 'ha-noi' });
  practices.withdrawn = await practice(WITHDRAWN_TITLE, {});
  slugs.published = await collectionIn(
    'published',
    { title: HOSTILE_TITLE, slug: 'ket-noi-du-lieu', edition: 'Quý 4/2026', intro: 'Các tỉnh **dẫn đầu**\n\nvề kết nối <script>alert(2)</script> & chia sẻ.' },
    [
      [practices.second, HOSTILE_NOTE],
      [practices.withdrawn, 'Đã gỡ'],
      [practices.first, 'Mô hình đầu tiên'],
    ],
  );
  // A practice unpublished after it was chosen: the public no longer sees it in the collection.
  await Practice.updateOne({ _id: practices.withdrawn }, { $set: { status: 'draft' } });
  slugs.draft = await collectionIn('draft', { title: DRAFT_TITLE, slug: 'nhap-bi-mat' }, [[practices.first, 'Nháp']]);
  slugs.archived = await collectionIn('archived', { title: ARCHIVED_TITLE, slug: 'da-luu-tru' }, [[practices.first, 'Cũ']]);
});
beforeEach(() => resetRateLimits());

const text = async (pathname: string) => {
  const response = await fetch(`${baseUrl()}${pathname}`);
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
};
/** The content of a meta tag, entities decoded as a browser would. */
const meta = (html: string, key: string) => {
  const match = new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`).exec(html);
  return match ? new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: true }).parse(`<x a="${match[1]}"/>`).x['@_a'] : null;
};
const mountOf = (html: string) => /<div id="app">([\s\S]*?)<\/div>\s*<noscript>/.exec(html)?.[1] ?? null;
const appPage = readFileSync(path.join(webDistDir, 'index.html'), 'utf8');
const ESCAPED_TITLE = 'Kết nối &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;LGSP&quot; &amp; dữ liệu';

describe('A published collection’s page without JavaScript', () => {
  it('has its own title, description, Open Graph and Twitter tags and canonical address', async () => {
    const { status, type, body } = await text(`/collections/${slugs.published}`);
    expect(status).toBe(200);
    expect(type).toContain('text/html');
    const url = `${baseUrl()}/collections/${slugs.published}`;
    expect(body).toContain(`<title>${ESCAPED_TITLE} — Bộ sưu tập cách làm hay</title>`);
    expect(meta(body, 'og:title')).toBe(`${HOSTILE_TITLE} — Bộ sưu tập cách làm hay`);
    // The introduction's plain text: no tags, paragraphs apart, what its author typed read as written.
    expect(meta(body, 'description')).toBe('Các tỉnh dẫn đầu về kết nối <script>alert(2)</script> & chia sẻ.');
    expect(meta(body, 'og:description')).toBe(meta(body, 'description'));
    expect(meta(body, 'og:type')).toBe('website');
    expect(meta(body, 'og:url')).toBe(url);
    expect(meta(body, 'twitter:card')).toBe('summary');
    expect(meta(body, 'twitter:title')).toBe(meta(body, 'og:title'));
    expect(body).toContain(`<link rel="canonical" href="${url}" />`);
    expect(body.match(/<title>/g)).toHaveLength(1);
  });

  it('shows its title, edition, introduction and its public practices in order, each linked with organisation, place and note', async () => {
    const mount = mountOf((await text(`/collections/${slugs.published}`)).body)!;
    expect(mount).toContain(`<h1>${ESCAPED_TITLE}</h1>`);
    expect(mount).toContain('Quý 4/2026');
    const stored = await graphql('query ($slug: String!) { collection(slug: $slug) { introHtml } }', { slug: slugs.published });
    expect(mount).toContain(stored.data.collection.introHtml);
    expect(mount).toContain('<strong>dẫn đầu</strong>');
    const items = [...mount.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!);
    expect(items).toHaveLength(2);
    expect(items[0]).toContain(`<a href="/practices/${globalId('Practice', practices.second)}">Giám sát an toàn thông tin tập trung</a>`);
    expect(items[0]).toContain('Cục Chuyển đổi số quốc gia · Hà Nội');
    expect(items[0]).toContain('Chọn vì &lt;img src=x onerror=alert(3)&gt; &quot;nhanh&quot; &amp; rẻ');
    expect(items[1]).toContain(`<a href="/practices/${globalId('Practice', practices.first)}">Một cửa điện tử Đà Nẵng</a>`);
    expect(items[1]).toContain('Sở Khoa học và Công nghệ Đà Nẵng · Đà Nẵng');
    expect(items[1]).toContain('Mô hình đầu tiên');
    // A practice no longer published is left out, as the API leaves it out for the public.
    expect(mount).not.toContain(WITHDRAWN_TITLE);
  });

  it('leaves a hostile title, introduction and note inert: no script but the app’s own', async () => {
    const { body } = await text(`/collections/${slugs.published}`);
    expect(body.match(/<script/g)).toEqual(appPage.match(/<script/g));
    expect(body).not.toContain('<img src=x');
    expect(body).not.toMatch(/<script>alert/);
    expect(mountOf(body)).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
  });
});

describe('Draft, archived and unknown collections', () => {
  it('answer the plain app page, telling nothing of them', async () => {
    for (const slug of [slugs.draft, slugs.archived, 'khong-co', 'Ket-Noi', '.hidden', `${'a'.repeat(300)}`, '%3Cscript%3E']) {
      const { status, body } = await text(`/collections/${slug}`);
      expect(status, slug).toBe(200);
      expect(body, slug).toBe(appPage);
    }
  });

  it('are left out of the sitemap and the feed', async () => {
    for (const pathname of ['/sitemap.xml', '/feeds/collections.atom']) {
      const { body } = await text(pathname);
      for (const hidden of [slugs.draft, slugs.archived, DRAFT_TITLE, ARCHIVED_TITLE]) expect(body, pathname).not.toContain(hidden);
    }
  });
});

describe('The collections list page', () => {
  it('has a real title, description and Open Graph tags in Vietnamese', async () => {
    const { status, body } = await text('/collections');
    expect(status).toBe(200);
    expect(body).toContain('<title>Bộ sưu tập cách làm hay | Mạng lưới chuyên gia chuyển đổi số</title>');
    expect(meta(body, 'og:type')).toBe('website');
    expect(meta(body, 'og:url')).toBe(`${baseUrl()}/collections`);
    expect(meta(body, 'description')?.length).toBeGreaterThan(50);
  });
});

describe('The sitemap', () => {
  it('lists the collections page and each published collection with its last change', async () => {
    const { body } = await text('/sitemap.xml');
    expect(XMLValidator.validate(body)).toBe(true);
    const urls: { loc: string; lastmod?: string }[] = new XMLParser().parse(body).urlset.url;
    const base = baseUrl();
    expect(urls.map((u) => u.loc)).toContain(`${base}/collections`);
    const collections = urls.filter((u) => u.loc.startsWith(`${base}/collections/`));
    expect(collections.map((u) => u.loc)).toEqual([`${base}/collections/${slugs.published}`]);
    const stored = await Collection.findOne({ slug: slugs.published }).lean();
    expect(collections[0]!.lastmod).toBe(stored!.updatedAt.toISOString());
  });
});

describe('The Atom feed of collections', () => {
  type Html = { '#text': string; '@_type': string };
  type Entry = { id: string; title: Html; summary: Html; published: string; link: { '@_href': string } };
  const feedOf = async () => {
    const { status, type, body } = await text('/feeds/collections.atom');
    expect(status).toBe(200);
    expect(type).toContain('application/atom+xml');
    expect(XMLValidator.validate(body)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry', htmlEntities: true }).parse(body).feed;
    return { feed, entries: (feed.entry ?? []) as Entry[] };
  };

  it('carries each published collection with its link, escaped title, edition and introduction', async () => {
    const { feed, entries } = await feedOf();
    expect(feed.id).toBe(`${baseUrl()}/feeds/collections.atom`);
    expect(feed.title).toContain('Bộ sưu tập cách làm hay');
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry!.id).toBe(`${baseUrl()}/collections/${slugs.published}`);
    expect(entry!.link['@_href']).toBe(entry!.id);
    expect(entry!.title['@_type']).toBe('html');
    expect(entry!.title['#text']).toBe(`${ESCAPED_TITLE} — Quý 4/2026`);
    expect(entry!.summary['#text']).toBe('Các tỉnh dẫn đầu về kết nối &lt;script&gt;alert(2)&lt;/script&gt; &amp; chia sẻ.');
    expect(entry!.published).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('holds the 20 newest, newest first', async () => {
    const createdBy = (await Expert.findOne({ handle: 'bientap' }).lean())!._id;
    const now = Date.now();
    const inserted = await Collection.insertMany(
      // Newer than the one above, one minute apart: number 20 is the newest.
      Array.from({ length: 21 }, (_, i) => {
        const at = new Date(now + (i + 1) * 60_000);
        return { title: `Bộ số ${i}`, slug: `bo-so-${i}`, status: 'published', createdBy, createdAt: at, publishedAt: at, items: [{ practice: practices.first }] };
      }),
    );
    try {
      const { entries } = await feedOf();
      expect(entries.map((e) => e.title['#text'])).toEqual(Array.from({ length: 20 }, (_, i) => `Bộ số ${20 - i}`));
    } finally {
      await Collection.collection.deleteMany({ _id: { $in: inserted.map((c) => c._id) } });
    }
  });
});
