/*
 * Keyset paging for every list. The Connection, Edge and PageInfo types are Pothos' relay
 * plugin's (t.connection); the reading is ours, and stays ours rather than going through its
 * resolveCursorConnection, which would keep none of this file's work (it hands the raw cursors to
 * a resolver that must still decode them, build the keyset filter and read by date windows) and
 * would change answers: it clamps a `first` over the maximum silently and refuses a negative one
 * with an untyped error, where we answer BAD_USER_INPUT naming the argument; an empty page's
 * start/end cursors become the `after` cursor or "" instead of null; and it resolves one
 * connection at a time, so paginateEach's one command for a whole page of parents would need a
 * loader inside each resolver to come back.
 */
import { Kind, type GraphQLResolveInfo, type SelectionNode } from 'graphql';
import mongoose, { type QueryFilter, type Model } from 'mongoose';
import { countsInOrder, firstOfEach } from './loading.ts';
import { InvalidArgumentError } from './errors.ts';
import { PAGE_SIZE_MAX } from './field-limits.ts';
import { greaterThan, lessThan } from './query.ts';
import { isObjectId } from './validation.ts';

/** The largest page any connection serves. */
export const MAX_PAGE_SIZE = PAGE_SIZE_MAX;
export const DEFAULT_PAGE_SIZE = 20;

type KeyKind = 'string' | 'number' | 'date' | 'objectId';

/** One field of a connection's order; the last one must be unique (usually `_id`). */
export interface SortKey {
  field: string;
  kind: KeyKind;
  direction?: 1 | -1;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: () => Promise<number>;
}

type Encoded = string | number | { d: string };

export function encodeCursor(doc: Record<string, unknown>, keys: SortKey[]): string {
  const values: Encoded[] = keys.map(({ field, kind }) => {
    // A dotted field is a path into a subdocument (e.g. a pending edit's submission time).
    const value = field.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | null | undefined)?.[key], doc);
    if (kind === 'date') return { d: (value as Date).toISOString() };
    if (kind === 'objectId') return String(value);
    return value as string | number;
  });
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Turns a client's cursor back into typed sort values, or explains which argument is wrong. */
export function decodeCursor(cursor: string, keys: SortKey[], argument: string): unknown[] {
  const malformed = () => new InvalidArgumentError(argument, 'is not a cursor of this list');
  if (cursor.length > 1000 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw malformed();
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw malformed();
  }
  if (!Array.isArray(values) || values.length !== keys.length) throw malformed();
  return keys.map(({ kind }, i) => {
    const value: unknown = values[i];
    switch (kind) {
      case 'string':
        if (typeof value === 'string' && value.length <= 400) return value;
        break;
      case 'number':
        if (typeof value === 'number' && Number.isFinite(value)) return value;
        break;
      case 'date': {
        const iso = (value as { d?: unknown } | null)?.d;
        const date = typeof iso === 'string' ? new Date(iso) : null;
        if (date && !Number.isNaN(date.getTime())) return date;
        break;
      }
      case 'objectId':
        if (isObjectId(value)) return new mongoose.Types.ObjectId(value);
        break;
    }
    throw malformed();
  });
}

/** Documents strictly after (or before) the given position in the order `keys`. */
export function beyond(keys: SortKey[], values: unknown[], forward: boolean): QueryFilter<unknown> {
  return {
    $or: keys.map((key, i) => {
      const branch: Record<string, unknown> = {};
      for (let j = 0; j < i; j++) branch[keys[j]!.field] = values[j];
      const ascending = (key.direction ?? 1) === 1;
      branch[key.field] = ascending === forward ? greaterThan(values[i]) : lessThan(values[i]);
      return branch;
    }),
  };
}

export function pageSize(value: number | null | undefined, argument: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 0) throw new InvalidArgumentError(argument, 'must be a non-negative integer');
  if (value > MAX_PAGE_SIZE) throw new InvalidArgumentError(argument, `must be at most ${MAX_PAGE_SIZE}`);
  return value;
}

/** What one page asks, whatever the list: its direction, size, cursor conditions and order. */
function planPage(keys: SortKey[], args: PageArgs) {
  const first = pageSize(args.first, 'first');
  const last = pageSize(args.last, 'last');
  if (first !== null && last !== null) throw new InvalidArgumentError('last', 'cannot be combined with "first"');
  const forward = last === null;
  const limit = forward ? (first ?? DEFAULT_PAGE_SIZE) : last;
  const after = args.after ? decodeCursor(args.after, keys, 'after') : null;
  const before = args.before ? decodeCursor(args.before, keys, 'before') : null;
  const cursorConditions: QueryFilter<unknown>[] = [];
  if (after) cursorConditions.push(beyond(keys, after, true));
  if (before) cursorConditions.push(beyond(keys, before, false));
  const sort: Record<string, 1 | -1> = {};
  for (const key of keys) {
    const direction = key.direction ?? 1;
    sort[key.field] = forward ? direction : (-direction as 1 | -1);
  }
  const within = (filter: QueryFilter<any>) => (cursorConditions.length ? { $and: [filter, ...cursorConditions] } : filter);
  return { forward, limit, after, sort, within };
}

/** A page from the documents read (one more than the page holds, to tell whether more follow). */
function pageOf<T extends Record<string, unknown>>(docs: T[], keys: SortKey[], args: PageArgs, plan: ReturnType<typeof planPage>, totalCount: () => Promise<number>): Page<T> {
  const { forward, limit } = plan;
  const hasMore = docs.length > limit;
  const nodes = docs.slice(0, limit);
  if (!forward) nodes.reverse();
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node, keys), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: forward ? hasMore : Boolean(args.before),
      hasPreviousPage: forward ? Boolean(args.after) : hasMore,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/**
 * What a list read leaves out (a projection): the stored fields of `skips` that no field the query
 * selects on the list's items needs. `skips` maps each large stored field to the GraphQL fields
 * that read it (none for one nobody shows, such as searchTokens); each model declares its own
 * next to its list reads, and single-item reads (node, practice(id)) always read everything.
 */
export function listProjection(skips: ListSkips, shown: ReadonlySet<string> | null): Record<string, 0> {
  const projection: Record<string, 0> = {};
  for (const [stored, readers] of Object.entries(skips)) {
    // Without the selection (a caller outside GraphQL), skip only what nobody shows.
    const needed = shown === null ? readers.length > 0 : readers.some((field) => shown.has(field));
    if (!needed) projection[stored] = 0;
  }
  return projection;
}

/** Stored field -> the GraphQL fields of the list's item type that read it. */
export type ListSkips = Record<string, readonly string[]>;

/**
 * The fields a connection's query selects on its items (`edges { node { ... } }` and `nodes`),
 * fragments included, or null when the connection is not resolved from a GraphQL query.
 */
export function shownOnItems(info: GraphQLResolveInfo | undefined): Set<string> | null {
  if (!info) return null;
  const shown = new Set<string>();
  const visit = (selections: readonly SelectionNode[], path: string[]) => {
    for (const selection of selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = info.fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet.selections, path);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet.selections, path);
      else {
        const name = selection.name.value;
        const next = [...path, name];
        const atItem = (path.length === 2 && path[0] === 'edges' && path[1] === 'node') || (path.length === 1 && path[0] === 'nodes');
        if (atItem) shown.add(name);
        else if (selection.selectionSet && next.length <= 2) visit(selection.selectionSet.selections, next);
      }
    }
  };
  for (const node of info.fieldNodes) if (node.selectionSet) visit(node.selectionSet.selections, []);
  return shown;
}

/**
 * A loader key for a per-parent connection (perRequest in loading.ts): parents asking the same
 * page with the same selection share one batch; read back with JSON.parse.
 */
export function pageKey(args: PageArgs, info: GraphQLResolveInfo): string {
  const { first = null, after = null, last = null, before = null } = args;
  return JSON.stringify({ args: { first, after, last, before }, shown: [...(shownOnItems(info) ?? [])].sort() });
}

/**
 * Serves one page of a Relay connection by keyset pagination: pages stay stable when documents
 * are inserted meanwhile (nothing is skipped or repeated), and each page costs one `find`
 * (plus one `count` only when `totalCount` is selected). `projection` leaves large fields out.
 */
export async function paginate<T extends Record<string, unknown>>(model: Model<any>, filter: QueryFilter<any>, keys: SortKey[], args: PageArgs, projection: Record<string, 0> = {}): Promise<Page<T>> {
  const plan = planPage(keys, args);
  const query = plan.within(filter);
  const newestFirst = plan.forward && keys[0]!.kind === 'date' && keys[0]!.direction === -1;
  const docs =
    plan.limit === 0
      ? []
      : newestFirst
        ? await findNewestFirst<T>(model, query, plan.sort, plan.limit + 1, (plan.after?.[0] as Date | undefined) ?? new Date(), projection)
        : ((await model
            .find(query, projection)
            .sort(plan.sort)
            .limit(plan.limit + 1)
            .lean()) as T[]);
  // An unfiltered count reads collection metadata instead of scanning.
  return pageOf(docs, keys, args, plan, () => (Object.keys(filter).length ? model.countDocuments(filter) : model.estimatedDocumentCount()));
}

/**
 * The same page of one list per parent (e.g. the first replies of each thread of a page), each
 * list being the documents whose `field` holds one of `values` (and that match `where`): one command for all the pages
 * (loading.ts firstOfEach), and one more for all their counts when `totalCount` is asked.
 */
export async function paginateEach<T extends Record<string, unknown>>(
  model: Model<any>,
  field: string,
  values: readonly unknown[],
  keys: SortKey[],
  args: PageArgs,
  projection: Record<string, 0> = {},
  where: Record<string, unknown> = {},
): Promise<Page<T>[]> {
  const plan = planPage(keys, args);
  const lists = await firstOfEach<T>(
    model,
    values.map((value) => plan.within({ [field]: value, ...where })),
    plan.sort,
    plan.limit + 1,
    projection,
  );
  let counts: Promise<number[]> | null = null;
  return lists.map((docs, i) => pageOf(docs, keys, args, plan, async () => (await (counts ??= countsInOrder(model, field, values, where)))[i]!));
}

/**
 * The first `limit` documents of `filter` in the order `sort` (window by window when it starts
 * with a date, newest first), and how many match in all: the count is sent only when the read
 * came back full. Nothing but the count when the documents are not `shown`.
 */
export async function firstAndCount<T>(
  model: Model<any>,
  filter: QueryFilter<any>,
  sort: Record<string, 1 | -1>,
  limit: number,
  shown: boolean,
  projection: Record<string, 0> = {},
): Promise<{ docs: T[]; count: number }> {
  if (!shown) return { docs: [], count: await model.countDocuments(filter) };
  const newestFirst = Object.values(sort)[0] === -1;
  const docs = newestFirst
    ? await findNewestFirst<T>(model, filter, sort, limit, new Date(), projection)
    : ((await model.find(filter, projection).sort(sort).limit(limit).batchSize(limit).lean()) as T[]);
  const count = docs.length < limit ? docs.length : await model.countDocuments(filter);
  return { docs, count };
}

/** Where a newest-first page starts: past `position` (a decoded [date, _id] cursor), or from `from` when it is the first. */
export interface NewestFirstPage {
  position: unknown[] | null;
  limit: number;
  from: Date;
}

/** The keys of a list newest first by the date `field`, then by `_id`. */
export const newestFirstKeys = (field: string): SortKey[] => [
  { field, kind: 'date', direction: -1 },
  { field: '_id', kind: 'objectId', direction: -1 },
];

/** One newest-first page of `filter` by the date `field` (findNewestFirst past the page's position). */
export function findNewestFirstPage<T>(model: Model<any>, filter: QueryFilter<any>, field: string, page: NewestFirstPage): Promise<T[]> {
  const past = page.position ? { $and: [filter, beyond(newestFirstKeys(field), page.position, true)] } : filter;
  return findNewestFirst<T>(model, past, { [field]: -1, _id: -1 }, page.limit, page.from);
}

/*
 * Why newest-first reads go window by window: DocumentDB never reads an index in order; it sorts
 * every document the filter matches, reading each one whole. The newest 21 of 10,000 published
 * practices took 190 ms that way, and 7 ms when the filter also said "published in the last 90
 * days". So the most recent window is read first and older ones only when it holds too few.
 */
const FIRST_WINDOW_DAYS = 90;
/** Past this, the next read takes all the rest. */
const LAST_WINDOW_DAYS = 4 * 365;
const DAY_MS = 86_400_000;
/** Marks the reads of older windows, so that logs and tests can tell them from other reads. */
export const OLDER_WINDOW_COMMENT = 'newest-first: older window';

/**
 * How far back the next window reaches: as far as the documents found so far say the missing
 * ones lie (at their pace, with half again for margin), at least twice as far; eight times when
 * nothing was found.
 */
function nextReach(reachedDays: number, found: number, missing: number): number {
  if (found === 0) return reachedDays * 8;
  return Math.max(reachedDays * 2, reachedDays + (missing / found) * reachedDays * 1.5);
}

/**
 * The first `limit` documents of `filter` in the order `sort`, whose first key is a date read
 * newest first: those dated from `from` back 90 days, then, when that held fewer than `limit`,
 * further back as far as their pace says the rest lie (nextReach), and past four years all the
 * rest. Every document of a window is newer than every document of the next, so the windows'
 * pages join in order.
 */
export async function findNewestFirst<T>(model: Model<any>, filter: QueryFilter<any>, sort: Record<string, 1 | -1>, limit: number, from: Date, projection: Record<string, 0 | 1> = {}): Promise<T[]> {
  const field = Object.keys(sort)[0]!;
  const found: T[] = [];
  let newerThan: Date | null = null;
  let reach: number | null = FIRST_WINDOW_DAYS;
  for (;;) {
    const since = reach === null ? null : new Date(from.getTime() - reach * DAY_MS);
    const range = { ...(since ? { $gte: since } : {}), ...(newerThan ? { $lt: newerThan } : {}) };
    const window = Object.keys(range).length ? { $and: [filter, { [field]: mongoose.trusted(range) }] } : filter;
    // One batch: a second round trip (getMore) for a long list would cost more than the read.
    const read = model
      .find(window, projection)
      .sort(sort)
      .limit(limit - found.length)
      .batchSize(limit);
    if (newerThan) read.comment(OLDER_WINDOW_COMMENT);
    found.push(...((await read.lean()) as T[]));
    if (found.length === limit || reach === null) return found;
    newerThan = since;
    const further = nextReach(reach, found.length, limit - found.length);
    reach = further > LAST_WINDOW_DAYS ? null : further;
  }
}
