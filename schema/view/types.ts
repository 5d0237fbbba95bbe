import { builder, type FieldsOf } from '../builder.ts';
import { ThreadRef } from '../discussion/types.ts';
import { InvalidArgumentError, NotFoundError, NotAuthorizedError } from '../errors.ts';
import { writeErrors } from '../error/types.ts';
import { PracticeRef } from '../practice/types.ts';
import { recordView, viewCounts } from './service.ts';
import type { ViewKind } from './model.ts';

const viewCount =
  (kind: ViewKind) =>
  <Parent extends { _id: unknown }>(t: FieldsOf<Parent>) => ({
    viewCount: t.loadable({
      type: 'Int',
      description: 'How many different people have read it (members, and signed-out visitors by browser).',
      load: (ids: string[]) => viewCounts(kind, ids),
      resolve: (parent) => String(parent._id),
    }),
  });

builder.objectFields(PracticeRef, viewCount('practice'));
builder.objectFields(ThreadRef, viewCount('thread'));

const RecordViewPayload = builder.objectRef<{ viewCount: number }>('RecordViewPayload').implement({
  fields: (t) => ({ viewCount: t.exposeInt('viewCount') }),
});

const RecordViewInput = builder.inputType('RecordViewInput', {
  fields: (t) => ({ id: t.globalID({ required: true, description: 'A Practice or Thread id.' }) }),
});

builder.mutationFields((t) => ({
  recordView: t.field({
    type: RecordViewPayload,
    description: 'The page of a practice or thread was read: counts the viewer once as a reader.',
    args: { input: t.arg({ type: RecordViewInput, required: true }) },
    errors: { types: [...writeErrors, NotFoundError], directResult: true },
    resolve: async (_, { input }, ctx) => {
      // Discussions are for members: a signed-out visitor never reads one, so never counts.
      if (input.id.typename === 'Thread' && !ctx.viewer) throw new NotAuthorizedError();
      const kind = ({ Practice: 'practice', Thread: 'thread' } as const)[input.id.typename as 'Practice' | 'Thread'];
      if (!kind) throw new InvalidArgumentError('input.id', 'is not the id of a practice or a thread');
      return { viewCount: await recordView(ctx, kind, input.id.id) };
    },
  }),
}));
