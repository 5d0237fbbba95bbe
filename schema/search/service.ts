import { createHash } from 'node:crypto';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageArgs } from '../connection.ts';
import type { Viewer } from '../context.ts';
import type { ThreadDoc } from '../discussion/service.ts';
import { InvalidArgumentError } from '../errors.ts';
import { SEARCH_LIMITS } from '../field-limits.ts';
import type { ExpertDoc } from '../expert/service.ts';
import type { PracticeDoc, PracticeStage } from '../practice/service.ts';
import { ACRONYMS, exactForm, exactWordTest, fold, foldedWords, highlight, queryTerms, snippet, withAcronyms, type QueryTerms, type Segment } from './fold.ts';

/*
 * One ranked list over published practices, threads (members only) and experts: the query, the
 * ranking and the cursors are here; commands/search.ts reads the candidates through the three
 * features' services.
 *
 * Ranking is not an index order, so each kind contributes a bounded candidate set: its
 * CANDIDATES_PER_KIND most recent matches (practices by publication, threads by last activity,
 * experts in directory order), read with one `find` each. The candidates are ranked in memory and
 * paged by an offset cursor bound to the query, so a page costs the same few commands whatever
 * its size. Counts are exact (a `count` is sent only when a kind fills its bound), but only the
 * candidates can be paged through: past 200 matches of a kind, narrow the query or filter.
 */

export const searchKinds = ['practice', 'thread', 'expert'] as const;
export type SearchKind = (typeof searchKinds)[number];

/** How many matches of each kind are ranked. */
export const CANDIDATES_PER_KIND = 200;
export const MAX_QUERY_LENGTH = SEARCH_LIMITS.text;
export const MAX_QUERY_WORDS = SEARCH_LIMITS.words;

export interface SearchFilter {
  kinds?: SearchKind[] | null;
  topic?: string | null;
  place?: string | null;
  organization?: string | null;
  stage?: PracticeStage | null;
  year?: number | null;
}

/** What a kind's candidates must match: every word, and the filters resolved to stored values. */
export interface SearchScope {
  tokens: string[];
  topic: string | null;
  places: string[] | null;
  organizations: string[] | null;
  stage: PracticeStage | null;
  year: number | null;
}

/** A kind's candidates (at most CANDIDATES_PER_KIND) and how many match in all. */
export interface Candidates<T> {
  docs: T[];
  count: number;
}

export interface SearchHit {
  kind: SearchKind;
  node: PracticeDoc | ThreadDoc | ExpertDoc;
  title: Segment[];
  snippet: Segment[];
}

export interface SearchCounts {
  practices: number;
  threads: number;
  experts: number;
}

export interface SearchPage {
  edges: { cursor: string; node: SearchHit }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: () => Promise<number>;
  counts: SearchCounts;
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** The query's terms, or a typed error saying what is wrong with it. */
export function parseQuery(query: string): QueryTerms {
  if (query.length > MAX_QUERY_LENGTH) throw new InvalidArgumentError('query', `must be at most ${MAX_QUERY_LENGTH} characters`);
  if (!query.isWellFormed() || CONTROL.test(query)) throw new InvalidArgumentError('query', 'contains control characters or broken Unicode');
  const normalized = query.normalize('NFC').trim();
  if (!normalized) throw new InvalidArgumentError('query', 'must not be empty');
  const terms = queryTerms(normalized);
  if (!terms.tokens.length) throw new InvalidArgumentError('query', 'has no words to look for');
  if (terms.tokens.length > MAX_QUERY_WORDS) throw new InvalidArgumentError('query', `must have at most ${MAX_QUERY_WORDS} words`);
  return terms;
}

/** A candidate with what ranking needs: its texts by weight, its date and its reactions. */
interface Candidate {
  kind: SearchKind;
  doc: PracticeDoc | ThreadDoc | ExpertDoc;
  title: string;
  /** Second in weight (a summary, a position); then the body fields, for the snippet. */
  summary: string[];
  body: string[];
  date: Date;
  reactions: number;
  bonus: number;
}

const TITLE = 3;
const SUMMARY = 2;
const BODY = 1;

/** What ranking and snippets read of one text, each worked out at most once per search. */
class TextFacts {
  #words?: string[];
  #tokens?: Set<string>;
  #exactText?: string;
  constructor(
    readonly text: string,
    private readonly exactTest: (word: string) => (exactText: string) => boolean,
  ) {}
  /** Folded words in order, repeats kept. */
  get words() {
    return (this.#words ??= foldedWords(this.text));
  }
  /** The text's searchTokens. */
  get tokens() {
    return (this.#tokens ??= new Set(withAcronyms(this.words)));
  }
  /** Whether it has `word` as written (composed, lower-cased, tones kept). */
  hasExact(word: string) {
    return this.exactTest(word)((this.#exactText ??= exactForm(this.text)));
  }
}

/** Facts of texts for one search: a text read for ranking is not folded again for its snippet. */
type Facts = (text: string) => TextFacts;

function factsOfTexts(): Facts {
  const known = new Map<string, TextFacts>();
  const tests = new Map<string, (exactText: string) => boolean>();
  const exactTest = (word: string) => {
    let test = tests.get(word);
    if (!test) tests.set(word, (test = exactWordTest(word)));
    return test;
  };
  return (text) => {
    let facts = known.get(text);
    if (!facts) known.set(text, (facts = new TextFacts(text, exactTest)));
    return facts;
  };
}

/**
 * How well a candidate matches: per query word, where it matched (title 3, summary 2, body 1),
 * doubled, plus 1 when the same field has it with the query's own diacritics ("mã" over "ma");
 * plus the field's weight once when the title or summary has all the words as one phrase.
 */
function relevance(c: Candidate, terms: QueryTerms, facts: Facts): number {
  const fields = [
    { weight: TITLE, text: c.title },
    { weight: SUMMARY, text: c.summary.join('\n') },
    { weight: BODY, text: c.body.join('\n') },
  ];
  let score = 0;
  for (const word of terms.words) {
    const token = fold(word);
    const field = fields.find((f) => f.weight === BODY || facts(f.text).tokens.has(token))!;
    score += field.weight * 2 + (facts(field.text).hasExact(word) ? 1 : 0);
  }
  // The words together, in the query's order (or their acronym), in the title or the summary.
  if (terms.tokens.length > 1) {
    const phrase = terms.tokens.join(' ');
    const acronym = Object.entries(ACRONYMS).find(([, expansion]) => expansion === phrase)?.[0];
    const hasPhrase = (text: string) => {
      const words = ` ${facts(text).words.join(' ')} `;
      return words.includes(` ${phrase} `) || (acronym !== undefined && words.includes(` ${acronym} `));
    };
    if (hasPhrase(c.title)) score += TITLE;
    else if (c.summary.some(hasPhrase)) score += SUMMARY;
  }
  return score;
}

/** Recent and reacted-to records first among equally relevant ones: a year of age weighs as e-fold reactions. */
const freshness = (c: Candidate, now: number) => Math.log1p(c.reactions) - (now - c.date.getTime()) / (365 * 86_400_000) + c.bonus;

const asPractice = (doc: PracticeDoc): Candidate => ({
  kind: 'practice',
  doc,
  title: doc.title,
  summary: [doc.summary ?? ''],
  body: [doc.problem, doc.solution, doc.results, doc.lessons].map((s) => s ?? ''),
  date: doc.publishedAt ?? doc.updatedAt,
  reactions: doc.endorsementCount ?? 0,
  bonus: 0,
});

const asThread = (doc: ThreadDoc): Candidate => ({
  kind: 'thread',
  doc,
  title: doc.title,
  summary: [],
  body: [doc.body ?? ''],
  date: doc.lastActivityAt,
  reactions: doc.replyCount ?? 0,
  bonus: 0,
});

const asExpert = (doc: ExpertDoc, organizationName: string | null): Candidate => ({
  kind: 'expert',
  doc,
  title: doc.name,
  summary: [[doc.position, organizationName].filter(Boolean).join(' · ')],
  // A handle match counts as a body match (the fallback) but makes no snippet.
  body: [],
  date: doc.joinedAt,
  reactions: 0,
  bonus: doc.verifiedAt ? 0.5 : 0,
});

/** Which filters a kind can satisfy: a filter a kind has no field for leaves that kind out. */
function kindAccepts(kind: SearchKind, filter: SearchFilter): boolean {
  if (kind === 'thread') return !filter.organization && !filter.stage && (filter.year ?? null) === null;
  if (kind === 'expert') return !filter.stage && (filter.year ?? null) === null;
  return true;
}

interface Cursor {
  offset: number;
  key: string;
}

/** The same query, filter and kind of viewer give the same key: a cursor only pages its own search. */
const searchKey = (terms: QueryTerms, filter: SearchFilter, signedIn: boolean) =>
  createHash('sha256')
    .update(
      JSON.stringify([
        terms.tokens,
        terms.words,
        filter.kinds ? [...filter.kinds].sort() : null,
        filter.topic ?? null,
        filter.place ?? null,
        filter.organization ?? null,
        filter.stage ?? null,
        filter.year ?? null,
        signedIn,
      ]),
    )
    .digest('base64url')
    .slice(0, 16);

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify([cursor.offset, cursor.key])).toString('base64url');

function decodeCursor(value: string, key: string, argument: string): number {
  const malformed = () => new InvalidArgumentError(argument, 'is not a cursor of this search');
  if (value.length > 200 || !/^[A-Za-z0-9_-]+$/.test(value)) throw malformed();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw malformed();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw malformed();
  const [offset, cursorKey] = parsed as unknown[];
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0 || offset >= searchKinds.length * CANDIDATES_PER_KIND) throw malformed();
  if (cursorKey !== key) throw new InvalidArgumentError(argument, 'belongs to another search (the query or the filter changed)');
  return offset;
}

/** A search asked for: its terms, page and cursors, each checked (a typed error names what is wrong). */
export interface SearchRequest {
  terms: QueryTerms;
  filter: SearchFilter;
  signedIn: boolean;
  first: number | null;
  last: number | null;
  key: string;
  after: number | null;
  before: number | null;
}

export function parseSearch(viewer: Viewer | null, query: string, filter: SearchFilter, page: PageArgs): SearchRequest {
  const terms = parseQuery(query);
  const size = (value: number | null | undefined, argument: string) => {
    if (value === null || value === undefined) return null;
    if (!Number.isInteger(value) || value < 0) throw new InvalidArgumentError(argument, 'must be a non-negative integer');
    if (value > MAX_PAGE_SIZE) throw new InvalidArgumentError(argument, `must be at most ${MAX_PAGE_SIZE}`);
    return value;
  };
  const first = size(page.first, 'first');
  const last = size(page.last, 'last');
  if (first !== null && last !== null) throw new InvalidArgumentError('last', 'cannot be combined with "first"');
  if (filter.year !== null && filter.year !== undefined && (!Number.isInteger(filter.year) || filter.year < 1900 || filter.year > 2100)) {
    throw new InvalidArgumentError('filter.year', 'is not a year');
  }
  const signedIn = Boolean(viewer);
  const key = searchKey(terms, filter, signedIn);
  const after = page.after ? decodeCursor(page.after, key, 'after') : null;
  const before = page.before ? decodeCursor(page.before, key, 'before') : null;
  return { terms, filter, signedIn, first, last, key, after, before };
}

/** Whether the search shows this kind (a kind left out is still counted). */
export const showsKind = (filter: SearchFilter, kind: SearchKind) => !filter.kinds?.length || filter.kinds.includes(kind);

/** Whether a kind is read at all: discussions are for signed-in members, and a filter a kind has no field for leaves it out. */
export const readsKind = (request: SearchRequest, kind: SearchKind) => (kind !== 'thread' || request.signedIn) && kindAccepts(kind, request.filter);

/** The candidates of each kind ranked, and the page the request asks of them. */
export function rankedPage(
  request: SearchRequest,
  found: { practices: Candidates<PracticeDoc>; threads: Candidates<ThreadDoc>; experts: Candidates<ExpertDoc> },
  organizationNames: ReadonlyMap<string, string>,
): SearchPage {
  const { terms, filter, key, first, last, after, before } = request;
  const { practices, threads, experts } = found;
  const now = Date.now();
  const facts = factsOfTexts();
  const ranked = [...practices.docs.map(asPractice), ...threads.docs.map(asThread), ...experts.docs.map((e) => asExpert(e, e.organization ? (organizationNames.get(e.organization) ?? null) : null))]
    .map((c) => ({ c, relevance: relevance(c, terms, facts), freshness: freshness(c, now) }))
    .sort((a, b) => b.relevance - a.relevance || b.freshness - a.freshness || String(b.c.doc._id).localeCompare(String(a.c.doc._id)));

  // Cursors are positions in the ranking: `after` pages forward from one, `before` back from one.
  let start: number;
  let end: number;
  if (before !== null) {
    end = Math.min(before, ranked.length);
    start = Math.max(0, end - (last ?? first ?? DEFAULT_PAGE_SIZE));
  } else {
    start = after === null ? 0 : after + 1;
    end = start + (first ?? last ?? DEFAULT_PAGE_SIZE);
  }
  const edges = ranked.slice(start, end).map(({ c }, i) => ({ cursor: encodeCursor({ offset: start + i, key }), node: hitOf(c, terms, facts) }));
  const counts: SearchCounts = { practices: practices.count, threads: threads.count, experts: experts.count };
  const shown = (kind: SearchKind) => showsKind(filter, kind);
  const total = (shown('practice') ? counts.practices : 0) + (shown('thread') ? counts.threads : 0) + (shown('expert') ? counts.experts : 0);
  return {
    edges,
    pageInfo: {
      hasNextPage: end < ranked.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: async () => total,
    counts,
  };
}

/** The highlighted title, and a snippet from the field that matched most (the summary on a tie). */
function hitOf(c: Candidate, terms: QueryTerms, facts: Facts): SearchHit {
  const fields = [...c.summary, ...c.body].filter((text) => text.trim());
  let best = fields[0] ?? '';
  let bestScore = 0;
  for (const text of fields) {
    const { tokens } = facts(text);
    const score = terms.tokens.filter((t) => tokens.has(t)).length;
    if (score > bestScore) [best, bestScore] = [text, score];
  }
  return { kind: c.kind, node: c.doc, title: highlight(c.title, terms), snippet: best ? snippet(best, terms) : [] };
}
