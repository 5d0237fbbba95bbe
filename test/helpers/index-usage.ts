/*
 * FerretDB's SQLite backend scans collections whatever the indexes, so the suite itself checks
 * that every query it sends would be served by a declared index on MongoDB, as `notablescan`
 * would insist: equality fields first, then the sort, then ranges (the ESR rule).
 */

export interface QueryShape {
  collection: string;
  command: string;
  filter: Record<string, unknown>;
  sort: Record<string, number>;
}

export type IndexKeys = [string, number][];

/** Collections of reference data small enough to read whole (a few hundred records at most). */
export const WHOLE_READ_ALLOWED = new Set(['places', 'organizations', 'topics', 'cohorts']);

const RANGE_OPERATORS = new Set(['$gt', '$gte', '$lt', '$lte', '$regex', '$ne', '$nin', '$exists']);

interface Conjunction {
  equality: Set<string>;
  range: Set<string>;
}

/** The alternative conjunctions a filter needs served ($or branches each need an index). */
function conjunctions(filter: Record<string, unknown>): Conjunction[] {
  let result: Conjunction[] = [{ equality: new Set(), range: new Set() }];
  const merge = (alternatives: Conjunction[]) => {
    const next: Conjunction[] = [];
    for (const a of result)
      for (const b of alternatives)
        next.push({ equality: new Set([...a.equality, ...b.equality]), range: new Set([...a.range, ...b.range]) });
    result = next;
  };
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and') for (const part of value as Record<string, unknown>[]) merge(conjunctions(part));
    else if (key === '$or') merge((value as Record<string, unknown>[]).flatMap(conjunctions));
    else if (value instanceof RegExp) merge([{ equality: new Set(), range: new Set([key]) }]);
    else if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).some((k) => k.startsWith('$'))) {
      const operators = Object.keys(value);
      const ranged = operators.some((op) => RANGE_OPERATORS.has(op));
      merge([{ equality: new Set(ranged ? [] : [key]), range: new Set(ranged ? [key] : []) }]);
    } else merge([{ equality: new Set([key]), range: new Set() }]);
  }
  return result;
}

/** Whether one index serves one conjunction with the given sort, without a blocking sort. */
function serves(index: IndexKeys, conjunction: Conjunction, fullSort: [string, number][]): boolean {
  // A field pinned by equality is constant in the result: sorting on it costs nothing.
  const sort = fullSort.filter(([field]) => !conjunction.equality.has(field));
  let i = 0;
  while (i < index.length && conjunction.equality.has(index[i]![0])) i++;
  if (sort.length) {
    const window = index.slice(i, i + sort.length);
    if (window.length !== sort.length) return false;
    const same = window.every(([field, dir], j) => field === sort[j]![0] && dir === sort[j]![1]);
    const reversed = window.every(([field, dir], j) => field === sort[j]![0] && dir === -sort[j]![1]);
    return same || reversed;
  }
  return i > 0 || (index.length > 0 && conjunction.range.has(index[0]![0]));
}

/** The queries no declared index serves. `indexes` maps a collection to its indexes' keys. */
export function unservedQueries(queries: QueryShape[], indexes: Map<string, IndexKeys[]>): QueryShape[] {
  return queries.filter((query) => {
    const sort = Object.entries(query.sort) as [string, number][];
    if (!Object.keys(query.filter).length && !sort.length) return !WHOLE_READ_ALLOWED.has(query.collection);
    const candidates: IndexKeys[] = [[['_id', 1]], ...(indexes.get(query.collection) ?? [])];
    return !conjunctions(query.filter).every((c) => candidates.some((index) => serves(index, c, sort)));
  });
}

/** The filter and sort of a driver command, or null for commands that do not select documents. */
export function queryShapeOf(commandName: string, command: Record<string, any>): QueryShape | null {
  const collection = command[commandName];
  // The driver hands sorts over as Maps (key order matters).
  const plain = (sort: unknown) => (sort instanceof Map ? Object.fromEntries(sort) : ((sort ?? {}) as Record<string, number>));
  if (typeof collection !== 'string') return null;
  switch (commandName) {
    case 'find':
      return { collection, command: commandName, filter: command.filter ?? {}, sort: plain(command.sort) };
    case 'count':
      // Without a query, count answers from collection metadata (estimatedDocumentCount): no scan.
      return command.query && Object.keys(command.query).length ? { collection, command: commandName, filter: command.query, sort: {} } : null;
    case 'distinct':
      return { collection, command: commandName, filter: command.query ?? {}, sort: {} };
    case 'findAndModify':
      return { collection, command: commandName, filter: command.query ?? {}, sort: plain(command.sort) };
    case 'aggregate': {
      const stages: Record<string, any>[] = command.pipeline ?? [];
      // What an index can serve: a leading $match, then the $sort right after it (or leading).
      const match = stages[0]?.$match ?? {};
      const sortStage = stages[0]?.$match ? stages[1]?.$sort : stages[0]?.$sort;
      return { collection, command: commandName, filter: match, sort: plain(sortStage) };
    }
    default:
      return null;
  }
}
