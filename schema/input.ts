import type { InputFieldRef, InputObjectRef, InputRef } from '@pothos/core';
import type { z } from 'zod';
import { builder } from './builder.ts';

/*
 * A mutation's input is described once, as the zod object its service parses (types, limits,
 * which fields may be left out, descriptions with `.describe()`), and its GraphQL input type is
 * generated from that object here. A field is required in GraphQL when zod requires it (not
 * optional, nullable or defaulted); strings, integers, booleans, dates (DateTime) and lists of
 * them map by themselves. What zod cannot say is named in `types`: a GraphQL enum made from
 * the same list of values, a nested input type, or the node type of a global id.
 */

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type FieldBuilder = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;
type Field = InputFieldRef<Types, unknown>;
/** A node type (its ref) whose global ids a field takes; the service gets the plain id (`plainInput`). */
type GlobalIdOf = { globalIdOf: unknown };
type TypeOf = InputRef<unknown> | InputObjectRef<Types, unknown> | string | GlobalIdOf;

type ZodLike = { _zod: { def: { type: string; innerType?: ZodLike; in?: ZodLike; element?: ZodLike } }; description?: string; format?: string | null };

/** The schema under the wrappers that do not change a field's GraphQL type, and whether one lets it be left out. */
function unwrap(schema: ZodLike): { base: ZodLike; optional: boolean; description: string | undefined } {
  let current = schema;
  let optional = false;
  let description = schema.description;
  for (;;) {
    const { def } = current._zod;
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') optional = true;
    const inner = def.type === 'pipe' ? def.in : def.innerType;
    if (!inner) return { base: current, optional, description };
    current = inner;
    description ??= current.description;
  }
}

/** The GraphQL type of a scalar zod schema (under its wrappers). */
function scalarOf(base: ZodLike, field: string): 'String' | 'Int' | 'Float' | 'Boolean' | 'DateTime' {
  switch (base._zod.def.type) {
    case 'string':
      return 'String';
    case 'number':
      return base.format === 'safeint' ? 'Int' : 'Float';
    case 'boolean':
      return 'Boolean';
    case 'date':
      return 'DateTime';
    default:
      throw new Error(`input field ${field}: name the GraphQL type of a zod ${base._zod.def.type} in \`types\``);
  }
}

/** The GraphQL input fields of a zod object; its values reach the resolver as sent (`plainInput` turns global ids into ids). */
export function inputFieldsOf(t: FieldBuilder, schema: { shape: Record<string, unknown> }, types: Record<string, TypeOf> = {}) {
  const fields: Record<string, Field> = {};
  for (const [name, fieldSchema] of Object.entries(schema.shape)) {
    const { base, optional, description } = unwrap(fieldSchema as ZodLike);
    const required = !optional;
    const named = types[name];
    const common = { required, ...(description ? { description } : {}) };
    if (named && typeof named === 'object' && 'globalIdOf' in named) {
      fields[name] = t.globalID({ ...common, for: named.globalIdOf as never }) as Field;
      continue;
    }
    const isList = base._zod.def.type === 'array';
    const item = named ?? scalarOf(isList ? unwrap(base._zod.def.element!).base : base, name);
    // Lists hold no nulls; whether the list itself may be left out is the field's own rule.
    fields[name] = t.field({ ...common, type: isList ? [item] : item, required: isList ? { list: required, items: true } : required } as never) as Field;
  }
  return fields;
}

/** A GraphQL input type generated from a zod object (see inputFieldsOf). */
export const inputTypeOf = (name: string, schema: { shape: Record<string, unknown> }, options: { description?: string; types?: Record<string, TypeOf> } = {}) =>
  builder.inputType(name, {
    ...(options.description ? { description: options.description } : {}),
    fields: (t) => inputFieldsOf(t, schema, options.types),
  });

const isGlobalId = (value: unknown): value is { typename: string; id: string } => typeof value === 'object' && value !== null && 'typename' in value && 'id' in value;

/**
 * An input as its service parses it (with `schema`): fields the client left out dropped, and so
 * are nulls where the schema takes no null (GraphQL lets an optional field be null; for those it
 * means "not sent", so zod's defaults apply), while a null that clears a field stays; global ids
 * become the plain ids.
 */
export const plainInput = (schema: { shape: Record<string, unknown> }, input: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(input)
      .filter(([key, value]) => value !== undefined && (value !== null || (schema.shape[key] as z.ZodType | undefined)?.safeParse(null).success))
      .map(([key, value]) => [key, isGlobalId(value) ? value.id : value]),
  );
