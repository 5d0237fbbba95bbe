import { query } from '@solidjs/router';
import { graphql, type ResultOf } from '../../graphql.ts';
import { isMissing, orNull, request } from '../../lib/graphql-client.ts';

/** The record lists of a profile: a first page of each (the whole record is one request), then more on request. */
export const RECORD_PAGE = 5;
const MORE_PAGE = 20;

// What each list shows of an item: shared by the first request and the "more" pages.
const RecordPractice = graphql(`fragment RecordPractice on Practice @_unmask { id title summary publishedAt }`);
const RecordDraft = graphql(`fragment RecordDraft on Practice @_unmask { id title status }`);
const RecordEndorsed = graphql(`fragment RecordEndorsed on Practice @_unmask { id title endorsementCount }`);
const RecordThread = graphql(`fragment RecordThread on Thread @_unmask { id title pendingApproval replyCount acceptedAnswer { id } }`);
const RecordAnswer = graphql(`fragment RecordAnswer on ProfileAnswer @_unmask { accepted question { id title } reply { id createdAt } }`);
const RecordPerson = graphql(`fragment RecordPerson on Expert @_unmask { id handle name }`);

const ExpertRecordQuery = graphql(
  `
  query ExpertRecord($handle: String!, $first: Int!) {
    expert(handle: $handle) {
      id
      endorsementsReceived
      reputation
      followerCount
      followingCount
      missingProfileFields
      practices(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...RecordPractice } } }
      unpublishedPractices(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...RecordDraft } } }
      endorsedPractices(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...RecordEndorsed } } }
      questions(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...RecordThread } } }
      discussions(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...RecordThread } } }
      answers(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...RecordAnswer } } }
      followers(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...RecordPerson } } }
      following(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...RecordPerson } } }
    }
  }
`,
  [RecordPractice, RecordDraft, RecordEndorsed, RecordThread, RecordAnswer, RecordPerson],
);

// The next page of one list of a profile's record, each list asked for only when it is the one.
// Three documents of a few lists each: the API takes at most five directives an operation.
const MorePracticesQuery = graphql(
  `
  query ExpertRecordMorePractices($handle: String!, $first: Int!, $after: String!, $practices: Boolean = false, $unpublishedPractices: Boolean = false, $endorsedPractices: Boolean = false) {
    expert(handle: $handle) {
      id
      practices(first: $first, after: $after) @include(if: $practices) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...RecordPractice } } }
      unpublishedPractices(first: $first, after: $after) @include(if: $unpublishedPractices) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...RecordDraft } } }
      endorsedPractices(first: $first, after: $after) @include(if: $endorsedPractices) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...RecordEndorsed } } }
    }
  }
`,
  [RecordPractice, RecordDraft, RecordEndorsed],
);
const MorePostsQuery = graphql(
  `
  query ExpertRecordMorePosts($handle: String!, $first: Int!, $after: String!, $questions: Boolean = false, $discussions: Boolean = false, $answers: Boolean = false) {
    expert(handle: $handle) {
      id
      questions(first: $first, after: $after) @include(if: $questions) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...RecordThread } } }
      discussions(first: $first, after: $after) @include(if: $discussions) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...RecordThread } } }
      answers(first: $first, after: $after) @include(if: $answers) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...RecordAnswer } } }
    }
  }
`,
  [RecordThread, RecordAnswer],
);
const MorePeopleQuery = graphql(
  `
  query ExpertRecordMorePeople($handle: String!, $first: Int!, $after: String!, $followers: Boolean = false, $following: Boolean = false) {
    expert(handle: $handle) {
      id
      followers(first: $first, after: $after) @include(if: $followers) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...RecordPerson } } }
      following(first: $first, after: $after) @include(if: $following) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...RecordPerson } } }
    }
  }
`,
  [RecordPerson],
);

export type ExpertRecord = ResultOf<typeof ExpertRecordQuery>['expert'];
/** The names of the record's lists. */
export type RecordListName = 'practices' | 'unpublishedPractices' | 'endorsedPractices' | 'questions' | 'discussions' | 'answers' | 'followers' | 'following';

/** The record part of a profile (what they wrote, endorsements, follows), or null when nobody has this handle. */
export const getExpertRecord = query(
  (handle: string): Promise<ExpertRecord | null> => orNull(async () => (await request(ExpertRecordQuery, { handle, first: RECORD_PAGE })).expert, isMissing('handle')),
  'expertRecord',
);

/** The page of `list` after `after`. */
export async function moreOfRecord<Name extends RecordListName>(handle: string, list: Name, after: string): Promise<NonNullable<ExpertRecord>[Name]> {
  const variables = { handle, first: MORE_PAGE, after, [list]: true };
  const { expert } =
    list === 'practices' || list === 'unpublishedPractices' || list === 'endorsedPractices'
      ? await request(MorePracticesQuery, variables)
      : list === 'followers' || list === 'following'
        ? await request(MorePeopleQuery, variables)
        : await request(MorePostsQuery, variables);
  return (expert as Record<string, unknown>)[list] as NonNullable<ExpertRecord>[Name];
}
