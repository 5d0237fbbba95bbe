import { filter, pipe } from 'graphql-yoga';
import { requireViewer } from '../account/service.ts';
import { builder } from '../builder.ts';
import type { Viewer } from '../context.ts';
import { ReplyRef, ThreadRef } from '../discussion/types.ts';
import { findVisibleReply, findVisibleThread } from '../discussion/service.ts';
import { canSeeReply } from '../discussion/policy.ts';
import { liveEvents } from './events.ts';

/** Whether the viewer may read this reply now (its thread may have been hidden since they opened it). */
async function mayRead(viewer: Viewer, replyId: string): Promise<boolean> {
  try {
    const { reply } = await findVisibleReply(viewer, replyId);
    return canSeeReply(viewer, reply) && !reply.hiddenAt;
  } catch {
    return false;
  }
}

builder.subscriptionType({
  description: 'Live updates, over server-sent events (the web app uses graphql-sse in its "distinct connections" mode).',
});

builder.subscriptionFields((t) => ({
  threadReplies: t.field({
    type: ReplyRef,
    description:
      'Each new reply of a thread the viewer may read, as it is posted (or approved after waiting), for as long as the subscription stays open. A reconnecting client reads the thread again for what it missed.',
    authScopes: { signedIn: true },
    args: { threadId: t.arg.globalID({ required: true, for: ThreadRef }) },
    subscribe: async (_, { threadId }, ctx) => {
      const viewer = requireViewer(ctx);
      // Refused at once, as the query would be, for a thread the viewer may not open.
      await findVisibleThread(viewer, threadId.id);
      return pipe(
        liveEvents().subscribe('thread:reply', threadId.id),
        filter((event) => mayRead(viewer, event.replyId)),
      );
    },
    resolve: (event) => event.replyId,
  }),
}));
