import { builder } from './builder.ts';

/** The success object of a mutation that returns nothing but having happened. */
export const DonePayload = builder.objectRef<{ done: true }>('DonePayload').implement({
  description: 'The change was made.',
  fields: (t) => ({ done: t.boolean({ resolve: () => true }) }),
});

export const done = { done: true } as const;
