import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { DateTimeResolver } from 'graphql-scalars';
import type { Context } from './context.ts';
import { InvalidArgumentError, NotAuthorizedError, NotFoundError } from './errors.ts';
import { hasRole } from './roles.ts';

const GLOBAL_ID = /^[A-Za-z0-9_-]{4,200}$/;
/** A stored value as a GraphQL enum value's name: 'ministry-agency' → MINISTRY_AGENCY, 'role.changed' → ROLE_CHANGED. */
type EnumName<S extends string> = S extends `${infer Head}.${infer Tail}` | `${infer Head}-${infer Tail}` ? `${EnumName<Head>}_${EnumName<Tail>}` : Uppercase<S>;

/** The values of a GraphQL enum for a list of stored values, each named by `EnumName`. */
export const enumValues = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value.toUpperCase().replace(/[.-]/g, '_'), { value }])) as { [V in T as EnumName<V>]: { value: V } };

export const builder = new SchemaBuilder<{
  Context: Context;
  Scalars: { DateTime: { Input: Date; Output: Date } };
  /** Counting costs a command, so connections count only when totalCount is asked for. */
  Connection: { totalCount: () => Promise<number> };
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  DefaultFieldNullability: false;
  AuthScopes: {
    signedIn: boolean;
    curator: boolean;
    moderator: boolean;
    admin: boolean;
    /** The viewer is the person with this expert id. */
    self: string;
  };
}>({
  defaultFieldNullability: false,
  // Relay first so auth sees decoded ids; errors before scope-auth so that a refusal of a
  // mutation becomes its typed NotAuthorizedError result.
  plugins: [RelayPlugin, ErrorsPlugin, ScopeAuthPlugin, DataloaderPlugin, ValidationPlugin],
  scopeAuth: {
    // Read the viewer when a scope is checked: signing in changes it within a request.
    authScopes: (context) => ({
      signedIn: () => Boolean(context.viewer),
      curator: () => hasRole(context.viewer, 'curator'),
      moderator: () => hasRole(context.viewer, 'moderator'),
      admin: () => hasRole(context.viewer, 'admin'),
      self: (expertId) => context.viewer?.id === expertId,
    }),
    unauthorizedError: (_parent, context) => new NotAuthorizedError(context.viewer ? 'You are not allowed to do this.' : 'Sign in to do this.'),
  },
  errors: {
    defaultUnionOptions: { name: ({ fieldName }) => `${fieldName[0]!.toUpperCase()}${fieldName.slice(1)}Result` },
    defaultResultOptions: { name: ({ fieldName }) => `${fieldName[0]!.toUpperCase()}${fieldName.slice(1)}Success` },
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodesQueryOptions: false,
    encodeGlobalID: (typename, id) => Buffer.from(`${typename}:${id}`).toString('base64url'),
    decodeGlobalID: (globalID) => {
      const decoded = GLOBAL_ID.test(globalID) ? Buffer.from(globalID, 'base64url').toString('utf8') : '';
      const colon = decoded.indexOf(':');
      if (colon < 1) throw new InvalidArgumentError('id', 'is not an ID of this API');
      return { typename: decoded.slice(0, colon), id: decoded.slice(colon + 1) };
    },
    nodeQueryOptions: {
      // Relay answers null for an unknown ID; we say which argument named nothing.
      resolve: async (_root, { id }, _context, _info, resolveNode) => {
        const node = await resolveNode(id);
        if (!node) throw new NotFoundError('id', 'object', String(id.id));
        return node;
      },
    },
  },
  validation: {
    // Name the offending argument (e.g. "filter.query") in a typed BAD_USER_INPUT error.
    validationError: (result) => {
      const issue = result.issues[0];
      const argument = issue?.path?.map((p) => (typeof p === 'object' ? p.key : p)).join('.') || 'input';
      return new InvalidArgumentError(argument, issue?.message ?? 'is not valid');
    },
  },
});

/** The schema's types, as Pothos' generic helpers take them. */
export type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;

/** The `t` of an object type whose resolvers get `Parent`: for helpers that give several types the same fields. */
export type FieldsOf<Parent> = PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Parent>;

builder.queryType({});
builder.mutationType({});

/** Runs one of graphql-scalars' parsers, a refusal becoming our typed BAD_USER_INPUT error. */
const typedRefusal =
  <A extends unknown[]>(parse: (...args: A) => Date) =>
  (...args: A): Date => {
    try {
      return parse(...args);
    } catch {
      throw new InvalidArgumentError('DateTime', 'expected an ISO 8601 date and time with a time zone, e.g. 2030-01-31T00:00:00Z');
    }
  };

// graphql-scalars' RFC 3339 DateTime: a zone required, no other formats, no 30 February rolled
// into March. Out, it stays a Date until the answer is JSON, which writes it as ISO 8601 in UTC.
builder.addScalarType('DateTime', DateTimeResolver, {
  description: 'An instant, as an ISO 8601 string in UTC.',
  parseValue: typedRefusal((value) => DateTimeResolver.parseValue(value)),
  parseLiteral: typedRefusal((literal, variables) => DateTimeResolver.parseLiteral(literal, variables)),
});

builder.globalConnectionField('totalCount', (t) => t.int({ description: 'How many items match, across all pages.', resolve: (connection) => connection.totalCount() }));

/**
 * A node type for reference data whose `_id` is its code or slug (places, organisations, topics,
 * cohorts): loaded in batches by `load`, results put back in key order.
 */
export function referenceNodeRef<T extends { _id: string }>(name: string, load: (keys: string[]) => Promise<T[]>) {
  return builder.loadableNodeRef(name, {
    id: { resolve: (doc: T) => doc._id },
    load: (keys: string[]) => load(keys),
    sort: (doc) => doc._id,
  });
}
