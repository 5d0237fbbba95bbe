// Running a hostile-input case, strictly or as far as its known bug allows, and the checks every corpus ends with.
import { describe, expect, it } from 'vitest';
import { Session } from '../../schema/session/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { VerificationRequest } from '../../schema/verification/model.ts';
import { cookieFrom, graphql, type GraphQLResponse } from './graphql.ts';
import { BUGS, type BugId, type Case, VARIABLE_CODES } from './hostile-corpus.ts';
import { comparable, type Docs, type Mode, OPERATIONS, owned, people, QUERIES, read, REFERENCE, retire, type Setup, standingIds, WRITABLE, world } from './hostile-world.ts';

/* Running a case */

function putAt(variables: Record<string, any>, at: string, value: unknown) {
  const keys = at.split('.');
  let node = variables;
  for (const key of keys.slice(0, -1)) node = node[key] ??= {};
  // defineProperty, so that "__proto__" becomes an own field of the JSON rather than a prototype.
  Object.defineProperty(node, keys.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
}

/** Refusals run against the long-lived personas; what gets (or, with a bug, may get) stored runs on throwaway people. */
const modeOf = (c: Case): Mode => (c.expect.kind === 'stored' || (c.bug && BUGS[c.bug].stores) ? 'fresh' : 'standing');

interface Run {
  response: GraphQLResponse;
  before: Docs;
  setup: Setup;
}

async function send(c: Case): Promise<Run> {
  resetRateLimits();
  const setup = await OPERATIONS[c.op].setup(modeOf(c), c.at);
  if (c.document === undefined) putAt(setup.variables, c.at, c.value);
  const before = await read(WRITABLE);
  const response = await graphql(c.document ?? OPERATIONS[c.op].document, c.document ? {} : setup.variables, { cookie: setup.cookie || undefined });
  return { response, before, setup };
}

const resultOf = (c: Case, response: GraphQLResponse) => response.data?.[OPERATIONS[c.op].field] ?? null;

async function expectUnchanged(before: Docs) {
  expect(comparable(await read(WRITABLE)), 'the database changed').toEqual(comparable(before));
}

/** The whole expectation, as a correct server meets it. */
async function strictly(c: Case, { response, before, setup }: Run) {
  const result = resultOf(c, response);
  const e = c.expect;
  if (e.kind !== 'stored') expect(cookieFrom(response), 'a session cookie was handed out').toBeNull();
  switch (e.kind) {
    case 'field':
      expect(response.errors).toBeUndefined();
      expect(result?.__typename).toBe('ValidationError');
      expect(result.fieldErrors.length).toBeGreaterThan(0);
      for (const fieldError of result.fieldErrors) {
        expect(fieldError.path).toBe(e.path);
        expect(e.codes).toContain(fieldError.code);
      }
      return expectUnchanged(before);
    case 'typed':
      expect(response.errors).toBeUndefined();
      expect(result).toMatchObject({ __typename: e.typename, code: e.code });
      return expectUnchanged(before);
    case 'error':
      expect(response.errors ?? [], 'no GraphQL error').not.toHaveLength(0);
      for (const error of response.errors!) {
        expect(e.codes).toContain(error.extensions?.code);
        if (e.argument) expect(error.extensions?.argument).toBe(e.argument);
      }
      expect(result).toBeNull();
      return expectUnchanged(before);
    case 'coercion':
      expect(response.status).toBe(400);
      expect(response.data).toBeUndefined();
      expect(response.errors ?? [], 'no GraphQL error').not.toHaveLength(0);
      for (const error of response.errors ?? []) expect(VARIABLE_CODES).toContain(error.extensions?.code);
      return expectUnchanged(before);
    case 'nobody':
      expect(response.errors).toBeUndefined();
      expect(result.totalCount).toBe(0);
      return expectUnchanged(before);
    case 'stored': {
      expect(response.errors).toBeUndefined();
      expect(result?.__typename).toMatch(/Payload$/);
      expect(await setup.stored!(c.at, c.value)).toEqual(e.value);
      return expectConfined(before, await setup.owners());
    }
  }
}

/** Whatever changed belongs to `owners`, the people the case made to be changed. */
async function expectConfined(before: Docs, owners: string[]) {
  expect(owners.length, 'an accepted call must have someone whose data it changed').toBeGreaterThan(0);
  const set = new Set(owners);
  expect(comparable(await read(WRITABLE), set), 'documents of other people changed').toEqual(comparable(before, set));
}

/** What must hold even with the case's known bug. */
async function contained(c: Case, { response, before, setup }: Run) {
  const result = resultOf(c, response);
  switch (c.bug!) {
    case 'B1':
      // Refused before anything ran, naming the variable, with nothing changed.
      expect(response.status).toBe(400);
      expect(response.data).toBeUndefined();
      expect(response.errors?.[0]?.message).toMatch(new RegExp(`^Variable "\\$${c.at.split('.')[0]}" got invalid value`));
      return expectUnchanged(before);
    case 'B4':
    case 'B6':
      expect(response.errors ?? [], 'no GraphQL error').not.toHaveLength(0);
      expect(result).toBeNull();
      return expectUnchanged(before);
    case 'B5':
      expect(response.errors).toBeUndefined();
      expect(['DonePayload', 'ValidationError']).toContain(result?.__typename);
      return expectUnchanged(before);
    default:
      // Answered without a masked error; refused, nothing changed; accepted, only the case's own throwaway people did.
      for (const error of response.errors ?? []) expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
      if (QUERIES.has(c.op) || response.errors || result?.__typename === 'ValidationError') return expectUnchanged(before);
      expect(result?.__typename).toMatch(/Payload$/);
      return expectConfined(before, await setup.owners());
  }
}

const firstLine = (error: unknown) => String((error as Error).message).split('\n')[0]!;
/** A case by what it sends (its test's copy is another object). */
const keyOf = (c: Case) => JSON.stringify([c.op, c.at, c.label, typeof c.value === 'string' ? [c.value.length, c.value.slice(0, 64)] : JSON.stringify(c.value)?.slice(0, 200)]);
/** Each bug-tagged case's strict verdict (null when it held) from its own run, for its bug's test at the end. */
const strictVerdicts = new Map<string, string | null>();

export async function runCase(c: Case, strict: boolean) {
  const run = await send(c);
  try {
    if (strict || !c.bug) await strictly(c, run);
    else {
      // Both judgements only read: the strict one is kept, so the bug's test need not send the case again.
      strictVerdicts.set(
        keyOf(c),
        await strictly(c, run).then(
          () => null,
          (error) => firstLine(error),
        ),
      );
      await contained(c, run);
    }
  } finally {
    // Throwaway people retire once judged, which keeps every snapshot small. What they stored is
    // kept aside for the corpus-wide checks at the end, except what a known bug stored.
    if (modeOf(c) === 'fresh') await retire(await run.setup.owners(), { keep: !(c.bug && BUGS[c.bug].stores) });
  }
}

/**
 * The tests every corpus file ends with, over `allCases`, the file's cases: each known bug its
 * cases carry stays fixed, and the database holds what it should after them.
 */
export function describeAftermath(allCases: Case[]) {
  const carried = (Object.keys(BUGS) as BugId[]).filter((id) => allCases.some((c) => c.bug === id));
  // Cases that send alike share a recorded verdict: those are sent again.
  const seen = new Set<string>();
  const ambiguous = new Set(allCases.map(keyOf).filter((key) => seen.has(key) || !seen.add(key)));

  describe('Server bugs this corpus found, fixed (each stays fixed)', () => {
    it.each(carried.map((id) => ({ id, title: BUGS[id].title })))(
      '$id: $title',
      async ({ id }) => {
        const cases = allCases.filter((c) => c.bug === id);
        expect(cases.length).toBeGreaterThan(0);
        const misbehaving: string[] = [];
        for (const c of cases) {
          // A case whose own test did not run (filtered out) is sent here.
          let verdict = ambiguous.has(keyOf(c)) ? undefined : strictVerdicts.get(keyOf(c));
          if (verdict === undefined) verdict = await runCase(c, true).then(() => null, firstLine);
          if (verdict !== null) misbehaving.push(`${c.op} ${c.at} ← ${c.label}: ${verdict}`);
        }
        expect(misbehaving, 'cases that still misbehave').toEqual([]);
      },
      // Cases filtered out of the run are sent in this one test: B1 alone has hundreds (each argument's wrong types).
      300_000,
    );
  });

  describe('After the corpus', () => {
    const walk = (value: unknown, visit: (key: string | null, value: unknown) => void, key: string | null = null) => {
      visit(key, value);
      if (Array.isArray(value)) for (const v of value) walk(v, visit);
      else if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) for (const [k, v] of Object.entries(value)) walk(v, visit, k);
    };

    it('holds no people but the long-lived personas (every throwaway person retired after its case)', async () => {
      const docs = await read(['experts', 'accounts']);
      expect(docs.experts!.map((d) => String(d._id)).sort()).toEqual(standingIds().sort());
      expect(docs.accounts!.map((d) => String(d._id)).sort()).toEqual(standingIds().sort());
      // Each stored case made exactly one person, kept aside with what they stored when they retired.
      expect(world.retired.experts).toHaveLength(world.retiredPeople);
    });

    it('left the long-lived personas and the reference data exactly as they were', async () => {
      const standing = new Set(standingIds());
      const mine = (docs: Docs) => Object.fromEntries(Object.entries(docs).map(([name, list]) => [name, list.filter((d) => owned(d, standing) || REFERENCE.includes(name))]));
      const now = await read([...WRITABLE, ...REFERENCE]);
      expect(comparable(mine(now))).toEqual(comparable(mine(world.initial)));
      // The victim still has both browsers and their request is still waiting.
      expect(await Session.countDocuments({ expert: people.victim.id })).toBe(2);
      expect((await VerificationRequest.findById(world.victimRequestId).lean())!.status).toBe('pending');
    });

    it('holds no key starting with "$" and no string with NUL or another C0 control character, nor did anything a case stored', async () => {
      const docs = { now: await read([...WRITABLE, ...REFERENCE]), retired: world.retired };
      const dollarKeys: string[] = [];
      const controlled: string[] = [];
      let strings = 0;
      walk(docs, (key, value) => {
        if (key?.startsWith('$')) dollarKeys.push(key);
        if (typeof value === 'string') {
          strings++;
          if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(value)) controlled.push(JSON.stringify(value).slice(0, 80));
        }
      });
      expect(strings).toBeGreaterThan(100);
      expect(dollarKeys).toEqual([]);
      expect(controlled).toEqual([]);
    });
  });
}
