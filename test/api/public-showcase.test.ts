import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Expert } from '../../schema/expert/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Practice } from '../../schema/practice/model.ts';
import { Replication } from '../../schema/replication/model.ts';
import { loadReferenceData } from '../../seeds/load.ts';
import { globalId } from '../helpers/accounts.ts';
import { useHttpServer } from '../helpers/app.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert } from '../helpers/factories.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

/*
 * The public showcase home (/showcase) as a chat app's link preview, a search engine or a reader
 * without JavaScript gets it, and the collections' Atom feeds per topic and per province that a
 * provincial portal carries: published collections only, every text escaped.
 */

useTestDatabase();
const baseUrl = useHttpServer();

const HOSTILE_TITLE = 'Dữ liệu </title><script>alert(1)</script> "mở" & liên thông';
const ESCAPED_TITLE = 'Dữ liệu &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;mở&quot; &amp; liên thông';
const DRAFT_TITLE = 'Bộ sưu tập nháp về dữ liệu';
const ARCHIVED_TITLE = 'Bộ sưu tập cũ về dữ liệu Đà Nẵng';
const FEATURED_TITLE = 'Trung tâm điều hành thông minh Đà Nẵng';
const PLAIN_TITLE = 'Một cửa điện tử liên thông Quảng Nam';

let curator = '';
const practices = { featured: '', formerPlace: '', hanoi: '' };

const RESULT = `__typename ... on Error { code } ... on ValidationError { fieldErrors { path code } }`;
async function mutate(name: string, input: Record<string, unknown>) {
  const upper = `${name[0]!.toUpperCase()}${name.slice(1)}`;
  const answer = await graphql(`mutation ($input: ${upper}Input!) { ${name}(input: $input) { ${RESULT} ... on ${upper}Payload { collection { id slug } } } }`, { input }, { cookie: curator });
  const collection = answer.data?.[name]?.collection;
  if (!collection) throw new Error(`${name} failed: ${JSON.stringify(answer)}`);
  return collection as { id: string; slug: string };
}

/** A collection of these practices, left in `status`. */
async function collectionIn(status: 'draft' | 'published' | 'archived', fields: Record<string, unknown>, items: string[]) {
  const c = await mutate('createCollection', fields);
  for (const practice of items) await mutate('addCollectionItem', { collectionId: c.id, practiceId: globalId('Practice', practice), note: 'Vì sao chọn' });
  if (status !== 'draft') await mutate('publishCollection', { id: c.id });
  if (status === 'archived') await mutate('archiveCollection', { id: c.id });
  return c.slug;
}

beforeAll(async () => {
  await loadReferenceData();
  const author = await createExpert({ handle: 'tacgia', name: 'Tác Giả' });
  const editor = await createExpert({ handle: 'bientap', name: 'Biên Tập' });
  await Expert.updateOne({ _id: editor._id }, { $set: { role: 'curator' } });
  curator = await sessionCookieFor(String(editor._id));
  resetRateLimits();
  const practice = async (title: string, extra: Record<string, unknown>) =>
    String((await Practice.create({ title, authors: [author._id], status: 'published', publishedAt: new Date(), version: 1, ...extra }))._id);
  practices.featured = await practice(FEATURED_TITLE, { organization: 'so-khcn-da-nang', place: 'da-nang', featured: true });
  // Written under a province merged into Đà Nẵng in 2025: Đà Nẵng counts it.
  practices.formerPlace = await practice(PLAIN_TITLE, { organization: 'so-tttt-quang-nam', place: 'quang-nam' });
  practices.hanoi = await practice('Giám sát an toàn thông tin tập trung Hà Nội', { organization: 'so-khcn-ha-noi', place: 'ha-noi' });
  const draft = await practice('Bản nháp không được đếm', { place: 'ha-noi', status: 'draft', publishedAt: null });
  // Đà Nẵng's practice adopted in Hà Nội, and once under a province merged into Đà Nẵng; an
  // adoption of a draft counts nowhere.
  const adoption = (of: string, organization: string, place: string) =>
    Replication.create({ practice: of, organization, place, year: 2026, month: 3, changes: 'Áp dụng lại cho thành phố', recordedBy: author._id });
  await adoption(practices.featured, 'so-khcn-ha-noi', 'ha-noi');
  await adoption(practices.hanoi, 'so-tttt-quang-nam', 'quang-nam');
  await adoption(draft, 'so-khcn-da-nang', 'da-nang');

  // Oldest first: the showcase lists the newest first.
  await collectionIn('published', { title: 'Mô hình điểm Hà Nội', slug: 'mo-hinh-ha-noi', topics: ['an-toan-thong-tin'], places: ['ha-noi'], edition: 'Quý 3/2026' }, [practices.hanoi]);
  await collectionIn('published', { title: HOSTILE_TITLE, slug: 'du-lieu-lien-thong', topics: ['du-lieu-so'], places: ['da-nang'], edition: 'Quý 4/2026', intro: 'Các tỉnh **dẫn đầu** về dữ liệu.' }, [
    practices.featured,
    practices.formerPlace,
  ]);
  await collectionIn('draft', { title: DRAFT_TITLE, slug: 'nhap-du-lieu', topics: ['du-lieu-so'], places: ['da-nang'] }, [practices.featured]);
  await collectionIn('archived', { title: ARCHIVED_TITLE, slug: 'cu-du-lieu', topics: ['du-lieu-so'], places: ['da-nang'] }, [practices.featured]);
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
const sectionOf = (mount: string, name: string) => new RegExp(`<section class="showcase-${name}">([\\s\\S]*?)</section>`).exec(mount)?.[1] ?? '';

describe('The showcase home without JavaScript', () => {
  it('has its own title, description, Open Graph and Twitter tags, canonical address and feed links', async () => {
    const { status, type, body } = await text('/showcase');
    expect(status).toBe(200);
    expect(type).toContain('text/html');
    const url = `${baseUrl()}/showcase`;
    expect(body).toContain('<title>Trưng bày cách làm hay | Mạng lưới chuyên gia chuyển đổi số</title>');
    expect(body.match(/<title>/g)).toHaveLength(1);
    expect(meta(body, 'description')).toContain('34 tỉnh, thành');
    expect(meta(body, 'og:title')).toBe('Trưng bày cách làm hay | Mạng lưới chuyên gia chuyển đổi số');
    expect(meta(body, 'og:description')).toBe(meta(body, 'description'));
    expect(meta(body, 'og:type')).toBe('website');
    expect(meta(body, 'og:url')).toBe(url);
    expect(meta(body, 'twitter:card')).toBe('summary');
    expect(body).toContain(`<link rel="canonical" href="${url}" />`);
    // Feed readers find both feeds from the page's address.
    const alternates = [...body.matchAll(/<link rel="alternate" type="application\/atom\+xml" title="[^"]+" href="([^"]+)" \/>/g)].map((m) => m[1]);
    expect(alternates).toEqual([`${baseUrl()}/feeds/collections.atom`, `${baseUrl()}/feeds/practices.atom`]);
  });

  it('lists the published collections newest first with their editions, never a draft or an archived one', async () => {
    const collections = sectionOf(mountOf((await text('/showcase')).body)!, 'collections');
    const titles = [...collections.matchAll(/<h3><a href="([^"]+)">([\s\S]*?)<\/a><\/h3>/g)].map((m) => [m[1], m[2]]);
    expect(titles).toEqual([
      ['/collections/du-lieu-lien-thong', ESCAPED_TITLE],
      ['/collections/mo-hinh-ha-noi', 'Mô hình điểm Hà Nội'],
    ]);
    expect(collections).toContain('Quý 4/2026');
    expect(collections).toContain('Các tỉnh dẫn đầu về dữ liệu.');
    expect(collections.indexOf('Quý 4/2026')).toBeLessThan(collections.indexOf('Quý 3/2026'));
    expect(collections).not.toContain(DRAFT_TITLE);
    expect(collections).not.toContain(ARCHIVED_TITLE);
  });

  it('shows the featured practices, linked with their organisation and place, and only those', async () => {
    const featured = sectionOf(mountOf((await text('/showcase')).body)!, 'featured');
    expect(featured).toContain(`<a href="/practices/${globalId('Practice', practices.featured)}">${FEATURED_TITLE}</a>`);
    expect(featured).toContain('Sở Khoa học và Công nghệ thành phố Đà Nẵng · Đà Nẵng');
    expect(featured).not.toContain(PLAIN_TITLE);
    expect(featured).toContain('href="/practices?featured=1"');
  });

  it('gives each of the 34 current units its published practices and adoptions, predecessors included, in a table and on the tile map, as the API counts them', async () => {
    const places = sectionOf(mountOf((await text('/showcase')).body)!, 'places');
    const api = await graphql<{ places: { code: string; name: string; practiceCount: number; replicationCount: number }[] }>('{ places { code name practiceCount replicationCount } }');
    const counts = api.data!.places;
    expect(counts).toHaveLength(34);
    expect(counts.find((p) => p.code === 'da-nang')).toMatchObject({ practiceCount: 2, replicationCount: 1 });
    expect(counts.find((p) => p.code === 'ha-noi')).toMatchObject({ replicationCount: 1 });

    expect(places).toMatch(
      /<table class="showcase-table"><caption>[^<]+<\/caption><thead><tr><th scope="col">Tỉnh, thành<\/th><th scope="col">Cách làm hay<\/th><th scope="col">Nhân rộng<\/th><\/tr><\/thead>/,
    );
    const rows = [...places.matchAll(/<tr><th scope="row"><a href="\/places\/([^"]+)">([^<]+)<\/a><\/th><td>(\d+)<\/td><td>(\d+)<\/td><\/tr>/g)].map((m) => ({
      code: m[1],
      name: m[2],
      practiceCount: Number(m[3]),
      replicationCount: Number(m[4]),
    }));
    expect(rows).toEqual(counts);

    // One tile per unit, each a link to its page named by the unit and its count.
    const tiles = [...places.matchAll(/<a href="\/places\/([^"]+)" aria-label="([^"]+)">/g)].map((m) => [m[1], m[2]]);
    expect(tiles).toHaveLength(34);
    expect(tiles).toContainEqual(['da-nang', 'Đà Nẵng: 2 cách làm hay']);
    expect(tiles).toContainEqual(['ha-noi', 'Hà Nội: 1 cách làm hay']);
    expect(tiles).toContainEqual(['ca-mau', 'Cà Mau: 0 cách làm hay']);
    expect(places).toContain('<svg viewBox=');
  });

  it('links the feeds in the page, and leaves a hostile collection title inert', async () => {
    const { body } = await text('/showcase');
    const feeds = sectionOf(mountOf(body)!, 'feeds');
    expect(feeds).toContain('<a href="/feeds/collections.atom">');
    expect(feeds).toContain('<a href="/feeds/practices.atom">');
    expect(body).not.toMatch(/<script>alert/);
  });
});

describe('The sitemap', () => {
  it('lists the showcase home', async () => {
    const { body } = await text('/sitemap.xml');
    expect(XMLValidator.validate(body)).toBe(true);
    const urls: { loc: string }[] = new XMLParser().parse(body).urlset.url;
    expect(urls.map((u) => u.loc)).toContain(`${baseUrl()}/showcase`);
  });
});

describe('The Atom feeds of collections per topic and per province', () => {
  type Html = { '#text': string; '@_type': string };
  type Entry = { id: string; title: Html };
  const feedOf = async (query: string) => {
    const { status, type, body } = await text(`/feeds/collections.atom${query}`);
    expect(status, query).toBe(200);
    expect(type).toContain('application/atom+xml');
    expect(XMLValidator.validate(body)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry', htmlEntities: true }).parse(body).feed;
    return { feed, ids: ((feed.entry ?? []) as Entry[]).map((entry) => entry.id.replace(`${baseUrl()}/collections/`, '')) };
  };

  it('carry, for a topic, only the published collections about it, and name it', async () => {
    const { feed, ids } = await feedOf('?topic=du-lieu-so');
    expect(ids).toEqual(['du-lieu-lien-thong']);
    expect(feed.id).toBe(`${baseUrl()}/feeds/collections.atom?topic=du-lieu-so`);
    expect(feed.title).toContain('Dữ liệu số và nền tảng chia sẻ dữ liệu');
    expect((await feedOf('?topic=an-toan-thong-tin')).ids).toEqual(['mo-hinh-ha-noi']);
    // A known topic no published collection is about: an empty feed, not an error.
    expect((await feedOf('?topic=chinh-phu-so')).ids).toEqual([]);
  });

  it('carry, for a province, only the published collections naming it', async () => {
    const { feed, ids } = await feedOf('?place=da-nang');
    expect(ids).toEqual(['du-lieu-lien-thong']);
    expect(feed.title).toContain('Đà Nẵng');
    expect((await feedOf('?place=ha-noi')).ids).toEqual(['mo-hinh-ha-noi']);
    expect((await feedOf('?place=ca-mau')).ids).toEqual([]);
    expect((await feedOf('?topic=du-lieu-so&place=ha-noi')).ids).toEqual([]);
    expect((await feedOf('?topic=an-toan-thong-tin&place=ha-noi')).ids).toEqual(['mo-hinh-ha-noi']);
  });

  it('never carry a draft or an archived collection, overall or narrowed', async () => {
    for (const query of ['', '?topic=du-lieu-so', '?place=da-nang', '?topic=du-lieu-so&place=da-nang']) {
      const { body } = await text(`/feeds/collections.atom${query}`);
      for (const hidden of [DRAFT_TITLE, ARCHIVED_TITLE, 'nhap-du-lieu', 'cu-du-lieu']) expect(body, `${query} ${hidden}`).not.toContain(hidden);
    }
    expect((await feedOf('')).ids).toEqual(['du-lieu-lien-thong', 'mo-hinh-ha-noi']);
  });

  it('answer 404 for an unknown or hostile topic or place, as the practices feed does', async () => {
    for (const query of ['?topic=khong-co', '?place=khong-co', '?place=', '?topic=du-lieu-so&place=atlantis', `?place=${'a'.repeat(5000)}`, '?topic=%3Cscript%3E', '?place[$ne]=x&place=%24ne']) {
      const { status, body } = await text(`/feeds/collections.atom${query}`);
      expect(status, query).toBe(404);
      expect(body).toBe('No such topic or place.\n');
    }
  });
});
