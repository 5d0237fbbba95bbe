// What the hostile-input tests throw and what must come back: the corpus, the bugs it found, and the cases built from them.
// The tests are test/api/hostile-input-{queries,mutations}.test.ts; the people and the database they run on are in hostile-world.ts.
/*
 * A corpus of hostile input thrown at every argument that takes text, an id, a number, a date, a
 * boolean or an enum. Every input must end in one of:
 *   - a typed ValidationError whose fieldErrors name the field (and nothing else),
 *   - another typed error the field's contract names (InvalidCredentialsError for sign-in),
 *   - a GraphQL error carrying an extensions.code (BAD_USER_INPUT, GRAPHQL_VALIDATION_FAILED…),
 *   - or being stored inert: exactly as given (text is NFC-normalised and trimmed by design,
 *     and single-line text loses its invisible characters),
 *     as text; the web app renders text, so "<script>" in a bio is harmless there.
 * A refusal leaves the database exactly as it was (compared document by document); an accepted
 * input changes only the documents of the people the case made for it. Refusals run against
 * long-lived personas (the "victim" and friends), which must end the corpus untouched.
 *
 * BUGS lists the server bugs this corpus found (all fixed). A case tagged with one asserts what
 * must hold in any case (refused or contained, nothing else changed); its strict expectation is
 * judged on the same answer and reported by the bug's own test at the end, so a regression names
 * the bug it brings back.
 */

/* The corpus */

export type Class = 'plain' | 'huge' | 'flood' | 'broken' | 'control' | 'c1' | 'bidi' | 'odd' | 'crlf' | 'linesep';
export interface Hostile {
  label: string;
  value: string;
  cls: Class;
}

export const MiB = 'x'.repeat(1024 * 1024);

export const STRINGS: Hostile[] = [
  { label: 'operator "$gt"', value: '$gt', cls: 'plain' },
  { label: 'operator JSON {"$ne":null}', value: '{"$ne":null}', cls: 'plain' },
  { label: 'operator JSON {"$gt":""}', value: '{"$gt":""}', cls: 'plain' },
  { label: '<script>', value: '<script>alert(1)</script>', cls: 'plain' },
  { label: '<img onerror>', value: '<img src=x onerror=alert(1)>', cls: 'plain' },
  { label: 'javascript: URL', value: 'javascript:alert(1)', cls: 'plain' },
  { label: '1 MiB string', value: MiB, cls: 'huge' },
  { label: 'combining-mark flood (10,000 marks)', value: `Hu${'\u0301'.repeat(10_000)}`, cls: 'flood' },
  { label: 'lone high surrogate', value: 'H\u00f9ng\ud800', cls: 'broken' },
  { label: 'lone low surrogate', value: '\udc00H\u00f9ng', cls: 'broken' },
  { label: 'NUL', value: 'H\u00f9ng\u0000', cls: 'control' },
  { label: 'C0 controls (BEL, ESC)', value: 'H\u00f9ng\u0007\u001b[2J', cls: 'control' },
  { label: 'DEL', value: 'H\u00f9ng\u007f', cls: 'control' },
  { label: 'C1 control (CSI, U+009B)', value: 'H\u00f9ng\u009b31m', cls: 'c1' },
  { label: 'RTL override U+202E', value: 'H\u00f9ng\u202egnp.exe', cls: 'bidi' },
  { label: 'zero-width joiners and spaces', value: 'H\u00f9\u200dng\u200c\u200b', cls: 'odd' },
  { label: 'combining marks (short Zalgo)', value: 'H\u0336\u0337\u00f9\u0338ng', cls: 'odd' },
  { label: 'CR LF (header-injection shape)', value: 'H\u00f9ng\r\nSet-Cookie: x=1', cls: 'crlf' },
  { label: 'line separator U+2028', value: 'D\u00f2ng m\u1ed9t\u2028d\u00f2ng hai', cls: 'linesep' },
];

/** Values of the wrong JSON type for a String or ID variable. */
export const WRONG_TYPES: { label: string; value: unknown }[] = [
  { label: 'operator object {"$gt":""}', value: { $gt: '' } },
  { label: 'operator object {"$ne":null}', value: { $ne: null } },
  { label: 'number', value: 12345 },
  { label: 'boolean', value: true },
  { label: 'array', value: ['$gt'] },
];

/* Known server bugs */

export type BugId = 'B1' | 'B2' | 'B3' | 'B4' | 'B5' | 'B6' | 'B7' | 'B8';

export const BUGS: Record<BugId, { title: string /** The server stores the input; the case runs on throwaway people. */; stores?: boolean }> = {
  B1: { title: 'a variable of the wrong type (operator object, number, array, unknown enum value or input field) is refused with HTTP 400 but no extensions.code' },
  B2: { title: 'links.url accepts control characters (NUL, CR LF, C1) and broken Unicode, storing them (surrogates altered to U+FFFD)', stores: true },
  B3: { title: 'the control-character rule misses C1 controls (U+0080–U+009F): text fields, passwords and search text accept U+009B', stores: true },
  B4: { title: 'a global ID of another type (a Place ID as expertId or auditLog subject, an unknown type for node) fails without extensions.code' },
  B5: { title: 'endSession answers DonePayload for a sessionId that cannot be one (operators, 1 MiB, NUL…) instead of a ValidationError on sessionId' },
  B6: { title: 'auditLog(subject:) with an Expert ID whose key is not an ObjectId fails with a masked INTERNAL_SERVER_ERROR' },
  B7: { title: 'DateTime accepts strings that are not ISO 8601 in UTC (RFC 2822, "01/02/2030", no zone, a trailing NUL) and rolls impossible dates over ("2030-02-30" → 2 March)', stores: true },
  B8: { title: 'single-line text fields accept the line separator U+2028 (only CR and LF are refused)', stores: true },
};

/* Expectations */

export type Expectation =
  /** A typed ValidationError naming `path` (and only it), each code one of `codes`. */
  | { kind: 'field'; path: string; codes: string[] }
  /** Another typed error result. */
  | { kind: 'typed'; typename: string; code: string }
  /** A GraphQL error, each with one of `codes` (and naming `argument` when given); no data. */
  | { kind: 'error'; codes: string[]; argument?: string }
  /** A variable of the wrong type: HTTP 400 with a code (see B1). */
  | { kind: 'coercion' }
  /** Accepted, and the field reads back as `value`. */
  | { kind: 'stored'; value: unknown }
  /** A search answered normally that matches nobody: the text was taken as words, not as a filter. */
  | { kind: 'nobody' };

export const describeExpectation = (e: Expectation): string => {
  switch (e.kind) {
    case 'field':
      return `ValidationError ${e.path} ${e.codes.join('|')}`;
    case 'typed':
      return e.typename;
    case 'error':
      return `error ${e.codes.join('|')}${e.argument ? ` on ${e.argument}` : ''}`;
    case 'coercion':
      return 'HTTP 400 variable error';
    case 'stored':
      return 'stored inert';
    case 'nobody':
      return 'matches nobody';
  }
};

/** How a field's rules judge the corpus. Values a field wraps (see `wrap`) are judged as sent. */
export type Kind =
  | { text: { min: number; max: number; multiline?: boolean } }
  | 'name'
  | 'slug'
  | 'email'
  | 'password'
  | 'credential'
  | 'currentPassword'
  | 'url'
  | 'image'
  | 'sessionId'
  | 'requestId'
  | 'rawGlobalId'
  | 'expertGlobalId'
  | 'search'
  | 'slugArg'
  | 'handleArg'
  | 'cursor';

export const VARIABLE_CODES = ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST'];
const norm = (s: string) => s.normalize('NFC').trim();
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

export function judge(kind: Kind, h: Hostile, sent: string, path: string, argument: string): { expect: Expectation; bug?: BugId } {
  const field = (...codes: string[]): Expectation => ({ kind: 'field', path, codes });
  const error = (...codes: string[]): Expectation => ({ kind: 'error', codes, argument });
  const long = h.cls === 'huge' || h.cls === 'flood';
  if (typeof kind === 'object') {
    const { min, max, multiline } = kind.text;
    // A Markdown field (20,000 characters) has room for the flood: it is then judged as text.
    if (h.cls === 'huge' || (h.cls === 'flood' && sent.length > max)) return { expect: field('TOO_LONG') };
    if (h.cls === 'broken' || h.cls === 'control' || h.cls === 'bidi') return { expect: field('INVALID') };
    if (h.cls === 'c1') return { expect: field('INVALID'), bug: 'B3' };
    if (h.cls === 'crlf' && !multiline) return { expect: field('INVALID') };
    if (h.cls === 'linesep' && !multiline) return { expect: field('INVALID'), bug: 'B8' };
    const stored = multiline ? norm(sent) : norm(sent.replace(INVISIBLE, ''));
    if (stored.length < min) return { expect: field(min <= 1 ? 'REQUIRED' : 'TOO_SHORT') };
    if (stored.length > max) return { expect: field('TOO_LONG') };
    return { expect: { kind: 'stored', value: stored } };
  }
  switch (kind) {
    case 'name': {
      // A name refuses what a single-line text refuses or drops, each with its own code.
      if (long) return { expect: field('TOO_LONG') };
      if (h.cls === 'broken') return { expect: field('INVALID') };
      if (['control', 'c1', 'bidi', 'crlf', 'linesep'].includes(h.cls)) return { expect: field('CONTROL_CHARACTER') };
      if (new RegExp(INVISIBLE.source, 'u').test(sent)) return { expect: field('INVISIBLE_CHARACTER') };
      return { expect: { kind: 'stored', value: norm(sent) } };
    }
    case 'slug':
    case 'email':
      return { expect: field('INVALID', 'TOO_LONG') };
    case 'password':
      if (long) return { expect: field('TOO_LONG') };
      if (h.cls === 'broken' || h.cls === 'control' || h.cls === 'bidi') return { expect: field('INVALID') };
      if (h.cls === 'c1') return { expect: field('INVALID'), bug: 'B3' };
      if (sent.length < 10) return { expect: field('TOO_SHORT') };
      return { expect: { kind: 'stored', value: sent } };
    case 'credential':
      return { expect: long ? field('TOO_LONG') : { kind: 'typed', typename: 'InvalidCredentialsError', code: 'INVALID_CREDENTIALS' } };
    case 'currentPassword':
      return { expect: long ? field('TOO_LONG') : field('WRONG') };
    case 'url':
      if (h.cls === 'plain' || long) return { expect: field('INVALID', 'TOO_LONG') };
      if (['broken', 'control', 'c1', 'crlf'].includes(h.cls)) return { expect: field('INVALID'), bug: 'B2' };
      if (h.cls === 'bidi' || h.cls === 'linesep') return { expect: field('INVALID') };
      return { expect: { kind: 'stored', value: sent } };
    case 'image':
      return { expect: h.cls === 'huge' ? field('TOO_LARGE') : field('INVALID') };
    case 'sessionId':
      return { expect: field('INVALID'), bug: 'B5' };
    case 'requestId':
      return { expect: field('INVALID') };
    case 'rawGlobalId':
      return { expect: { kind: 'error', codes: ['BAD_USER_INPUT'] } };
    case 'expertGlobalId':
      return { expect: long ? { kind: 'error', codes: ['BAD_USER_INPUT'] } : field('INVALID') };
    case 'search':
      if (long || h.cls === 'broken' || h.cls === 'control' || h.cls === 'bidi') return { expect: error('BAD_USER_INPUT') };
      if (h.cls === 'c1') return { expect: error('BAD_USER_INPUT'), bug: 'B3' };
      return { expect: { kind: 'nobody' } };
    case 'slugArg':
    case 'handleArg':
    case 'cursor':
      return { expect: error('BAD_USER_INPUT') };
  }
}

/** Where a case's value goes, without the `input.` every mutation's variables start with. */
export const fieldOf = (at: string) => at.replace(/^input\./, '');

export type OperationName =
  | 'signUp'
  | 'signIn'
  | 'changePassword'
  | 'updateProfile'
  | 'setAvatar'
  | 'requestVerification'
  | 'decideVerification'
  | 'changeRole'
  | 'suspendExpert'
  | 'unsuspendExpert'
  | 'endSession'
  | 'setGroupMember'
  | 'removeGroupMember'
  | 'createThread'
  | 'proposeTask'
  | 'createTask'
  | 'declineProposal'
  | 'addTaskNote'
  | 'addTaskLink'
  | 'submitHelpdeskRequest'
  | 'updateEnterpriseProfile'
  | 'saveProgrammeReport'
  | 'acceptProposal'
  | 'updateTask'
  | 'setTaskStatus'
  | 'updateHelpdeskSettings'
  | 'setProgrammeReporter'
  | 'updateProgrammeFramework'
  | 'createProgrammeFramework'
  | 'triageHelpdeskRequest'
  | 'closeHelpdeskRequest'
  | 'reopenHelpdeskRequest'
  | 'publishFaqEntry'
  | 'updateFaqEntry'
  | 'unpublishFaqEntry'
  | 'removeTaskLink'
  | 'activateProgrammeFramework'
  | 'removeProgrammeReporter'
  | 'submitProgrammeReport'
  | 'reviseProgrammeReport'
  | 'linkEnterprisePractice'
  | 'unlinkEnterprisePractice'
  | 'experts'
  | 'organizations'
  | 'place'
  | 'topic'
  | 'organization'
  | 'expert'
  | 'node'
  | 'verificationRequests'
  | 'auditLog';

/* Cases */

export interface Case {
  op: OperationName;
  /** Where the hostile value goes in the variables, dotted ("input.links.0.url"). */
  at: string;
  label: string;
  value: unknown;
  expect: Expectation;
  bug?: BugId;
  /** A whole document to send instead of the operation's (for inline literals). */
  document?: string;
}

export const title = (c: Case) => `${c.at} ← ${c.label}: ${describeExpectation(c.expect)}${c.bug ? ` [${c.bug}: contained only]` : ''}`;

/** The full string corpus and the wrong types, at one String (or ID) argument. */
export function corpus(op: OperationName, at: string, kind: Kind, options: { wrap?: (h: Hostile) => string; argument?: string; idTyped?: boolean; labelPrefix?: string } = {}): Case[] {
  const path = fieldOf(at);
  const argument = options.argument ?? at;
  const strings = STRINGS.map((h) => {
    const value = options.wrap?.(h) ?? h.value;
    return { op, at, label: `${options.labelPrefix ?? ''}${h.label}`, value, ...judge(kind, h, value, path, argument) };
  });
  const wrong = WRONG_TYPES.map(({ label, value }): Case => {
    if (options.idTyped && typeof value === 'number') {
      // An ID variable takes a number as its string form, so the field's own rules judge "12345".
      const judged = judge(kind, { label, value: '12345', cls: 'plain' }, '12345', path, argument);
      return { op, at, label, value, ...judged };
    }
    return { op, at, label, value, expect: { kind: 'coercion' }, bug: 'B1' };
  });
  return [...strings, ...wrong];
}

export const coercion = (op: OperationName, at: string, label: string, value: unknown): Case => ({ op, at, label, value, expect: { kind: 'coercion' }, bug: 'B1' });
export const fieldCase = (op: OperationName, at: string, label: string, value: unknown, codes: string[], path = fieldOf(at)): Case => ({
  op,
  at,
  label,
  value,
  expect: { kind: 'field', path, codes },
});
export const storedCase = (op: OperationName, at: string, label: string, value: unknown, stored: unknown = value): Case => ({ op, at, label, value, expect: { kind: 'stored', value: stored } });
export const errorCase = (op: OperationName, at: string, label: string, value: unknown, codes: string[], argument?: string, bug?: BugId): Case => ({
  op,
  at,
  label,
  value,
  expect: { kind: 'error', codes, argument },
  bug,
});
