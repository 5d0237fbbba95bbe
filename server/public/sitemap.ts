import { publishedCollectionDates } from '../../schema/collection/service.ts';
import { publicTextDate, publishedPracticeDates } from '../../schema/practice/service.ts';
import { practicePath } from './addresses.ts';
import { collectionPath } from './collection-page.ts';
import { escapeText } from './page.ts';

/** The public pages that are not records: the home page, the three ways to browse, the showcase and the collections. */
export const PUBLIC_LISTS = ['/', '/practices', '/topics', '/places', '/showcase', '/collections'];

/** A sitemap holds 50,000 addresses at most (sitemaps.org); past that it would need an index. */
const SITEMAP_MAX = 50_000;

/** The sitemap (sitemaps.org 0.9): the public lists, every published collection and practice with its last change. */
export async function sitemap(origin: string): Promise<string> {
  // Collections are few and hand-made: they come first, practices fill the rest.
  const collections = await publishedCollectionDates(SITEMAP_MAX - PUBLIC_LISTS.length);
  const practices = await publishedPracticeDates(SITEMAP_MAX - PUBLIC_LISTS.length - collections.length);
  const url = (path: string, lastmod?: Date | null) => `  <url><loc>${escapeText(origin + path)}</loc>${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ''}</url>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...PUBLIC_LISTS.map((path) => url(path)),
    ...collections.map((c) => url(collectionPath(c.slug), c.updatedAt ?? c.publishedAt)),
    // When the public page last changed: not updatedAt, which an edit still waiting for a curator moves.
    ...practices.map((p) => url(practicePath(String(p._id)), publicTextDate(p))),
    '</urlset>',
    '',
  ].join('\n');
}

/** Crawlers may read the public pages; the API, settings and staff pages are no use to them. */
export const robotsTxt = (origin: string) => ['User-agent: *', 'Allow: /', 'Disallow: /graphql', 'Disallow: /settings', 'Disallow: /staff', '', `Sitemap: ${origin}/sitemap.xml`, ''].join('\n');
