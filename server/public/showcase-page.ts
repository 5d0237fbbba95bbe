import { publishedCollections } from '../../schema/collection/service.ts';
import { organizationsBySlugs } from '../../schema/organization/service.ts';
import { placesByCodes } from '../../schema/place/service.ts';
import { listPractices } from '../../schema/practice/service.ts';
import { TILE, TILE_SHADES, tileMap, type PlaceCount } from '../../schema/showcase/province-tiles.ts';
import { currentPlacesWithCounts } from '../../schema/showcase/service.ts';
import { SHOWCASE_COLLECTIONS, SHOWCASE_FEATURED } from '../../schema/showcase/sizes.ts';
import { practicePath } from './addresses.ts';
import { COLLECTION_TITLE_SUFFIX, collectionPath, introText } from './collection-page.ts';
import { escapeText, SITE_NAME, type PageHead } from './page.ts';

export const SHOWCASE_PATH = '/showcase';

const SHOWCASE_TITLE = 'Trưng bày cách làm hay';
const SHOWCASE_DESCRIPTION =
  'Các bộ sưu tập và cách làm hay tiêu biểu về chuyển đổi số do Bộ chọn lọc, và số cách làm hay đã công bố của từng tỉnh, thành trong 34 tỉnh, thành (gồm cả các tỉnh cũ đã sáp nhập).';

const placePath = (code: string) => `/places/${encodeURIComponent(code)}`;
const practiceCount = (n: number) => `${n.toLocaleString('vi-VN')} cách làm hay`;

/** The site's Atom feeds the showcase offers: collections and practices, each overall. */
const feedsOf = (origin: string) => [
  { title: `${COLLECTION_TITLE_SUFFIX} | ${SITE_NAME}`, href: `${origin}/feeds/collections.atom`, label: 'Bộ sưu tập mới' },
  { title: `Cách làm hay mới công bố | ${SITE_NAME}`, href: `${origin}/feeds/practices.atom`, label: 'Cách làm hay mới công bố' },
];

/**
 * The showcase home for readers without JavaScript and link previews: the current collections
 * with their editions, the featured practices, and the 34 current units with their published
 * practices (predecessors included) as a tile map and the same numbers as a table; its feeds.
 */
export async function showcasePage(origin: string): Promise<PageHead> {
  const [collections, featured, places] = await Promise.all([
    publishedCollections(SHOWCASE_COLLECTIONS),
    listPractices({ featured: true }, { first: SHOWCASE_FEATURED }).then((page) => page.edges.map((edge) => edge.node)),
    currentPlacesWithCounts(),
  ]);
  const [organizations, practicePlaces] = await Promise.all([
    organizationsBySlugs([...new Set(featured.flatMap((p) => p.organization ?? []))]),
    placesByCodes([...new Set(featured.flatMap((p) => p.place ?? []))]),
  ]);
  const organizationName = new Map(organizations.map((o) => [o._id, o.name]));
  const placeName = new Map(practicePlaces.map((p) => [p._id, p.name]));
  const feeds = feedsOf(origin);

  const collectionItems = collections.map((collection) => {
    const intro = introText(collection.introHtml);
    return [
      '<li>',
      `<h3><a href="${escapeText(collectionPath(collection.slug))}">${escapeText(collection.title)}</a></h3>`,
      collection.edition ? `<p class="public-page-edition">${escapeText(collection.edition)}</p>` : '',
      intro ? `<p>${escapeText(intro)}</p>` : '',
      '</li>',
    ].join('');
  });
  const featuredItems = featured.map((practice) => {
    const where = [practice.organization && organizationName.get(practice.organization), practice.place && placeName.get(practice.place)].filter(Boolean).join(' · ');
    return [
      '<li>',
      `<h3><a href="${escapeText(practicePath(String(practice._id)))}">${escapeText(practice.title)}</a></h3>`,
      where ? `<p class="public-page-where">${escapeText(where)}</p>` : '',
      '</li>',
    ].join('');
  });
  const counts: PlaceCount[] = places.map((place) => ({ code: place._id, name: place.name, practiceCount: place.practiceCount, replicationCount: place.replicationCount }));
  const body = [
    '<main class="public-page">',
    `<h1>${SHOWCASE_TITLE}</h1>`,
    `<p>${escapeText(SHOWCASE_DESCRIPTION)}</p>`,
    '<section class="showcase-collections"><h2>Bộ sưu tập</h2>',
    collectionItems.length ? `<ul>${collectionItems.join('')}</ul>` : '<p>Chưa có bộ sưu tập nào được công bố.</p>',
    '<p><a href="/collections">Xem tất cả bộ sưu tập</a></p></section>',
    '<section class="showcase-featured"><h2>Cách làm hay tiêu biểu</h2>',
    featuredItems.length ? `<ul>${featuredItems.join('')}</ul>` : '<p>Chưa có cách làm hay tiêu biểu nào.</p>',
    '<p><a href="/practices?featured=1">Xem tất cả cách làm tiêu biểu</a></p></section>',
    '<section class="showcase-places"><h2>Cách làm hay theo tỉnh, thành</h2>',
    tileMapSvg(counts),
    placesTable(counts),
    '</section>',
    '<section class="showcase-feeds"><h2>Nguồn tin Atom</h2><ul>',
    ...feeds.map((feed) => `<li><a href="${escapeText(new URL(feed.href).pathname)}">${escapeText(feed.label)}</a></li>`),
    '</ul><p>Thêm <code>?place=</code> và mã tỉnh, thành (ví dụ <code>?place=da-nang</code>) hoặc <code>?topic=</code> và mã chủ đề để chỉ nhận tin của một tỉnh, thành hoặc một chủ đề.</p></section>',
    '</main>',
  ].join('');
  return {
    title: `${SHOWCASE_TITLE} | ${SITE_NAME}`,
    description: SHOWCASE_DESCRIPTION,
    url: origin + SHOWCASE_PATH,
    type: 'website',
    body,
    feeds: feeds.map(({ title, href }) => ({ title, href })),
  };
}

/** The numbers of the map as a table, north to south: a screen reader's and a printer's way to them. */
function placesTable(places: readonly PlaceCount[]): string {
  const rows = places.map(
    (place) =>
      `<tr><th scope="row"><a href="${escapeText(placePath(place.code))}">${escapeText(place.name)}</a></th><td>${place.practiceCount.toLocaleString('vi-VN')}</td><td>${(place.replicationCount ?? 0).toLocaleString('vi-VN')}</td></tr>`,
  );
  return [
    '<table class="showcase-table">',
    '<caption>Số cách làm hay đã công bố và số lần nhân rộng (áp dụng lại cách làm hay của nơi khác) của 34 tỉnh, thành, gồm cả các tỉnh cũ đã sáp nhập</caption>',
    '<thead><tr><th scope="col">Tỉnh, thành</th><th scope="col">Cách làm hay</th><th scope="col">Nhân rộng</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody>`,
    '</table>',
  ].join('');
}

/** The tile map as SVG, each tile a link to its place's page named by the place and its count. */
function tileMapSvg(places: readonly PlaceCount[]): string {
  const map = tileMap(places);
  const tiles = map.tiles.map((tile) => {
    const shade = TILE_SHADES[tile.level]!;
    const middle = tile.x + TILE.width / 2;
    return [
      `<a href="${escapeText(placePath(tile.code))}" aria-label="${escapeText(`${tile.name}: ${practiceCount(tile.practiceCount)}`)}">`,
      `<rect x="${tile.x}" y="${tile.y}" width="${TILE.width}" height="${TILE.height}" rx="6" fill="${shade.fill}" stroke="#6b7586" />`,
      `<text x="${middle}" y="${tile.y + 19}" text-anchor="middle" font-size="12" fill="${shade.text}">${escapeText(tile.label)}</text>`,
      `<text x="${middle}" y="${tile.y + 37}" text-anchor="middle" font-size="14" font-weight="700" fill="${shade.text}">${tile.practiceCount}</text>`,
      '</a>',
    ].join('');
  });
  return [
    '<figure class="showcase-map">',
    `<svg viewBox="0 0 ${map.width} ${map.height}" width="100%" style="max-width:${map.width}px" aria-labelledby="showcase-map-caption" role="group" font-family="sans-serif">`,
    ...tiles,
    '</svg>',
    '<figcaption id="showcase-map-caption">Bản đồ ô 34 tỉnh, thành (phía bắc ở trên): màu càng đậm, càng nhiều cách làm hay.</figcaption>',
    '</figure>',
  ].join('');
}
