/**
 * Folds Vietnamese text for matching: strips tones and vowel marks, maps đ to d (it has no
 * Unicode decomposition, so NFD alone leaves it), lower-cases. "Chuyển đổi số" -> "chuyen doi so".
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** Folded words of a text in order, repeats kept (phrases are looked for in these). */
export function foldedWords(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Folded words of a text, each once, in first-seen order. */
export function foldedTokens(text: string): string[] {
  return [...new Set(foldedWords(text))];
}

/**
 * Acronyms of the field and what they stand for (folded). Expanded both ways when a record is
 * indexed: a record saying "CĐS" also gets "chuyen doi so", and one saying "chuyển đổi số" also
 * gets "cds", so either form of a query finds both.
 */
export const ACRONYMS: Record<string, string> = {
  cds: 'chuyen doi so',
  cpdt: 'chinh phu dien tu',
  cps: 'chinh phu so',
  cqdt: 'chinh quyen dien tu',
  cqs: 'chinh quyen so',
  dvctt: 'dich vu cong truc tuyen',
  dvc: 'dich vu cong',
  tthc: 'thu tuc hanh chinh',
  ubnd: 'uy ban nhan dan',
  attt: 'an toan thong tin',
  cntt: 'cong nghe thong tin',
  csdl: 'co so du lieu',
  lgsp: 'nen tang tich hop chia se du lieu cap bo cap tinh',
  ndxp: 'nen tang tich hop chia se du lieu quoc gia',
  ioc: 'trung tam giam sat dieu hanh',
  ktcpdt: 'kien truc chinh phu dien tu',
};

/** Folded words of a record's text, with the field's acronyms expanded both ways. */
export function searchTokens(text: string): string[] {
  return withAcronyms(foldedWords(text));
}

/**
 * `words` (folded, in order, repeats kept) each once, with the field's acronyms expanded both
 * ways: what searchTokens gives for the text they came from, for a caller that has them already.
 */
export function withAcronyms(words: string[]): string[] {
  const unique = new Set(words);
  let joined: string | undefined;
  const extra: string[] = [];
  for (const [acronym, phrase, phraseWords] of ACRONYM_PHRASES) {
    if (unique.has(acronym)) extra.push(...phraseWords);
    // Most texts lack some word of most phrases: only those with all of them are searched.
    if (phraseWords.every((w) => unique.has(w)) && (joined ??= ` ${words.join(' ')} `).includes(` ${phrase} `)) extra.push(acronym);
  }
  return [...new Set([...unique, ...extra])];
}

const ACRONYM_PHRASES = Object.entries(ACRONYMS).map(([acronym, phrase]) => [acronym, phrase, phrase.split(' ')] as const);

/** A run of the text: matched by the query or not. Plain text, never markup. */
export interface Segment {
  text: string;
  match: boolean;
}

/** Words as written (letters, digits and combining marks), with where each one sits in the text. */
export function wordsWithPositions(text: string): { word: string; start: number; end: number }[] {
  return [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
}

/** A word as written, for comparing diacritics: composed and lower-cased, tones kept. */
export const exactForm = (word: string) => word.normalize('NFC').toLowerCase();

/**
 * A test of whether a text in exact form (see exactForm) has `word` (in exact form) as a whole
 * word: the same answer as splitting the text into words, without splitting a long body. Composing
 * and lower-casing a whole text gives the same words as doing it word by word (composition never
 * joins across a character that is not a letter, digit or mark).
 */
export function exactWordTest(word: string): (exactText: string) => boolean {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}\\p{M}])`, 'u');
  return (exactText) => pattern.test(exactText);
}

/** What a search query looks for, derived once per query. */
export interface QueryTerms {
  /** Folded words, each once: a record matches when its searchTokens hold them all. */
  tokens: string[];
  /** The words as typed (composed, lower-cased), for preferring records with the same diacritics. */
  words: string[];
  /** Folded word sequences to mark in text: each token alone, an acronym's phrase, a phrase's acronym. */
  phrases: string[][];
  /**
   * For tokens typed with diacritics, the forms typed ("số" for "so"): where a text has one of
   * them, only those are marked, not "sơ" or "sở" beside them.
   */
  exact?: Map<string, Set<string>>;
}

export function queryTerms(query: string): QueryTerms {
  const tokens = foldedTokens(query);
  const words = [...new Set(wordsWithPositions(query).map((w) => exactForm(w.word)))];
  const phrases: string[][] = tokens.map((t) => [t]);
  const joined = ` ${fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ')} `;
  for (const [acronym, phrase] of Object.entries(ACRONYMS)) {
    if (tokens.includes(acronym)) phrases.push(phrase.split(' '));
    if (joined.includes(` ${phrase} `)) phrases.push([acronym]);
  }
  const exact = new Map<string, Set<string>>();
  for (const word of words) {
    const token = fold(word);
    if (token !== word) exact.set(token, (exact.get(token) ?? new Set()).add(word));
  }
  return { tokens, words, phrases, exact };
}

/**
 * Splits `text` into runs, marking the words (and acronym phrases) the query looks for. Words are
 * compared folded, so "chuyen" marks "Chuyển"; the marks land on the original characters. A
 * phrase is marked whole, spaces included, and only where all its words follow each other;
 * neighbouring matches separated by spaces only are joined into one run.
 */
export function highlight(text: string, terms: Pick<QueryTerms, 'phrases' | 'exact'>): Segment[] {
  const words = wordsWithPositions(text);
  const folded = words.map((w) => fold(w.word));
  const exactForms = words.map((w) => exactForm(w.word));
  // Tokens typed with diacritics that this text has as typed: only those forms are marked.
  const strict = new Set([...(terms.exact ?? [])].filter(([, forms]) => exactForms.some((f) => forms.has(f))).map(([token]) => token));
  const marks: [number, number][] = [];
  for (let i = 0; i < words.length; i++) {
    for (const phrase of terms.phrases) {
      if (i + phrase.length > words.length) continue;
      if (!phrase.every((p, j) => folded[i + j] === p)) continue;
      if (phrase.length === 1 && strict.has(phrase[0]!) && !terms.exact!.get(phrase[0]!)!.has(exactForms[i]!)) continue;
      marks.push([words[i]!.start, words[i + phrase.length - 1]!.end]);
    }
  }
  marks.sort((a, b) => a[0] - b[0]);
  // Matched words with only spaces between them read as one match: "<mark>Chuyển đổi số</mark>".
  for (let i = 1; i < marks.length; i++) {
    if (marks[i]![0] > marks[i - 1]![1] && /^[^\S\n]+$/.test(text.slice(marks[i - 1]![1], marks[i]![0]))) marks[i]![0] = marks[i - 1]![1];
  }
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of marks) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) segments.push({ text: text.slice(at, from), match: false });
    const last = segments.at(-1);
    if (last?.match && from === at) last.text += text.slice(from, end);
    else segments.push({ text: text.slice(from, end), match: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), match: false });
  return segments;
}

/** Markdown as plain prose for a snippet: no syntax, no tags, one line. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n?/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`~|]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * About `length` characters of `text` around its first match, cut at word boundaries, with "…"
 * where it was cut; the whole text (up to `length`) when nothing matches.
 */
export function snippet(text: string, terms: Pick<QueryTerms, 'phrases' | 'exact'>, length = 220): Segment[] {
  const plain = plainText(text);
  if (plain.length <= length) return highlight(plain, terms);
  const first = highlight(plain, terms).reduce<{ at: number; found: number }>((acc, s) => ({ at: acc.at + s.text.length, found: acc.found < 0 && s.match ? acc.at : acc.found }), {
    at: 0,
    found: -1,
  }).found;
  let start = first < 0 ? 0 : Math.max(0, first - Math.floor(length / 4));
  if (start > 0) {
    const space = plain.indexOf(' ', start);
    start = space >= 0 && space < first ? space + 1 : start;
  }
  let end = Math.min(plain.length, start + length);
  if (end < plain.length) {
    const space = plain.lastIndexOf(' ', end);
    if (space > start + length / 2) end = space;
  }
  const cut = `${start > 0 ? '…' : ''}${plain.slice(start, end)}${end < plain.length ? '…' : ''}`;
  return highlight(cut, terms);
}
