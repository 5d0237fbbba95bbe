import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { MARKDOWN_MAX } from '../field-limits.ts';

/*
 * The one renderer for text people write. markdown-it with raw HTML off escapes every tag, and
 * the result goes through an allow-list sanitiser anyway, so no stored text can run script in
 * anyone's browser (and the Content-Security-Policy allows no inline script besides).
 */

/** The longest markdown field accepted; bigger inputs are refused before rendering. */
export const MAX_MARKDOWN_LENGTH = MARKDOWN_MAX;

/**
 * The most HTML one stored text may render to: four times the longest text. Prose and lists make
 * about 1.1 times their length, a text of links about 2.4 times, a table of 1,000 short rows 3.7
 * times; 20,000 characters of bare addresses, mentions or empty table rows make 8 to 20 times,
 * and are refused. Every read of a page of 50 replies carries their HTML from the database and to
 * the client on the event loop, so this bounds a read's work too (test/api/event-loop.test.ts).
 */
export const MAX_HTML_LENGTH = 80_000;

/**
 * The renderer's version, stored beside every HTML it made. Bump it whenever the HTML for a given
 * text changes (options, rules, the allow-list, a library upgrade that renders differently): at
 * the next start the migrations render again every text stored with an older version.
 * 2: ~~struck~~ text kept (as <del>).
 * 3: a mention of a handle nobody has stays plain text (./pool.ts).
 */
export const RENDERER_VERSION = 3;

const markdown = new MarkdownIt({
  html: false,
  linkify: true,
  typographer: false,
  // Deeply nested lists or quotes ("markdown bombs") stop nesting here instead of exhausting the stack.
  maxNesting: 20,
});

/*
 * `@handle` links to that person's profile. An inline rule (not a regex over the HTML) so that
 * code spans, links and e-mail addresses are left alone; a trailing dot or dash ends the handle,
 * as in "cảm ơn @ha.ltt." at the end of a sentence.
 */
const MENTION = /^@([a-z][a-z0-9._-]{1,28}[a-z0-9])/;
markdown.inline.ruler.before('emphasis', 'mention', (state, silent) => {
  if (state.src.charCodeAt(state.pos) !== 0x40 /* @ */) return false;
  const before = state.pos > 0 ? state.src[state.pos - 1]! : ' ';
  if (/[\p{L}\p{N}._\-/]/u.test(before)) return false;
  const match = MENTION.exec(state.src.slice(state.pos));
  if (!match) return false;
  if (!silent) {
    const open = state.push('link_open', 'a', 1);
    open.attrs = [
      ['href', `/experts/${match[1]}`],
      ['class', 'mention'],
    ];
    state.push('text', '', 0).content = match[0];
    state.push('link_close', 'a', -1);
  }
  state.pos += match[0].length;
  return true;
});

/** The handles a text mentions, each once, in order. */
export function mentionedHandles(source: string): string[] {
  const handles = new Set<string>();
  for (const token of markdown.parseInline(source, {})) {
    for (const child of token.children ?? []) {
      const href = child.type === 'link_open' && child.attrGet('class') === 'mention' ? child.attrGet('href') : null;
      if (typeof href === 'string') handles.add(href.slice('/experts/'.length));
    }
  }
  return [...handles];
}

/**
 * The HTML with the mention links of these handles turned back into plain text ("@handle"). The
 * links are exactly as the sanitiser writes them; a text's own `<a …>` never is (raw HTML is
 * escaped), so only mention links match.
 */
export function unlinkMentions(html: string, handles: readonly string[]): string {
  const unlinked = new Set(handles);
  return html.replace(/<a href="\/experts\/([a-z0-9._-]+)" class="mention">(@[a-z0-9._-]+)<\/a>/g, (link, handle: string, text: string) => (unlinked.has(handle) ? text : link));
}

const allowed: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'title'], ol: ['start'], th: ['style'], td: ['style'] },
  allowedStyles: { th: { 'text-align': [/^(left|right|center)$/] }, td: { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // Headings written as # or ## become h3/h4: the page keeps its own h1 and h2.
  transformTags: {
    // markdown-it writes ~~struck~~ text as <s>; the allow-list had only <del> and dropped it.
    s: 'del',
    h1: 'h3',
    h2: 'h4',
    // Mentions stay in the app; every other link opens outside it, without passing on our page.
    a: (tagName, attribs) =>
      attribs.class === 'mention' && attribs.href?.startsWith('/experts/')
        ? { tagName, attribs: { href: attribs.href, class: 'mention' } }
        : { tagName, attribs: { href: attribs.href ?? '', ...(attribs.title ? { title: attribs.title } : {}), rel: 'nofollow noopener noreferrer', target: '_blank' } },
  },
  allowedAttributesByTagAfterTransform: undefined,
} as sanitizeHtml.IOptions;
(allowed.allowedAttributes as Record<string, string[]>).a!.push('rel', 'target', 'class');
// Only the mention class survives (see transformTags above).
allowed.allowedClasses = { a: ['mention'] };

/**
 * Safe HTML for a markdown text. Synchronous and costly on hostile input (about 0.4 s for the
 * worst 20,000 characters found): servers call it through renderTexts() (./pool.ts), which runs
 * it off the event loop.
 */
export function renderMarkdown(source: string): string {
  const text = source.length > MAX_MARKDOWN_LENGTH ? source.slice(0, MAX_MARKDOWN_LENGTH) : source;
  return sanitizeHtml(markdown.render(text), allowed);
}
