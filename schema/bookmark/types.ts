import { builder, enumValues, type FieldsOf } from '../builder.ts';
import { ThreadRef } from '../discussion/types.ts';
import type { ThreadDoc } from '../discussion/service.ts';
import { NotFoundError } from '../errors.ts';
import { writeErrors } from '../error/types.ts';
import { inputTypeOf, plainInput } from '../input.ts';
import { payload } from '../payload.ts';
import type { PracticeDoc } from '../practice/service.ts';
import { PracticeRef } from '../practice/types.ts';
import { bookmarkKinds } from './model.ts';
import { bookmarkedByViewer, bookmarkInput, bookmarkPractice, bookmarkThread, listBookmarks, type BookmarkDoc, type BookmarkKind } from './service.ts';

const BookmarkKindEnum = builder.enumType('BookmarkKind', {
  values: enumValues(bookmarkKinds),
});

const viewerBookmarked =
  (kind: BookmarkKind) =>
  <Parent extends { _id: unknown }>(t: FieldsOf<Parent>) => ({
    viewerBookmarked: t.loadable({
      type: 'Boolean',
      description: 'Whether the viewer bookmarked it (false when signed out).',
      load: (ids: string[], ctx) => bookmarkedByViewer(ctx.viewer, kind, ids),
      resolve: (parent) => String(parent._id),
    }),
  });

builder.objectFields(PracticeRef, viewerBookmarked('practice'));
builder.objectFields(ThreadRef, viewerBookmarked('thread'));

const BookmarkRef = builder.objectRef<BookmarkDoc>('Bookmark').implement({
  description: 'A practice or thread the viewer keeps; the practice is null once the viewer may no longer read it.',
  fields: (t) => ({
    kind: t.field({ type: BookmarkKindEnum, resolve: (b) => b.kind }),
    savedAt: t.field({ type: 'DateTime', resolve: (b) => b.createdAt }),
    practice: t.field({ type: PracticeRef, nullable: true, resolve: (b) => (b.kind === 'practice' ? String(b.target) : null) }),
    thread: t.field({ type: ThreadRef, nullable: true, resolve: (b) => (b.kind === 'thread' ? String(b.target) : null) }),
  }),
});

builder.queryFields((t) => ({
  myBookmarks: t.connection(
    {
      type: BookmarkRef,
      description: 'The viewer’s bookmarks, latest first (private to them).',
      authScopes: { signedIn: true },
      args: { kind: t.arg({ type: BookmarkKindEnum }) },
      resolve: (_, args, ctx) => listBookmarks(ctx.viewer!, args.kind, args),
    },
    { name: 'BookmarkConnection' },
    { name: 'BookmarkEdge' },
  ),
}));

// Generated from the service's zod schema, which holds each field's type, nullability and limits.
const BookmarkPracticeInput = inputTypeOf('BookmarkPracticeInput', bookmarkInput, { types: { id: { globalIdOf: PracticeRef } } });
const BookmarkThreadInput = inputTypeOf('BookmarkThreadInput', bookmarkInput, { types: { id: { globalIdOf: ThreadRef } } });

builder.mutationFields((t) => ({
  bookmarkPractice: t.field({
    type: payload<'practice', PracticeDoc>('BookmarkPracticePayload', 'practice', PracticeRef),
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: BookmarkPracticeInput, required: true }) },
    errors: { types: [...writeErrors, NotFoundError], directResult: true },
    resolve: async (_, { input }, ctx) => ({ practice: await bookmarkPractice(ctx, plainInput(bookmarkInput, input)) }),
  }),
  bookmarkThread: t.field({
    type: payload<'thread', ThreadDoc>('BookmarkThreadPayload', 'thread', ThreadRef),
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: BookmarkThreadInput, required: true }) },
    errors: { types: [...writeErrors, NotFoundError], directResult: true },
    resolve: async (_, { input }, ctx) => ({ thread: await bookmarkThread(ctx, plainInput(bookmarkInput, input)) }),
  }),
}));
