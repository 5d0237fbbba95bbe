/*
 * Index proof from the engine itself: every read a test file causes is explained by the engine it
 * ran on, and a plan that reads a whole collection that can grow fails the file.
 *
 * Why plans of tiny test collections can be trusted: PostgreSQL alone would choose a sequential
 * scan for a table of ten rows, but DocumentDB's `documentdb.forceUseIndexIfAvailable` (on by
 * default) makes its planner take an applicable index whatever the cost, and MongoDB never weighs
 * a collection scan against an applicable index either. So a plan that scans here scans at any
 * size, and one that uses an index here uses it at any size; test/engine/plans.test.ts proves
 * that on the running engine. The forced choice holds while PostgreSQL has no statistics of the
 * table: once autovacuum has analysed a tiny or emptied one, costs decide again, so a DocumentDB
 * plan that reads a collection whole is asked again of an empty, never-analysed copy with the
 * same indexes (see unservedReads). Seeding thousands of rows per file instead would only make
 * PostgreSQL's cost guesses, not the indexes, decide.
 *
 * DocumentDB writes "the whole collection" as an index scan of `_id_` on `shard_key_value = N`
 * (every document of a collection has the same value), or as a Seq Scan; a selective scan has a
 * condition on the document (`document OPERATOR(...)`) or on `object_id`.
 *
 * What its plans cannot prove is the sort: DocumentDB never reads an index in order (its order
 * push-down switches, tried with the composite index classes on, still planned a Sort over a
 * bitmap scan), so every sorted plan has a Sort node whatever the indexes. The sort is therefore
 * checked against the declared indexes by the ESR rule (equality fields, then the sort keys in
 * order), which is what MongoDB needs to avoid a blocking sort; on MongoDB the plan's own SORT
 * stage says it. For the same reason an unfiltered page (no filter, a sort, a limit) is a full
 * read on DocumentDB that no index can shorten there: it passes when a declared index gives its
 * order, as MongoDB then walks that index and stops at the limit.
 *
 * Not checked: reads with neither a filter nor a limit (a test's snapshot or clean-up, a repair
 * pass), which want every document on any engine, and reference collections read whole.
 */
import type mongoose from 'mongoose';

/** Collections of reference data small enough to read whole (a few hundred records at most). */
export const WHOLE_READ_ALLOWED = new Set(['places', 'organizations', 'topics', 'cohorts']);

/** A read to explain: the `find`, `count` or `aggregate` the engine explains, and its sort. */
export interface ExplainTarget {
  collection: string;
  /** What the application sent it as (findAndModify, update, ... are explained as a find). */
  sentAs: string;
  command: Record<string, unknown>;
  filter: Record<string, unknown>;
  sort: [string, number][];
}

const asObject = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});

/** Sorts travel as Maps in driver commands (key order matters); as plain pairs here. */
const sortPairs = (sort: unknown): [string, number][] =>
  (sort instanceof Map ? [...sort.entries()] : Object.entries(asObject(sort))).filter((pair): pair is [string, number] => typeof pair[1] === 'number');

function pick(command: Record<string, any>, fields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) if (command[field] !== undefined) out[field] = command[field];
  return out;
}

/**
 * The reads a driver command makes, as commands the engine can explain. FerretDB explains only
 * find, count and aggregate, so the filter of a findAndModify, distinct, update or delete is
 * explained as the find that selects the same documents.
 */
export function explainTargets(commandName: string, command: Record<string, any>): ExplainTarget[] {
  const collection = command[commandName];
  if (typeof collection !== 'string') return [];
  const asFind = (filter: unknown, sort: unknown, limit?: number): ExplainTarget => ({
    collection,
    sentAs: commandName,
    command: { find: collection, filter: filter ?? {}, ...(sortPairs(sort).length ? { sort } : {}), ...(limit ? { limit } : {}), ...pick(command, ['hint', 'collation']) },
    filter: asObject(filter),
    sort: sortPairs(sort),
  });
  switch (commandName) {
    case 'find':
      return [
        {
          collection,
          sentAs: commandName,
          command: { find: collection, ...pick(command, ['filter', 'sort', 'projection', 'hint', 'skip', 'limit', 'collation']) },
          filter: asObject(command.filter),
          sort: sortPairs(command.sort),
        },
      ];
    case 'count':
      return [{ collection, sentAs: commandName, command: { count: collection, ...pick(command, ['query', 'limit', 'skip', 'hint', 'collation']) }, filter: asObject(command.query), sort: [] }];
    case 'aggregate': {
      const pipeline: Record<string, any>[] = command.pipeline ?? [];
      // The ESR rule can judge only a leading $match and the $sort right after it (or leading).
      const match = asObject(pipeline[0]?.$match);
      const sortStage = pipeline[0]?.$match ? pipeline[1]?.$sort : pipeline[0]?.$sort;
      return [{ collection, sentAs: commandName, command: { aggregate: collection, cursor: {}, ...pick(command, ['pipeline', 'hint', 'collation']) }, filter: match, sort: sortPairs(sortStage) }];
    }
    case 'distinct':
      return [asFind(command.query, undefined)];
    case 'findAndModify':
      return [asFind(command.query, command.sort, 1)];
    case 'update':
      return ((command.updates ?? []) as Record<string, any>[]).map((u) => asFind(u.q, undefined, u.multi ? undefined : 1));
    case 'delete':
      return ((command.deletes ?? []) as Record<string, any>[]).map((d) => asFind(d.q, undefined, d.limit === 1 ? 1 : undefined));
    default:
      return [];
  }
}

/**
 * A key that is the same for two commands the engine plans alike: field names, operators and the
 * kinds of values (with what changes a plan: a regex's anchor, an empty list), not the values.
 */
export function shapeKey(target: ExplainTarget): string {
  const shape = (value: unknown): unknown => {
    if (value === null || value === undefined) return null;
    if (value instanceof RegExp) return value.source.startsWith('^') ? 'regex^' : 'regex';
    if (value instanceof Map) return [...value.entries()].map(([k, v]) => [k, shape(v)]);
    if (Array.isArray(value)) return value.length ? ['list', ...new Set(value.map((v) => JSON.stringify(shape(v))))] : 'empty list';
    if (typeof value !== 'object') return typeof value;
    const bsonType = (value as { _bsontype?: string })._bsontype;
    if (bsonType === 'BSONRegExp') return (value as { pattern: string }).pattern.startsWith('^') ? 'regex^' : 'regex';
    if (bsonType) return bsonType;
    if (value instanceof Date) return 'date';
    return Object.entries(value).map(([k, v]) => [k, k === '$regex' && typeof v === 'string' ? (v.startsWith('^') ? 'regex^' : 'regex') : shape(v)]);
  };
  return JSON.stringify([target.collection, target.sentAs, shape(target.command)]);
}

/** What a plan says about how the engine reads. */
export interface PlanReading {
  engine: 'documentdb' | 'mongodb';
  /** The plan's nodes in one line, for a failure message: "Limit > Sort > Bitmap Heap Scan documents_7 > ...". */
  outline: string;
  /** What is read whole: PostgreSQL relations (documents_N) on DocumentDB, namespaces on MongoDB. */
  fullScans: string[];
  /** The indexes the plan reads. */
  indexes: string[];
  /** Whether the plan sorts in memory; null where the engine never sorts by index (DocumentDB). */
  blockingSort: boolean | null;
}

type PgNode = Record<string, any> & { 'Node Type': string; Plans?: PgNode[] };

/**
 * An index condition that selects documents, unlike `shard_key_value = N`, which every document
 * of a collection satisfies (DocumentDB's way of writing "the whole collection").
 */
const selects = (condition: unknown) => typeof condition === 'string' && /OPERATOR\(|object_id/.test(condition);

/**
 * Whether an index scan narrows the rows: by its condition, or, for a partial index read with no
 * condition (the query asks exactly its filter), by holding only the documents of that filter.
 */
const scanSelects = (node: PgNode, partial: ReadonlySet<string>) => selects(node['Index Cond']) || (node['Index Cond'] === undefined && partial.has(node['Index Name']));

/** Whether a bitmap subtree narrows the rows: any part of an AND, every part of an OR. */
function bitmapSelects(node: PgNode, partial: ReadonlySet<string>): boolean {
  switch (node['Node Type']) {
    case 'Bitmap Index Scan':
      return scanSelects(node, partial);
    case 'BitmapAnd':
      return (node.Plans ?? []).some((child) => bitmapSelects(child, partial));
    case 'BitmapOr':
      return (node.Plans ?? []).every((child) => bitmapSelects(child, partial));
    default:
      return false;
  }
}

function readPostgresPlan(root: PgNode, partial: ReadonlySet<string>): PlanReading {
  const reading: PlanReading = { engine: 'documentdb', outline: '', fullScans: [], indexes: [], blockingSort: null };
  const outline = (node: PgNode): string => {
    const name = [node['Node Type'], node['Relation Name'], node['Index Name'] && `[${node['Index Name']}]`].filter(Boolean).join(' ');
    const children = (node.Plans ?? []).map(outline);
    return children.length ? `${name} > ${children.length > 1 ? `(${children.join(', ')})` : children[0]}` : name;
  };
  reading.outline = outline(root);
  const visit = (node: PgNode) => {
    if (node['Index Name']) reading.indexes.push(node['Index Name']);
    const relation: unknown = node['Relation Name'];
    if (typeof relation === 'string' && relation.startsWith('documents_')) {
      const type = node['Node Type'];
      const whole =
        type === 'Seq Scan' ||
        ((type === 'Index Scan' || type === 'Index Only Scan') && !scanSelects(node, partial)) ||
        (type === 'Bitmap Heap Scan' && !(node.Plans ?? []).some((child) => bitmapSelects(child, partial)));
      if (whole) reading.fullScans.push(relation);
    }
    for (const child of node.Plans ?? []) visit(child);
  };
  visit(root);
  return reading;
}

function readMongoPlan(explain: Record<string, any>): PlanReading {
  const reading: PlanReading = { engine: 'mongodb', outline: '', fullScans: [], indexes: [], blockingSort: false };
  const stages: string[] = [];
  const planners: Record<string, any>[] = [];
  if (explain.queryPlanner) planners.push(explain.queryPlanner);
  for (const stage of explain.stages ?? []) if (stage.$cursor?.queryPlanner) planners.push(stage.$cursor.queryPlanner);
  for (const planner of planners) {
    const visit = (node: unknown) => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach(visit);
      const stage = node as Record<string, any>;
      if (typeof stage.stage === 'string') stages.push([stage.stage, stage.indexName && `[${stage.indexName}]`].filter(Boolean).join(' '));
      if (stage.stage === 'COLLSCAN') reading.fullScans.push(String(planner.namespace));
      if (stage.stage === 'SORT') reading.blockingSort = true;
      if (stage.stage === 'IXSCAN' && stage.indexName) reading.indexes.push(stage.indexName);
      // A $lookup that reads the other collection whole for each document (no index on its field).
      if (stage.stage === 'EQ_LOOKUP' && ['NestedLoopJoin', 'HashJoin'].includes(stage.strategy)) reading.fullScans.push(String(stage.foreignCollection));
      for (const [key, child] of Object.entries(stage)) if (key !== 'rejectedPlans' && key !== 'slotBasedPlan') visit(child);
    };
    visit(planner.winningPlan);
  }
  reading.outline = stages.join(' > ');
  return reading;
}

/**
 * Reads an `explain` answer of DocumentDB (a PostgreSQL plan) or of MongoDB (a stage tree).
 * `partialIndexes` names the partial indexes: reading one whole reads only its filter's documents.
 */
export function readPlan(explain: Record<string, any>, partialIndexes: ReadonlySet<string> = new Set()): PlanReading {
  const postgres = explain.queryPlanner?.Plan;
  return postgres ? readPostgresPlan(postgres, partialIndexes) : readMongoPlan(explain);
}

/* The ESR rule for the sort, against the declared indexes (used where the plan cannot say). */

export type IndexKeys = [string, number][];

const RANGE_OPERATORS = new Set(['$gt', '$gte', '$lt', '$lte', '$regex', '$ne', '$nin', '$exists']);

/** The fields a filter pins to one value, per alternative ($or branches each need serving). */
function equalitySets(filter: Record<string, unknown>): Set<string>[] {
  let result: Set<string>[] = [new Set()];
  const merge = (alternatives: Set<string>[]) => {
    result = result.flatMap((a) => alternatives.map((b) => new Set([...a, ...b])));
  };
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and') for (const part of value as Record<string, unknown>[]) merge(equalitySets(part));
    else if (key === '$or') merge((value as Record<string, unknown>[]).flatMap(equalitySets));
    else if (value instanceof RegExp || (value as { _bsontype?: string } | null)?._bsontype === 'BSONRegExp') merge([new Set()]);
    else if (
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      !(value instanceof Date) &&
      !(value as { _bsontype?: string })._bsontype &&
      Object.keys(value).some((k) => k.startsWith('$'))
    ) {
      merge([Object.keys(value).some((op) => RANGE_OPERATORS.has(op)) ? new Set() : new Set([key])]);
    } else merge([new Set([key])]);
  }
  return result;
}

/** Whether one index gives the sort's order after the fields pinned by equality. */
function ordersBy(index: IndexKeys, equality: Set<string>, fullSort: [string, number][]): boolean {
  // A field pinned by equality is constant in the result: sorting on it costs nothing.
  const sort = fullSort.filter(([field]) => !equality.has(field));
  if (!sort.length) return true;
  let i = 0;
  while (i < index.length && equality.has(index[i]![0])) i++;
  const window = index.slice(i, i + sort.length);
  if (window.length !== sort.length) return false;
  const same = window.every(([field, dir], j) => field === sort[j]![0] && dir === sort[j]![1]);
  const reversed = window.every(([field, dir], j) => field === sort[j]![0] && dir === -sort[j]![1]);
  return same || reversed;
}

/** Whether a declared index (or `_id`) yields the target's sort without an in-memory sort. */
export function sortServed(target: Pick<ExplainTarget, 'filter' | 'sort'>, indexes: IndexKeys[]): boolean {
  if (!target.sort.length) return true;
  const candidates: IndexKeys[] = [[['_id', 1]], ...indexes];
  return equalitySets(target.filter).every((equality) => candidates.some((index) => ordersBy(index, equality, target.sort)));
}

const isLimited = (target: ExplainTarget) =>
  typeof target.command.limit === 'number' ? target.command.limit > 0 : ((target.command.pipeline ?? []) as Record<string, unknown>[]).some((stage) => '$limit' in stage);

/**
 * A read of every document on purpose (a test's snapshot or clean-up, a repair or re-index pass):
 * no filter and no limit. No index can serve it on any engine, so it proves nothing either way.
 */
export function isWholePass(target: ExplainTarget): boolean {
  if (target.command.count !== undefined) return false;
  return !Object.keys(target.filter).length && !isLimited(target);
}

/** A read the engine does not serve with an index, and why. */
export interface Unserved {
  command: Record<string, unknown>;
  sentAs: string;
  problem: string;
  plan: string;
}

/** Explains reads on one database, naming what a plan reads whole by collection. */
class Planner {
  private relations: Map<string, string> | undefined;
  private partial = new Set<string>();
  constructor(readonly db: mongoose.mongo.Db) {}

  async explain(command: Record<string, unknown>): Promise<PlanReading & { scanned: string[] }> {
    if (!this.relations) {
      // Which relation holds which collection: the plan of reading each one whole names it.
      this.relations = new Map();
      for (const { name } of await this.db.listCollections({}, { nameOnly: true }).toArray()) {
        for (const scanned of readPlan(await this.db.command({ explain: { find: name, filter: {} }, verbosity: 'queryPlanner' })).fullScans) this.relations.set(scanned, name);
        for (const index of await this.db.collection(name).listIndexes().toArray()) if (index.partialFilterExpression) this.partial.add(index.name);
      }
    }
    const reading = readPlan(await this.db.command({ explain: command, verbosity: 'queryPlanner' }), this.partial);
    const scanned = [...new Set(reading.fullScans.map((relation) => this.relations!.get(relation) ?? relation.slice(relation.indexOf('.') + 1)))];
    return { ...reading, scanned };
  }
}

/**
 * An empty copy of `collection` with the same indexes, never analysed: PostgreSQL plans it from
 * no statistics, where DocumentDB's forced index choice holds.
 */
async function twinOf(db: mongoose.mongo.Db, twins: mongoose.mongo.Db, collection: string): Promise<void> {
  const indexes = (await db.collection(collection).listIndexes().toArray()).filter((index) => index.name !== '_id_');
  await twins.createCollection(collection).catch(() => {});
  if (!indexes.length) return;
  await twins
    .collection(collection)
    .createIndexes(indexes.map(({ key, name, unique, partialFilterExpression }) => ({ key, name, ...(unique ? { unique } : {}), ...(partialFilterExpression ? { partialFilterExpression } : {}) })));
}

/**
 * Explains each target on `db` and answers the ones that read a growing collection whole or need
 * a sort no index gives. `declared` maps a collection to its declared indexes' keys.
 *
 * PostgreSQL does plan from statistics once autovacuum has analysed a table: a collection a test
 * emptied, analysed with no rows, gets a Seq Scan even for a lookup by a unique key (seen here
 * about a minute after a bulk delete). So a DocumentDB plan that reads a collection whole is asked
 * again of an empty, never-analysed copy with the same indexes, and only a copy that still reads
 * everything fails: the verdict depends on the query and the indexes alone, not on when
 * autovacuum last ran.
 */
export async function unservedReads(db: mongoose.mongo.Db, targets: ExplainTarget[], declared: Map<string, IndexKeys[]>): Promise<Unserved[]> {
  const planner = new Planner(db);
  const twins = db.client.db(`${db.databaseName}_plans`);
  const twinned = new Map<string, Promise<void>>();
  let twinPlanner: Planner | undefined;
  const unserved: Unserved[] = [];
  try {
    for (const target of targets) {
      if (WHOLE_READ_ALLOWED.has(target.collection) || isWholePass(target)) continue;
      let reading = await planner.explain(target.command);
      if (reading.engine === 'documentdb' && reading.scanned.some((name) => !WHOLE_READ_ALLOWED.has(name))) {
        if (!twinned.has(target.collection)) twinned.set(target.collection, twinOf(db, twins, target.collection));
        await twinned.get(target.collection);
        // A fresh planner: the copies' relations are new.
        twinPlanner = new Planner(twins);
        reading = await twinPlanner.explain(target.command);
      }
      // A first page of everything, in the order of a declared index: MongoDB walks that index
      // and stops at the limit; DocumentDB has no ordered walk and reads it all (see the top).
      const unfilteredPage = reading.engine === 'documentdb' && !Object.keys(target.filter).length && target.sort.length > 0 && isLimited(target);
      const scanned = unfilteredPage ? [] : reading.scanned.filter((name) => !WHOLE_READ_ALLOWED.has(name));
      const report = (problem: string) => unserved.push({ command: target.command, sentAs: target.sentAs, problem, plan: reading.outline });
      if (scanned.length) {
        // The indexes there, for a test that dropped or never created them.
        const present = await Promise.all(scanned.map(async (name) => `${name}: ${(await db.collection(name).listIndexes().toArray()).map((i) => i.name).join(', ')}`));
        report(`reads ${scanned.join(', ')} whole (indexes ${present.join('; ')})`);
      }
      const blockingSort = reading.blockingSort ?? !sortServed(target, declared.get(target.collection) ?? []);
      if (blockingSort) report(`sorts by ${JSON.stringify(target.sort)} with no index in that order after its equality fields`);
    }
  } finally {
    if (twinned.size) await twins.dropDatabase();
  }
  return unserved;
}
