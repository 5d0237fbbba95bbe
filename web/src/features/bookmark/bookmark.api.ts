import { action, json, query } from '@solidjs/router';
import { graphql, type ResultOf } from '../../graphql.ts';
import { MutationErrorFields } from '../../lib/fragments.ts';
import { mapOutcome, mutate } from '../../lib/form.ts';
import { request } from '../../lib/graphql-client.ts';
import type { ToggleState } from '../../components/toggle-button.tsx';
import { getViewer } from '../account/account.api.ts';
import { prefetch } from '../../lib/prefetch.ts';

const BookmarkPracticeMutation = graphql(
  `
  mutation BookmarkPractice($id: ID!, $bookmarked: Boolean!) {
    bookmarkPractice(input: { id: $id, bookmarked: $bookmarked }) {
      __typename
      ...MutationErrorFields
      ... on BookmarkPracticePayload { practice { id viewerBookmarked } }
    }
  }
`,
  [MutationErrorFields],
);
const BookmarkThreadMutation = graphql(
  `
  mutation BookmarkThread($id: ID!, $bookmarked: Boolean!) {
    bookmarkThread(input: { id: $id, bookmarked: $bookmarked }) {
      __typename
      ...MutationErrorFields
      ... on BookmarkThreadPayload { thread { id viewerBookmarked } }
    }
  }
`,
  [MutationErrorFields],
);

export const bookmarkPracticeAction = action(async (id: string, bookmarked: boolean) => {
  const outcome = mapOutcome(
    await mutate(BookmarkPracticeMutation, { id, bookmarked }, 'bookmarkPractice', 'BookmarkPracticePayload'),
    (data): ToggleState => ({ on: data.practice.viewerBookmarked }),
  );
  return json(outcome, { revalidate: outcome.ok ? [getMyBookmarks.key] : [] });
}, 'bookmarkPractice');

export const bookmarkThreadAction = action(async (id: string, bookmarked: boolean) => {
  const outcome = mapOutcome(await mutate(BookmarkThreadMutation, { id, bookmarked }, 'bookmarkThread', 'BookmarkThreadPayload'), (data): ToggleState => ({ on: data.thread.viewerBookmarked }));
  return json(outcome, { revalidate: outcome.ok ? [getMyBookmarks.key] : [] });
}, 'bookmarkThread');

export const BOOKMARK_KINDS = ['PRACTICE', 'THREAD'] as const;
export type BookmarkKind = (typeof BOOKMARK_KINDS)[number];

const MyBookmarksQuery = graphql(`
  query MyBookmarks($kind: BookmarkKind, $after: String) {
    myBookmarks(kind: $kind, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          kind
          savedAt
          practice { id title summary viewerBookmarked place { code name } organization { slug name shortName } }
          thread { id kind title replyCount viewerBookmarked acceptedAnswer { id } author { handle name } }
        }
      }
    }
  }
`);

export type MyBookmarks = ResultOf<typeof MyBookmarksQuery>['myBookmarks'];

export const getMyBookmarks = query(async (kind: BookmarkKind | null, after: string | null): Promise<MyBookmarks> => (await request(MyBookmarksQuery, { kind, after })).myBookmarks, 'myBookmarks');

/** The `?kind=` of /bookmarks, if it names a kind. */
export const bookmarkKindOf = (value: unknown): BookmarkKind | null => {
  const kind = String(value ?? '').toUpperCase();
  return (BOOKMARK_KINDS as readonly string[]).includes(kind) ? (kind as BookmarkKind) : null;
};

export function preloadBookmarks(args: { location: { query: Record<string, unknown> } }) {
  prefetch(getViewer().then((viewer) => (viewer ? getMyBookmarks(bookmarkKindOf(args.location.query.kind), null) : undefined)));
}
