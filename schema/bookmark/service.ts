import { z } from 'zod';
import { requireViewer } from '../account/service.ts';
import { paginate, type PageArgs } from '../connection.ts';
import type { Context, Viewer } from '../context.ts';
import { getThread } from '../discussion/service.ts';
import { markedBy, setMark } from '../mark.ts';
import { findReadablePractice } from '../practice/service.ts';
import { objectId, parseInput } from '../validation.ts';
import { Bookmark, type BookmarkDoc, type BookmarkKind } from './model.ts';

export type { BookmarkDoc, BookmarkKind };

/** What to keep or let go of; the GraphQL inputs are generated from this schema (schema/input.ts). */
export const bookmarkInput = z.object({ id: objectId, bookmarked: z.boolean() });

/** Keeps (or lets go of) a practice the viewer may read. */
export async function bookmarkPractice(ctx: Context, input: unknown) {
  const viewer = requireViewer(ctx);
  const { id, bookmarked } = parseInput(bookmarkInput, input);
  const practice = await findReadablePractice(viewer, id);
  await setMark(Bookmark, { owner: viewer.id, kind: 'practice', target: id }, bookmarked);
  return practice;
}

export async function bookmarkThread(ctx: Context, input: unknown) {
  const viewer = requireViewer(ctx);
  const { id, bookmarked } = parseInput(bookmarkInput, input);
  const thread = await getThread(viewer, id);
  await setMark(Bookmark, { owner: viewer.id, kind: 'thread', target: id }, bookmarked);
  return thread;
}

/** Whether the viewer bookmarked each of these (false when signed out): one query for a page. */
export const bookmarkedByViewer = (viewer: Viewer | null, kind: BookmarkKind, ids: readonly string[]) => markedBy(Bookmark, viewer?.id ?? null, ids, (owner, target) => ({ owner, kind, target }));

/** The viewer's bookmarks, latest first. */
export const listBookmarks = (viewer: Viewer, kind: BookmarkKind | null | undefined, page: PageArgs) =>
  paginate<BookmarkDoc>(
    Bookmark,
    kind ? { owner: viewer.id, kind } : { owner: viewer.id },
    [
      { field: 'createdAt', kind: 'date', direction: -1 },
      { field: '_id', kind: 'string', direction: -1 },
    ],
    page,
  );
