import type { OutputType } from '@pothos/core';
import { builder, type BuilderTypes } from './builder.ts';

/** The success object of a mutation that returns nothing but having happened. */
export const DonePayload = builder.objectRef<{ done: true }>('DonePayload').implement({
  description: 'The change was made.',
  fields: (t) => ({ done: t.boolean({ resolve: () => true }) }),
});

export const done = { done: true } as const;

/**
 * The success object of a mutation that returns one object, e.g. `SubmitPracticePayload
 * { practice }`; resolvers return `{ [field]: value }`.
 */
export function payload<Field extends string, T>(name: string, field: Field, type: OutputType<BuilderTypes>) {
  return builder.objectRef<Record<Field, T>>(name).implement({
    fields: (t) => ({ [field]: t.field({ type, resolve: (parent: Record<Field, T>) => parent[field] as never }) }) as never,
  });
}
