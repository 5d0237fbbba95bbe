import { escapeUTF8 } from 'entities';
import { NotFoundError } from '../../schema/errors.ts';

/** Escapes text for HTML and XML, in text and in quoted attributes alike (& < > " '). */
export const escapeText = (text: string) => escapeUTF8(text);

export const SITE_NAME = 'Mạng lưới chuyên gia chuyển đổi số';

/** What a public page tells link previews and search engines, and what it shows without JavaScript. */
export interface PageHead {
  title: string;
  description: string;
  /** The absolute, canonical address of the page. */
  url: string;
  type: 'website' | 'article';
  /** Trusted HTML (escaped text and the stored sanitised HTML) put inside the app's mount element. */
  body?: string;
  /** Atom feeds of the page, for feed readers (`<link rel="alternate">`); absolute addresses. */
  feeds?: readonly { title: string; href: string }[];
}

/** One line of plain text for a description: whitespace collapsed, cut at a word near `max` characters. */
export function plainSummary(text: string, max = 200): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** What an anonymous reader may see of a record: null where the API would answer NOT_FOUND (a draft, an unknown id alike). */
export async function publicOrNull<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

const MOUNT = '<div id="app"></div>';

/**
 * The built index.html with a page's own head and content. The head's title and description are
 * replaced; the content goes inside #app, which the app empties when it starts (web/src/index.tsx).
 */
export function pageTemplate(indexHtml: string) {
  const head = indexHtml.replace(/<title>[\s\S]*?<\/title>\s*/, '').replace(/<meta name="description"[^>]*>\s*/, '');
  if (!head.includes('</head>') || !head.includes(MOUNT)) throw new Error(`web/dist/index.html has no </head> or no ${MOUNT}: public pages cannot be built on it`);
  return (page: PageHead) => {
    const meta = (attribute: 'name' | 'property', key: string, value: string) => `<meta ${attribute}="${key}" content="${escapeText(value)}" />`;
    const tags = [
      `<title>${escapeText(page.title)}</title>`,
      meta('name', 'description', page.description),
      `<link rel="canonical" href="${escapeText(page.url)}" />`,
      meta('property', 'og:title', page.title),
      meta('property', 'og:description', page.description),
      meta('property', 'og:type', page.type),
      meta('property', 'og:url', page.url),
      meta('property', 'og:site_name', SITE_NAME),
      meta('property', 'og:locale', 'vi_VN'),
      meta('name', 'twitter:card', 'summary'),
      meta('name', 'twitter:title', page.title),
      meta('name', 'twitter:description', page.description),
      ...(page.feeds ?? []).map((feed) => `<link rel="alternate" type="application/atom+xml" title="${escapeText(feed.title)}" href="${escapeText(feed.href)}" />`),
    ];
    // Functions as replacements: a `$&` in a title must stay text, not a replacement pattern.
    return head.replace('</head>', () => `    ${tags.join('\n    ')}\n  </head>`).replace(MOUNT, () => `<div id="app">${page.body ?? ''}</div>`);
  };
}
