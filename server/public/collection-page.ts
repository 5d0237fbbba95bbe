import { decodeHTML } from 'entities';
import sanitizeHtml from 'sanitize-html';
import { findReadableCollection, isPubliclyShown } from '../../schema/collection/service.ts';
import { organizationsBySlugs } from '../../schema/organization/service.ts';
import { placesByCodes } from '../../schema/place/service.ts';
import { practicesByIds } from '../../schema/practice/service.ts';
import { slug as slugRule } from '../../schema/validation.ts';
import { practicePath } from './addresses.ts';
import { escapeText, plainSummary, publicOrNull, type PageHead } from './page.ts';

export const COLLECTION_TITLE_SUFFIX = 'Bộ sưu tập cách làm hay';

/** A collection's address in the web app and on the public pages. */
export const collectionPath = (slug: string) => `/collections/${encodeURIComponent(slug)}`;

/** The slug in a collection page's address, or null when the API's slug rule says it cannot name one. */
export const collectionSlugOf = (segment: string): string | null => (slugRule.safeParse(segment).success ? segment : null);

/** Block ends that separate words once the tags are gone. */
const BLOCK_END = /<\/(?:p|li|h[1-6]|blockquote|pre|td|th|tr)>|<br\s*\/?>/gi;

/** The plain text of the stored introduction HTML: tags dropped, entities decoded, one line. */
export function introText(introHtml: string, max = 200): string {
  const text = sanitizeHtml(introHtml.replace(BLOCK_END, '$& '), { allowedTags: [], allowedAttributes: {} });
  return plainSummary(decodeHTML(text), max);
}

/**
 * A published collection's page for readers without JavaScript and link previews: its title,
 * edition, the stored sanitised introduction and its practices in the curators' order, those no
 * longer published left out as the API leaves them out for the public. Null when an anonymous
 * reader may not see it.
 */
export async function collectionPage(slug: string, url: string): Promise<PageHead | null> {
  const collection = await publicOrNull(findReadableCollection(null, slug));
  if (!collection) return null;
  const found = new Map((await practicesByIds(collection.items.map((item) => String(item.practice)))).map((p) => [String(p._id), p]));
  const items = collection.items.flatMap((item) => {
    const practice = found.get(String(item.practice));
    return practice && isPubliclyShown(practice) ? [{ practice, note: item.note }] : [];
  });
  const [organizations, places] = await Promise.all([
    organizationsBySlugs([...new Set(items.flatMap(({ practice }) => practice.organization ?? []))]),
    placesByCodes([...new Set(items.flatMap(({ practice }) => practice.place ?? []))]),
  ]);
  const organizationName = new Map(organizations.map((o) => [o._id, o.name]));
  const placeName = new Map(places.map((p) => [p._id, p.name]));

  const listed = items.map(({ practice, note }) => {
    const where = [practice.organization && organizationName.get(practice.organization), practice.place && placeName.get(practice.place)].filter(Boolean).join(' · ');
    return [
      '<li>',
      `<h2><a href="${escapeText(practicePath(String(practice._id)))}">${escapeText(practice.title)}</a></h2>`,
      where ? `<p class="public-page-where">${escapeText(where)}</p>` : '',
      note.trim() ? `<p class="public-page-note">${escapeText(note.trim())}</p>` : '',
      '</li>',
    ].join('');
  });
  const body = [
    '<main class="public-page"><article>',
    `<h1>${escapeText(collection.title)}</h1>`,
    collection.edition ? `<p class="public-page-edition">${escapeText(collection.edition)}</p>` : '',
    // The stored sanitised HTML, as the API serves it: never rendered here.
    collection.introHtml ? `<div class="public-page-intro">${collection.introHtml}</div>` : '',
    listed.length ? `<ol class="public-page-items">${listed.join('')}</ol>` : '',
    '</article></main>',
  ].join('');
  const description = introText(collection.introHtml) || [collection.title, collection.edition].filter(Boolean).join(', ');
  return { title: `${collection.title} — ${COLLECTION_TITLE_SUFFIX}`, description, url, type: 'website', body };
}
