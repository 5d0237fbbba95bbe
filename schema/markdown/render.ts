import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/*
 * The one renderer for text people write. markdown-it with raw HTML off escapes every tag, and
 * the result goes through an allow-list sanitiser anyway, so no stored text can run script in
 * anyone's browser (and the Content-Security-Policy allows no inline script besides).
 */

/** The longest markdown field accepted; bigger inputs are refused before rendering. */
export const MAX_MARKDOWN_LENGTH = 20_000;

const markdown = new MarkdownIt({
  html: false,
  linkify: true,
  typographer: false,
  // Deeply nested lists or quotes ("markdown bombs") stop nesting here instead of exhausting the stack.
  maxNesting: 20,
});

const allowed: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'title'], ol: ['start'], th: ['style'], td: ['style'] },
  allowedStyles: { th: { 'text-align': [/^(left|right|center)$/] }, td: { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // Headings written as # or ## become h3/h4: the page keeps its own h1 and h2.
  transformTags: {
    h1: 'h3',
    h2: 'h4',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow noopener noreferrer', target: '_blank' } }),
  },
  allowedAttributesByTagAfterTransform: undefined,
} as sanitizeHtml.IOptions;
(allowed.allowedAttributes as Record<string, string[]>).a!.push('rel', 'target');

/** Safe HTML for a markdown text. */
export function renderMarkdown(source: string): string {
  const text = source.length > MAX_MARKDOWN_LENGTH ? source.slice(0, MAX_MARKDOWN_LENGTH) : source;
  return sanitizeHtml(markdown.render(text), allowed);
}
