import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Expert } from '../../schema/expert/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Practice } from '../../schema/practice/model.ts';
import { webDistDir } from '../../server/http.ts';
import { useHttpServer } from '../helpers/app.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

/*
 * What a chat app's link preview, a search engine or a feed reader gets without running the
 * web app's JavaScript: published practices only, every text escaped.
 */

useTestDatabase();
const baseUrl = useHttpServer();

const HOSTILE_TITLE = 'Kết nối </title><script>alert(1)</script> "LGSP" & dữ liệu';
const DRAFT_TITLE = 'Bản nháp bí mật về hạ tầng';
const SUBMITTED_TITLE = 'Hồ sơ đang chờ duyệt về dịch vụ công';

const people = { author: '', curator: '' };
const ids = { published: '', draft: '', submitted: '', formerPlace: '', security: '' };

const RESULT = `__typename ... on Error { code } ... on ValidationError { fieldErrors { path code } }`;
async function mutate(name: string, input: Record<string, unknown>, cookie: string) {
  const type = `${name[0]!.toUpperCase()}${name.slice(1)}`;
  const answer = await graphql(`mutation ($input: ${type}Input!) { ${name}(input: $input) { ${RESULT} ... on ${type}Payload { practice { id status } } } }`, { input }, { cookie });
  const result = answer.data?.[name];
  if (!result?.practice) throw new Error(`${name} failed: ${JSON.stringify(answer)}`);
  return result.practice.id as string;
}

const complete = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  summary: '  Một nền tảng LGSP kết nối\n\n40 hệ thống của thành phố, <b>không</b> giấy tờ.  ',
  problem: 'Các sở **không chia sẻ** dữ liệu <script>alert(2)</script>',
  solution: 'Triển khai LGSP theo Khung kiến trúc 2.0.',
  results: 'Giảm 30% thời gian xử lý hồ sơ.',
  lessons: 'Bắt đầu từ dữ liệu dùng nhiều nhất.',
  organization: 'so-khcn-da-nang',
  place: 'da-nang',
  topics: ['du-lieu-so'],
  stage: 'OPERATING',
  year: 2024,
  ...extra,
});

async function practiceIn(status: 'draft' | 'submitted' | 'published', title: string, extra: Record<string, unknown> = {}) {
  const id = await mutate('createPractice', complete(title, extra), people.author);
  if (status !== 'draft') await mutate('submitPractice', { id }, people.author);
  if (status === 'published') await mutate('publishPractice', { id }, people.curator);
  return id;
}

const databaseId = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]!;

beforeAll(async () => {
  await createReferenceData();
  const author = await createExpert({ handle: 'author1', name: 'Nguyễn Văn Tác Giả' });
  const curator = await createExpert({ handle: 'curator1', name: 'Người Duyệt' });
  await Expert.updateOne({ _id: curator._id }, { $set: { role: 'curator' } });
  people.author = await sessionCookieFor(String(author._id));
  people.curator = await sessionCookieFor(String(curator._id));
  resetRateLimits();
  ids.published = await practiceIn('published', HOSTILE_TITLE);
  ids.security = await practiceIn('published', 'Giám sát an toàn thông tin tập trung', { topics: ['an-toan-thong-tin'], place: 'ha-noi', organization: 'cuc-cds' });
  // A record written under a pre-2025 province keeps that province.
  ids.formerPlace = await practiceIn('published', 'Một cửa điện tử liên thông Quảng Nam');
  await Practice.updateOne({ _id: databaseId(ids.formerPlace) }, { $set: { place: 'quang-nam', organization: 'so-tttt-quang-nam' } });
  ids.draft = await practiceIn('draft', DRAFT_TITLE);
  ids.submitted = await practiceIn('submitted', SUBMITTED_TITLE);
});
beforeEach(() => resetRateLimits());

const get = (pathname: string, headers: Record<string, string> = {}) => fetch(`${baseUrl()}${pathname}`, { headers });
const text = async (pathname: string) => {
  const response = await get(pathname);
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
};
/** The content of a meta tag, entities decoded as a browser would. */
const meta = (html: string, key: string) => {
  const match = new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`).exec(html);
  return match ? new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: true }).parse(`<x a="${match[1]}"/>`).x['@_a'] : null;
};
const mountOf = (html: string) => /<div id="app">([\s\S]*?)<\/div>\s*<noscript>/.exec(html)?.[1] ?? null;
const appPage = readFileSync(path.join(webDistDir, 'index.html'), 'utf8');

describe('A published practice’s page without JavaScript', () => {
  it('has its own title, description, Open Graph and Twitter tags and canonical address', async () => {
    const { status, type, body } = await text(`/practices/${ids.published}`);
    expect(status).toBe(200);
    expect(type).toContain('text/html');
    const url = `${baseUrl()}/practices/${ids.published}`;
    expect(meta(body, 'og:title')).toContain(HOSTILE_TITLE);
    expect(meta(body, 'description')).toBe('Một nền tảng LGSP kết nối 40 hệ thống của thành phố, <b>không</b> giấy tờ.');
    expect(meta(body, 'og:description')).toBe(meta(body, 'description'));
    expect(meta(body, 'og:type')).toBe('article');
    expect(meta(body, 'og:url')).toBe(url);
    expect(meta(body, 'og:site_name')).toBe('Mạng lưới chuyên gia chuyển đổi số');
    expect(meta(body, 'og:locale')).toBe('vi_VN');
    expect(meta(body, 'twitter:card')).toBe('summary');
    expect(meta(body, 'twitter:title')).toContain(HOSTILE_TITLE);
    expect(body).toContain(`<link rel="canonical" href="${url}" />`);
    // One title and one description: the app page's own are replaced, not doubled.
    expect(body.match(/<title>/g)).toHaveLength(1);
    expect(body.match(/<meta name="description"/g)).toHaveLength(1);
  });

  it('shows its title, organisation, place, summary and sections inside the app’s mount element', async () => {
    const mount = mountOf((await text(`/practices/${ids.published}`)).body);
    expect(mount).toContain('<h1>Kết nối &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;LGSP&quot; &amp; dữ liệu</h1>');
    expect(mount).toContain('Sở Khoa học và Công nghệ Đà Nẵng · Đà Nẵng');
    expect(mount).toContain('Dữ liệu số');
    expect(mount).toContain('&lt;b&gt;không&lt;/b&gt; giấy tờ.');
    for (const heading of ['Vấn đề', 'Giải pháp', 'Kết quả', 'Bài học kinh nghiệm']) expect(mount).toContain(`<h2>${heading}</h2>`);
    // The stored sanitised HTML, as the API serves it.
    const stored = await graphql('query ($id: ID!) { practice(id: $id) { problemHtml } }', { id: ids.published });
    expect(mount).toContain(stored.data.practice.problemHtml);
    expect(mount).toContain('<strong>không chia sẻ</strong>');
  });

  it('leaves a hostile title inert: no script but the app’s own, the title element closed once', async () => {
    const { body } = await text(`/practices/${ids.published}`);
    expect(body).toContain('<title>Kết nối &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;LGSP&quot; &amp; dữ liệu | Mạng lưới chuyên gia chuyển đổi số</title>');
    expect(body.match(/<script/g)).toEqual(appPage.match(/<script/g));
    expect(body).not.toContain('alert(2)</script>');
    expect(body).not.toMatch(/<script>alert/);
  });

  it('keeps the app’s scripts and styles, so the app starts on it', async () => {
    const { body } = await text(`/practices/${ids.published}`);
    for (const asset of appPage.match(/\/assets\/[^"]+/g) ?? []) expect(body).toContain(asset);
  });
});

describe('Private and unknown practices', () => {
  it('answer the plain app page, telling nothing of a draft or a submission', async () => {
    const unknown = Buffer.from('Practice:0123456789abcdef01234567').toString('base64url');
    for (const id of [ids.draft, ids.submitted, unknown, 'not-an-id', Buffer.from('Expert:0123456789abcdef01234567').toString('base64url')]) {
      const { status, body } = await text(`/practices/${id}`);
      expect(status, id).toBe(200);
      expect(body, id).toBe(appPage);
    }
  });

  it('are left out of the sitemap and the feeds', async () => {
    for (const pathname of ['/sitemap.xml', '/feeds/practices.atom']) {
      const { body } = await text(pathname);
      for (const id of [ids.draft, ids.submitted]) expect(body).not.toContain(id);
      expect(body).not.toContain(DRAFT_TITLE);
      expect(body).not.toContain(SUBMITTED_TITLE);
    }
  });
});

describe('The home page and the practice list', () => {
  it('have a real title, description and Open Graph tags in Vietnamese', async () => {
    for (const [pathname, title] of [
      ['/', 'Mạng lưới chuyên gia chuyển đổi số Việt Nam'],
      ['/practices', 'Cách làm hay | Mạng lưới chuyên gia chuyển đổi số'],
    ] as const) {
      const { status, body } = await text(pathname);
      expect(status).toBe(200);
      expect(body).toContain(`<title>${title}</title>`);
      expect(meta(body, 'og:title')).toBe(title);
      expect(meta(body, 'og:type')).toBe('website');
      expect(meta(body, 'og:url')).toBe(`${baseUrl()}${pathname}`);
      expect(meta(body, 'description')?.length).toBeGreaterThan(50);
    }
  });
});

describe('Sitemap and robots.txt', () => {
  it('list the public lists and every published practice with its last change', async () => {
    const { status, type, body } = await text('/sitemap.xml');
    expect(status).toBe(200);
    expect(type).toContain('xml');
    expect(XMLValidator.validate(body)).toBe(true);
    const urls: { loc: string; lastmod?: string }[] = new XMLParser().parse(body).urlset.url;
    const base = baseUrl();
    expect(urls.slice(0, 4).map((u) => u.loc)).toEqual([`${base}/`, `${base}/practices`, `${base}/topics`, `${base}/places`]);
    const practices = urls.filter((u) => u.loc.startsWith(`${base}/practices/`));
    expect(practices.map((u) => u.loc).sort()).toEqual([ids.published, ids.security, ids.formerPlace].map((id) => `${base}/practices/${id}`).sort());
    const stored = await Practice.findById(databaseId(ids.published)).lean();
    expect(practices.find((u) => u.loc.endsWith(ids.published))?.lastmod).toBe(stored!.revisedAt!.toISOString());
  });

  it('robots.txt allows the public pages, keeps crawlers off the API, settings and staff pages, and names the sitemap', async () => {
    const { status, body } = await text('/robots.txt');
    expect(status).toBe(200);
    expect(body.split('\n')).toEqual(expect.arrayContaining(['User-agent: *', 'Allow: /', 'Disallow: /graphql', 'Disallow: /settings', 'Disallow: /staff', `Sitemap: ${baseUrl()}/sitemap.xml`]));
  });
});

describe('Atom feeds of newly published practices', () => {
  type Entry = { id: string; title: Html; updated: string; published: string; summary: Html; link: { '@_href': string }; author: { name: string } | { name: string }[] };
  const feedOf = async (query = '') => {
    const { status, type, body } = await text(`/feeds/practices.atom${query}`);
    expect(status).toBe(200);
    expect(type).toContain('application/atom+xml');
    expect(XMLValidator.validate(body)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry', htmlEntities: true }).parse(body).feed;
    return { feed, entries: (feed.entry ?? []) as Entry[] };
  };
  /** An element marked type="html": its text, as the feed wrote it. */
  type Html = { '#text': string; '@_type': string };
  const hrefs = (entries: Entry[]) => entries.map((e) => e.link['@_href']).sort();
  const at = (...which: string[]) => which.map((id) => `${baseUrl()}/practices/${id}`).sort();

  it('carry every published practice, each with its id, title, dates, link, author and summary', async () => {
    const { feed, entries } = await feedOf();
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe(`${baseUrl()}/feeds/practices.atom`);
    expect(feed.title).toContain('Cách làm hay');
    expect(feed.updated).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(feed.author.name).toBe('Mạng lưới chuyên gia chuyển đổi số');
    expect(hrefs(entries)).toEqual(at(ids.published, ids.security, ids.formerPlace));
    const hostile = entries.find((e) => e.link['@_href'].endsWith(ids.published))!;
    expect(hostile.id).toBe(`${baseUrl()}/practices/${ids.published}`);
    // The title is marked as HTML and escaped: a reader shows the text as written, runs nothing.
    expect(hostile.title['@_type']).toBe('html');
    expect(hostile.title['#text']).toBe('Kết nối &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;LGSP&quot; &amp; dữ liệu');
    expect(hostile.summary['#text']).toContain('Một nền tảng LGSP kết nối 40 hệ thống');
    expect(hostile.author).toEqual({ name: 'Nguyễn Văn Tác Giả' });
    expect(hostile.published).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('filter by topic, and by place with a current province carrying its predecessors’ practices', async () => {
    expect(hrefs((await feedOf('?topic=an-toan-thong-tin')).entries)).toEqual(at(ids.security));
    expect(hrefs((await feedOf('?place=da-nang')).entries)).toEqual(at(ids.published, ids.formerPlace));
    expect(hrefs((await feedOf('?place=quang-nam')).entries)).toEqual(at(ids.formerPlace));
    expect(hrefs((await feedOf('?place=ha-noi&topic=du-lieu-so')).entries)).toEqual([]);
    const { feed } = await feedOf('?topic=an-toan-thong-tin');
    expect(feed.title).toContain('An toàn thông tin');
  });

  it('answer 404 for an unknown topic or place', async () => {
    for (const query of ['?topic=khong-co', '?place=atlantis', '?topic=du-lieu-so&place=atlantis', `?topic=${'x'.repeat(5000)}`]) {
      expect((await get(`/feeds/practices.atom${query}`)).status, query).toBe(404);
    }
  });

  it('hold the 20 newest', async () => {
    const authors = [(await Expert.findOne({ handle: 'author1' }).lean())!._id];
    const now = Date.now();
    const inserted = await Practice.insertMany(
      // Older than the three published above, which stay the newest.
      Array.from({ length: 21 }, (_, i) => ({ title: `Cách làm số ${i}`, summary: 'Tóm tắt.', authors, status: 'published', publishedAt: new Date(now - (60 - i) * 60_000) })),
    );
    try {
      const { entries } = await feedOf();
      expect(entries).toHaveLength(20);
      expect(entries.slice(3).map((e) => e.title['#text'])).toEqual(Array.from({ length: 17 }, (_, i) => `Cách làm số ${20 - i}`));
    } finally {
      await Practice.collection.deleteMany({ _id: { $in: inserted.map((p) => p._id) } });
    }
  });
});

describe('With PUBLIC_URL', () => {
  const configured = useHttpServer({ NODE_ENV: 'test', PUBLIC_URL: 'https://chuyengia.example.vn' });

  it('absolute links start with it', async () => {
    const page = await (await fetch(`${configured()}/practices/${ids.published}`)).text();
    expect(page).toContain(`<link rel="canonical" href="https://chuyengia.example.vn/practices/${ids.published}" />`);
    expect(await (await fetch(`${configured()}/robots.txt`)).text()).toContain('Sitemap: https://chuyengia.example.vn/sitemap.xml');
  });
});
