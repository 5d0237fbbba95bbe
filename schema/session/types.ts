import { builder } from '../builder.ts';
import { writeErrors } from '../error/types.ts';
import { ExpertRef } from '../expert/types.ts';
import { inputTypeOf, plainInput } from '../input.ts';
import { DonePayload, done } from '../payload.ts';
import { endOwnSession, endSessionInput, sessionsOfExperts, type SessionDoc } from './service.ts';

export const SessionRef = builder.objectRef<SessionDoc & { current: boolean }>('Session').implement({
  description: 'A browser signed in to the account.',
  fields: (t) => ({
    id: t.exposeID('_id'),
    createdAt: t.field({ type: 'DateTime', resolve: (s) => s.createdAt }),
    lastUsedAt: t.field({ type: 'DateTime', resolve: (s) => s.lastUsedAt }),
    expiresAt: t.field({ type: 'DateTime', resolve: (s) => s.expiresAt }),
    userAgent: t.exposeString('userAgent'),
    current: t.exposeBoolean('current', { description: 'The session of this very request.' }),
  }),
});

builder.objectFields(ExpertRef, (t) => ({
  sessions: t.loadableList({
    type: SessionRef,
    nullable: true,
    description: 'Private: the browsers signed in to this account, newest first.',
    authScopes: (expert) => ({ $any: { self: String(expert._id), admin: true } }),
    load: async (ids: string[], ctx) => (await sessionsOfExperts(ids)).map((sessions) => sessions.map((s) => ({ ...s, current: s._id === ctx.viewer?.sessionId }))),
    resolve: (expert) => String(expert._id),
  }),
}));

const EndSessionInput = inputTypeOf('EndSessionInput', endSessionInput, { types: { sessionId: 'ID' } });

builder.mutationFields((t) => ({
  endSession: t.field({
    type: DonePayload,
    description: 'Signs one of one’s own browsers out.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: EndSessionInput, required: true }) },
    errors: { types: writeErrors, directResult: true },
    resolve: async (_, { input }, ctx) => {
      await endOwnSession(ctx, plainInput(endSessionInput, input));
      return done;
    },
  }),
}));
