/*
 * Rate limits on what an operation will run, however it is written: graphql-js's own field
 * collection (the one `execute` uses) expands aliases, inline and named fragments and honours
 * @skip/@include with the request's variables, so the count is the fields that would execute.
 *
 * Why not @envelop/rate-limiter: it counts in each resolver, while the operation runs, so an
 * operation past the limit has already run its first fields when it is refused (and it brings a
 * second store beside rate-limiter-flexible). Counting before execution refuses the whole
 * operation, and a refused operation changes nothing.
 */
import {
  getArgumentValues,
  getNamedType,
  getOperationAST,
  getVariableValues,
  isAbstractType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
// Internal to graphql-js but exported by path; the `.js` file is the same (CommonJS) copy that
// `graphql` gives every library here, so its type checks agree with our schema's.
import { collectFields, collectSubfields } from 'graphql/execution/collectFields.js';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../schema/context.ts';
import { RateLimitedError } from '../schema/errors.ts';
import { isNewMember } from '../schema/moderation/new-members.ts';
import { LARGE_PAGE_ABOVE, oneCostlyAtATime, PREVIEW_POINT_CHARACTERS, spendAll, type LimitName } from '../schema/limits.ts';

/** Mutations with limits of their own (per address and per account, see schema/limits.ts). */
const SELF_LIMITED = new Set(['signIn', 'signUp']);
/** The mutations that post, and the new members' budget each spends. */
const POSTS: Record<string, 'newMemberThreads' | 'newMemberReplies'> = { createThread: 'newMemberThreads', replyToThread: 'newMemberReplies' };

type ReadBudget = Extract<LimitName, 'searches' | 'previews' | 'largePages'>;
type Spending = Record<ReadBudget, number>;

const nothing = (): Spending => ({ searches: 0, previews: 0, largePages: 0 });

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** What one field costs by itself, from its coerced arguments. */
function costOf(walk: Walk, parent: GraphQLObjectType, name: string, args: Record<string, unknown>): Spending {
  const cost = nothing();
  const onQuery = parent === walk.schema.getQueryType();
  // The practice list's facet counts are six aggregates over every published practice, similar
  // threads a read of up to 100 candidates at each pause in typing: a search's cost.
  if (onQuery && (name === 'search' || name === 'practiceFacets' || name === 'similarThreads')) cost.searches += 1;
  const filter = args.filter as { query?: unknown } | undefined;
  if (typeof filter?.query === 'string' && filter.query.trim()) cost.searches += 1;
  if (onQuery && name === 'previewMarkdown') cost.previews += Math.max(1, Math.ceil(String(args.text ?? '').length / PREVIEW_POINT_CHARACTERS));
  const size = Math.max(Number(args.first ?? 0), Number(args.last ?? 0));
  if (size > LARGE_PAGE_ABOVE) cost.largePages += 1;
  return cost;
}

function add(total: Spending, more: Spending): void {
  for (const key of Object.keys(total) as ReadBudget[]) total[key] += more[key];
}

/**
 * The read budgets the collected `fields` of an object of `type` spend, nested selections
 * included: every field that will run counts once per place it has in the operation (aliases
 * each count; a list's items are not multiplied, the cost limit bounds that).
 */
function spendingOf(walk: Walk, type: GraphQLObjectType, fields: Map<string, readonly FieldNode[]>): Spending {
  const total = nothing();
  for (const nodes of fields.values()) {
    const node = nodes[0]!;
    const field = type.getFields()[node.name.value];
    // __typename and introspection fields are not the schema's own: they cost nothing here.
    if (!field) continue;
    try {
      add(total, costOf(walk, type, field.name, getArgumentValues(field, node, walk.variables)));
    } catch {
      // Arguments that do not coerce fail this field when it runs; nothing of it executes.
    }
    const named = getNamedType(field.type);
    if (isObjectType(named)) add(total, spendingOf(walk, named, collectSubfields(walk.schema, walk.fragments, walk.variables, named, nodes)));
    else if (isAbstractType(named)) {
      // One of the possible types is what runs: the dearest of them is what it may cost.
      const dearest = nothing();
      for (const possible of walk.schema.getPossibleTypes(named)) {
        const spending = spendingOf(walk, possible, collectSubfields(walk.schema, walk.fragments, walk.variables, possible, nodes));
        for (const key of Object.keys(dearest) as ReadBudget[]) dearest[key] = Math.max(dearest[key], spending[key]);
      }
      add(total, dearest);
    }
  }
  return total;
}

/**
 * What an operation will spend: `writes` for each mutation field that runs (sign-in and sign-up
 * excepted), and the read budgets for searches, previews and large pages anywhere in it. Null
 * when the operation cannot run at all (no such operation, bad variables): execution answers
 * that with its own error and runs nothing.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variableValues: Record<string, unknown> | null | undefined) {
  const operation = getOperationAST(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variableValues ?? {});
  if (coerced.errors) return null;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  const walk: Walk = { schema, fragments, variables: coerced.coerced };
  const fields = collectFields(schema, fragments, walk.variables, root, operation.selectionSet);
  let writes = 0;
  const posts = { newMemberThreads: 0, newMemberReplies: 0 };
  if (operation.operation === 'mutation')
    for (const nodes of fields.values()) {
      const name = nodes[0]!.name.value;
      if (!SELF_LIMITED.has(name)) writes += 1;
      if (POSTS[name]) posts[POSTS[name]] += 1;
    }
  return { writes, posts, ...spendingOf(walk, root, fields) };
}

/**
 * Spends the operation's writes and read budgets, per person or, signed out, per address,
 * before it runs (a new member also spends their own, tighter, budgets); past any of them it is
 * refused whole (RATE_LIMITED with the seconds to wait) and nothing of it runs or is spent.
 */
export function useOperationLimits(): Plugin<Context> {
  return {
    async onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
      const cost = operationCost(args.schema, args.document as DocumentNode, args.operationName, args.variableValues as Record<string, unknown> | undefined);
      if (!cost) return;
      const context = args.contextValue as Context;
      const key = context.viewer ? `person:${context.viewer.id}` : `address:${context.clientAddress}`;
      const { posts, ...budgets } = cost;
      const spending = isNewMember(context.viewer, context.newMembers) ? { ...budgets, ...posts, newMemberWrites: budgets.writes } : budgets;
      try {
        await spendAll(key, spending);
      } catch (error) {
        if (!(error instanceof RateLimitedError)) throw error;
        setResultAndStopExecution({ errors: [error] });
        return;
      }
      if (cost.searches || cost.previews || cost.largePages) setExecuteFn((executionArgs) => oneCostlyAtATime(key, () => executeFn(executionArgs)));
    },
  };
}
