import { query, type RoutePreloadFuncArgs } from '@solidjs/router';
import { graphql, type ResultOf } from '../../graphql.ts';
import { isMissing, orNull, request } from '../../lib/graphql-client.ts';
import { prefetch } from '../../lib/prefetch.ts';
import { getViewer } from '../account/account.api.ts';
import { getNationalOrganizations, getOtherOrganizations } from '../organization/organization.api.ts';
import { getPlaces } from '../place/place.api.ts';
import { getTopics } from '../topic/topic.api.ts';
import { PRACTICE_LIMITS } from '../../../../schema/field-limits.ts';

/* One practice: as its page shows it, and as its editor starts from it. */

/* ---------- One practice: /practices/:id ---------- */

const PracticeQuery = graphql(`
  query Practice($id: ID!) {
    practice(id: $id) {
      id
      title
      summary
      problemHtml
      solutionHtml
      resultsHtml
      lessonsHtml
      organization {
        slug name shortName current
        parent { slug name shortName }
        successor { slug name shortName }
      }
      place { code name fullName current successor { code name fullName } }
      topics { slug name nameEn }
      stage
      year
      links { label url }
      level
      costBand
      partners
      beneficiaries
      challengesHtml
      conditionsHtml
      contact { handle name position avatarUrl organization { name } }
      authors { id handle name position avatarUrl verified }
      viewerIsInvited
      status
      returnReason
      featured
      version
      submittedAt
      publishedAt
      updatedAt
      viewerCanEdit
      viewerEndorsed
      endorsementCount
      viewerBookmarked
      viewerFlagged
      viewCount
      history { version title editedBy { handle name } replacedAt }
      pendingEdit {
        submittedAt
        returnReason
        savedAt
        preview {
          title
          summary
          problemHtml
          solutionHtml
          resultsHtml
          lessonsHtml
          links { label url }
          level
          costBand
          partners
          beneficiaries
          challengesHtml
          conditionsHtml
          stage
          year
        }
      }
    }
  }
`);

export type Practice = ResultOf<typeof PracticeQuery>['practice'];

/** One practice as its page shows it, or null when the viewer may not read it (NOT_FOUND, or not an id at all). */
export const getPractice = query((id: string): Promise<Practice | null> => orNull(async () => (await request(PracticeQuery, { id })).practice, isMissing('id')), 'practice');

export function preloadPractice({ params }: RoutePreloadFuncArgs) {
  if (params.id) prefetch(getPractice(params.id));
  // Who is looking decides the edit and review controls.
  prefetch(getViewer());
}

/* ---------- The editor: /practices/new, /practices/:id/edit ---------- */

/** What an author writes in the editor: of the practice, and of its pending edit's preview. */
const PracticeEditedFields = graphql(`
  fragment PracticeEditedFields on Practice @_unmask {
    title
    summary
    problem
    solution
    results
    lessons
    organization { slug current }
    place { code current successor { code } }
    topics { slug }
    stage
    year
    links { label url }
    level
    costBand
    partners
    beneficiaries
    challenges
    conditions
    contact { handle }
  }
`);

const PracticeDraftQuery = graphql(
  `
  query PracticeDraft($id: ID!) {
    practice(id: $id) {
      id
      ...PracticeEditedFields
      authors { id handle name }
      invitedAuthors { handle }
      status
      returnReason
      version
      updatedAt
      viewerCanEdit
      pendingEdit {
        submittedAt
        returnReason
        preview { ...PracticeEditedFields }
      }
    }
  }
`,
  [PracticeEditedFields],
);

export type PracticeDraft = ResultOf<typeof PracticeDraftQuery>['practice'];

/** What the editor starts from: a published practice's edit, when it has one, over the published text. */
export const editedText = (practice: PracticeDraft): PracticeDraft => (practice.pendingEdit ? { ...practice, ...practice.pendingEdit.preview } : practice);

/** A practice as its editor starts from it (the markdown as written), or null. */
export const getPracticeDraft = query((id: string): Promise<PracticeDraft | null> => orNull(async () => (await request(PracticeDraftQuery, { id })).practice, isMissing('id')), 'practiceDraft');

export function preloadPracticeEditor({ params }: RoutePreloadFuncArgs) {
  prefetch(getViewer());
  if (params.id) prefetch(getPracticeDraft(params.id));
  prefetch(getPlaces());
  prefetch(getNationalOrganizations());
  prefetch(getOtherOrganizations());
  prefetch(getTopics());
}

const PreviewMarkdownQuery = graphql(`
  query PreviewMarkdown($text: String!) {
    previewMarkdown(text: $text)
  }
`);

/**
 * The safe HTML the server makes of a markdown text: the preview is exactly what will be
 * published. Not cached in the router (each keystroke is a new text); callers debounce.
 */
export async function previewMarkdown(text: string, signal?: AbortSignal): Promise<string> {
  return (await request(PreviewMarkdownQuery, { text: text.slice(0, PRACTICE_LIMITS.markdown) }, signal ? { signal } : {})).previewMarkdown;
}
