import { builder } from '../builder.ts';
import { ThreadRef } from '../discussion/types.ts';
import type { ThreadDoc } from '../discussion/service.ts';
import { NotFoundError } from '../errors.ts';
import { writeErrors } from '../error/types.ts';
import { inputTypeOf, plainInput } from '../input.ts';
import { perRequest } from '../loading.ts';
import { payload } from '../payload.ts';
import { markThreadRead, markThreadReadInput, readingsOf, type ThreadReadingDoc } from './service.ts';

interface ThreadReadingShape {
  readAt: Date;
  unreadReplyCount: number;
}

const ThreadReadingRef = builder.objectRef<ThreadReadingShape>('ThreadReading').implement({
  description: 'How far the viewer has read a thread.',
  fields: (t) => ({
    readAt: t.field({ type: 'DateTime', description: 'When the viewer last had it open: replies written after it are new to them.', resolve: (r) => r.readAt }),
    unreadReplyCount: t.exposeInt('unreadReplyCount', { description: 'Replies written since (counted from the thread’s replies then and now).' }),
  }),
});

/** The viewer's readings of a page of threads: one query (the variant is the reader's id). */
const readingLoader = perRequest<string, ThreadReadingDoc | null>((threadIds, readerId) => readingsOf(readerId, threadIds));

builder.objectFields(ThreadRef, (t) => ({
  viewerReading: t.field({
    type: ThreadReadingRef,
    nullable: true,
    description: 'How far the viewer has read it: null when signed out or never opened.',
    resolve: async (th, _, ctx) => {
      if (!ctx.viewer) return null;
      const reading = await readingLoader(ctx, ctx.viewer.id).load(String(th._id));
      return reading && { readAt: reading.readAt, unreadReplyCount: Math.max(0, th.replyCount - reading.seenReplyCount) };
    },
  }),
}));

const MarkThreadReadInput = inputTypeOf('MarkThreadReadInput', markThreadReadInput, { types: { threadId: { globalIdOf: ThreadRef } } });

builder.mutationFields((t) => ({
  markThreadRead: t.field({
    type: payload<'thread', ThreadDoc>('MarkThreadReadPayload', 'thread', ThreadRef),
    description: 'Records that the viewer has read the thread as it is now (thread lists then count only later replies as new).',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: MarkThreadReadInput, required: true }) },
    errors: { types: [...writeErrors, NotFoundError], directResult: true },
    resolve: async (_, { input }, ctx) => ({ thread: await markThreadRead(ctx, plainInput(markThreadReadInput, input)) }),
  }),
}));
