import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import ValidationPlugin from '@pothos/plugin-validation';
import type { Context } from './context.ts';
import { InvalidArgumentError, NotFoundError } from './errors.ts';

const GLOBAL_ID = /^[A-Za-z0-9_-]{4,200}$/;

export const builder = new SchemaBuilder<{
  Context: Context;
  Scalars: { DateTime: { Input: Date; Output: Date } };
  /** Counting costs a command, so connections count only when totalCount is asked for. */
  Connection: { totalCount: () => Promise<number> };
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  DefaultFieldNullability: false;
}>({
  defaultFieldNullability: false,
  plugins: [RelayPlugin, DataloaderPlugin, ValidationPlugin],
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

builder.queryType({});

builder.scalarType('DateTime', {
  description: 'An instant, as an ISO 8601 string in UTC.',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : new Date(NaN);
    if (Number.isNaN(date.getTime())) throw new InvalidArgumentError('DateTime', 'expected an ISO 8601 date');
    return date;
  },
});

builder.globalConnectionField('totalCount', (t) =>
  t.int({ description: 'How many items match, across all pages.', resolve: (connection) => connection.totalCount() }),
);

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
