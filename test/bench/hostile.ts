// The worst requests we know how to send, for the bench's "a normal request beside them" run
// (issue 9: a normal request's p99 stays within 3x of its quiet p99 while these are sent). Each
// is refused by a limit or bounded in work; the run shows what they still cost everyone else.
import { MAX_BODY_BYTES } from '../../server/http.ts';
import { request, SEARCH_TEXT, type GraphQLRequest } from './pages.ts';

const PREVIEW = 'query Preview($text: String!) { previewMarkdown(text: $text) }';
const preview = (text: string): GraphQLRequest => ({ operationName: 'Preview', query: PREVIEW, variables: { text } });

/** Markdown that costs a renderer most per character: nesting at its cap, delimiter runs, links. */
function pathologicalMarkdown(length: number): string {
  const line = `${'> '.repeat(25)}${'- '.repeat(10)}${'*a _b [c](https://x.vn/'.repeat(8)}${'`'.repeat(30)}\n`;
  return line.repeat(Math.ceil(length / line.length)).slice(0, length);
}

/** Every limit's edge: the largest field, the most aliases, the longest search, the largest body. */
export function hostileRequests(): { body: string }[] {
  const aliased = `query { ${Array.from({ length: 100 }, (_, i) => `p${i}: previewMarkdown(text: ${JSON.stringify(pathologicalMarkdown(150))})`).join(' ')} }`;
  const longSearch = Array.from({ length: 12 }, (_, i) => `${SEARCH_TEXT.split(' ')[i % 3]}${'a'.repeat(12)}`)
    .join(' ')
    .slice(0, 200);
  // Just under the body limit once encoded as JSON: a long text the API must read and parse before refusing it.
  let length = MAX_BODY_BYTES;
  let largest = '';
  do {
    largest = JSON.stringify(preview(pathologicalMarkdown(length)));
    length -= largest.length - (MAX_BODY_BYTES - 100);
  } while (largest.length > MAX_BODY_BYTES - 100);
  return [
    JSON.stringify(preview(pathologicalMarkdown(20_000))),
    JSON.stringify({ query: aliased }),
    JSON.stringify(request('Search', { query: longSearch, filter: {}, first: 50 })),
    JSON.stringify(request('PracticeList', { filter: {}, first: 50 })),
    largest,
  ].map((body) => ({ body }));
}
