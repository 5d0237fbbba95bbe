import { graphql } from '../graphql.ts';

/*
 * The selections behind the cards and rows that several pages show (the practice list, the
 * directory, home, topic and place pages), so they ask for the same fields in one place.
 * `@_unmask` keeps the fields in the query's own result type (gql.tada strips the directive
 * before the document is sent), so the pages read them without `readFragment`.
 */

/** What a practice card shows (practice-card.tsx). */
export const PracticeCardFields = graphql(`
  fragment PracticeCardFields on Practice @_unmask {
    id
    title
    summary
    featured
    stage
    year
    publishedAt
    organization { slug name shortName current successor { slug name shortName } }
    place { code name current successor { code name } }
    topics { slug name nameEn }
  }
`);

/** What an expert card shows (expert-card.tsx). */
export const ExpertCardFields = graphql(`
  fragment ExpertCardFields on Expert @_unmask {
    id
    handle
    name
    position
    avatarUrl
    verified
    organization { slug name shortName current successor { slug name shortName } }
    place { code name current successor { code name } }
    specialties { slug name nameEn }
    cohorts { slug name nameEn year }
  }
`);

/** What a thread teaser shows on the home, topic and place pages (browse-sections.tsx). */
export const ThreadTeaserFields = graphql(`
  fragment ThreadTeaserFields on Thread @_unmask {
    id kind title replyCount lastActivityAt acceptedAnswer { id } author { handle name }
  }
`);

/** What `settle` (lib/form.ts) reads from a mutation's typed errors; spread it in every mutation's result. */
export const MutationErrorFields = graphql(`
  fragment MutationErrorFields on Error @_unmask {
    code
    message
    ... on ValidationError { fieldErrors { path code message } }
    ... on RateLimitedError { retryAfterSeconds }
  }
`);
