import { action, json, query, type RoutePreloadFuncArgs, type SearchParams } from '@solidjs/router';
import { graphql, type ResultOf, type VariablesOf } from '../../graphql.ts';
import { attempt, mutate, settle, type Outcome } from '../../lib/form.ts';
import { MutationErrorFields, PracticeCardFields } from '../../lib/fragments.ts';
import { isMissing, orNull, request } from '../../lib/graphql-client.ts';
import { pageArgs, readListParams } from '../../lib/list-params.ts';
import { canCurate, getViewer } from '../account/account.api.ts';
import { getAuditLog } from '../audit/audit.api.ts';
import { getLocalOrganizations, getNationalOrganizations, getOtherOrganizations } from '../organization/organization.api.ts';
import { getPlaces } from '../place/place.api.ts';
import { getTopics } from '../topic/topic.api.ts';
import { prefetch } from '../../lib/prefetch.ts';
import { PRACTICE_LIMITS, SEARCH_LIMITS } from '../../../../schema/field-limits.ts';

/* ---------- Shared vocabulary ---------- */

export const PRACTICE_PAGE_SIZE = 20;
export const STAGES = ['IDEA', 'PILOT', 'OPERATING', 'SCALED'] as const;
export type PracticeStage = (typeof STAGES)[number];
export type PracticeStatus = 'DRAFT' | 'SUBMITTED' | 'PUBLISHED' | 'RETURNED';

/** The API's limits for a practice, so the form can say them (one definition for both). */
export { PRACTICE_LIMITS } from '../../../../schema/field-limits.ts';

/** The latest year a practice may name (the API allows next year, for what is being prepared). */
export const latestYear = () => new Date().getFullYear() + 1;

export { practiceEditHref, practiceHref } from './practice-links.ts';

/* ---------- The list: /practices ---------- */

const PracticeListQuery = graphql(
  `
  query PracticeList($filter: PracticeFilter, $first: Int, $after: String, $last: Int, $before: String) {
    practices(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { ...PracticeCardFields } }
    }
  }
`,
  [PracticeCardFields],
);

export type PracticePage = ResultOf<typeof PracticeListQuery>['practices'];
export type PracticeSummary = PracticePage['edges'][number]['node'];
type PracticeFilter = NonNullable<VariablesOf<typeof PracticeListQuery>['filter']>;

/**
 * What the list shows, as carried by its URL:
 * `?topic=&place=&org=&stage=&year=&q=&featured=1` filter, `after=` or `before=` page by cursor.
 * The stage is written in lower case in the URL (`stage=pilot`).
 */
export interface PracticeListParams {
  topic?: string;
  place?: string;
  org?: string;
  stage?: string;
  year?: string;
  q?: string;
  featured?: string;
  after?: string;
  before?: string;
}

export const PRACTICE_FILTER_KEYS = ['topic', 'place', 'org', 'stage', 'year', 'q', 'featured'] as const;
export type PracticeFilterKey = (typeof PRACTICE_FILTER_KEYS)[number];
/** The stage named by a URL value, or undefined. */
export const stageOf = (value: string | undefined): PracticeStage | undefined => STAGES.find((s) => s === value?.toUpperCase());

type PracticeFilterValues = { topic?: string; place?: string; org?: string; stage?: string; year?: string };

/** Drops (in place) a stage the API does not know and a year that is not a number; the stage stays in lower case. */
export function dropBadStageAndYear<P extends PracticeFilterValues>(params: P): P {
  if (params.stage !== undefined) {
    const stage = stageOf(params.stage);
    if (stage) params.stage = stage.toLowerCase();
    else delete params.stage;
  }
  if (params.year !== undefined && !/^\d{4}$/.test(params.year)) delete params.year;
  return params;
}

/** The practice filters the list and the search share, from the URL's values. */
export function practiceFilterOf(params: PracticeFilterValues) {
  const filter: { topic?: string; place?: string; organization?: string; stage?: PracticeStage; year?: number } = {};
  if (params.topic) filter.topic = params.topic;
  if (params.place) filter.place = params.place;
  if (params.org) filter.organization = params.org;
  const stage = stageOf(params.stage);
  if (stage) filter.stage = stage;
  if (params.year) filter.year = Number(params.year);
  return filter;
}

/**
 * The list's parameters from a URL query, blanks and values that cannot be filters dropped
 * (an unknown stage, a year that is not a number, `featured` other than 1).
 */
export function practiceListParams(search: SearchParams): PracticeListParams {
  const params: PracticeListParams = dropBadStageAndYear(readListParams(search, PRACTICE_FILTER_KEYS));
  if (params.featured !== undefined && params.featured !== '1') delete params.featured;
  return params;
}

export const hasPracticeFilters = (params: PracticeListParams) => PRACTICE_FILTER_KEYS.some((key) => params[key] !== undefined);

/** One page of published practices for the given URL parameters, newest first. */
export const getPractices = query(async (params: PracticeListParams): Promise<PracticePage> => {
  const filter: PracticeFilter = practiceFilterOf(params);
  if (params.featured === '1') filter.featured = true;
  if (params.q) filter.query = params.q.slice(0, SEARCH_LIMITS.text);
  return (await request(PracticeListQuery, { filter, ...pageArgs(params, PRACTICE_PAGE_SIZE) })).practices;
}, 'practices');

export function preloadPractices({ location }: RoutePreloadFuncArgs) {
  const params = practiceListParams(location.query);
  prefetch(getPractices(params));
  prefetch(getPlaces());
  prefetch(getNationalOrganizations());
  prefetch(getTopics());
  if (params.place) prefetch(getLocalOrganizations(params.place));
}

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
      authors { id handle name position avatarUrl verified }
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
      viewCount
      history { version title editedBy { handle name } replacedAt }
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

const PracticeDraftQuery = graphql(`
  query PracticeDraft($id: ID!) {
    practice(id: $id) {
      id
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
      authors { id handle name }
      status
      returnReason
      version
      updatedAt
      viewerCanEdit
    }
  }
`);

export type PracticeDraft = ResultOf<typeof PracticeDraftQuery>['practice'];

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

/** What the editor writes; only the fields given change (undefined = leave as is). */
export interface PracticeChanges {
  title?: string;
  summary?: string;
  problem?: string;
  solution?: string;
  results?: string;
  lessons?: string;
  organization?: string | null;
  place?: string | null;
  topics?: string[];
  stage?: PracticeStage | null;
  year?: number | null;
  links?: { label: string; url: string }[];
  coAuthors?: string[];
}

const CreatePracticeMutation = graphql(
  `
  mutation CreatePractice($input: CreatePracticeInput!) {
    createPractice(input: $input) {
      __typename
      ... on CreatePracticePayload { practice { id status version updatedAt } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const UpdatePracticeMutation = graphql(
  `
  mutation UpdatePractice($input: UpdatePracticeInput!) {
    updatePractice(input: $input) {
      __typename
      ... on UpdatePracticePayload { practice { id status version updatedAt } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

export type SavedPractice = { id: string; status: PracticeStatus; version: number; updatedAt: string };

/** The pages that show a practice read it again when next shown; the editor itself keeps its state. */
const practiceReaders = () => [getPractice.key, getPractices.key, getMyPractices.key, getPracticesToReview.key];

/**
 * Saves the editor's changes: creates the draft when `id` is null (it needs a title), else
 * updates only the fields given, refused with CONFLICT when the practice changed after
 * `baseUpdatedAt` (another author saved). Autosave calls it, so it reloads nothing on the page.
 */
export const savePracticeAction = action(async (id: string | null, changes: PracticeChanges, baseUpdatedAt?: string) => {
  const outcome = await attempt(async (): Promise<Outcome<{ practice: SavedPractice }>> => {
    if (id === null) {
      const result = (await request(CreatePracticeMutation, { input: changes })).createPractice;
      return settle(result, 'CreatePracticePayload');
    }
    const result = (await request(UpdatePracticeMutation, { input: { id, baseUpdatedAt, ...changes } })).updatePractice;
    return settle(result, 'UpdatePracticePayload');
  });
  // The editor's own query stays as it was: reloading it would not change what is on screen.
  return json(outcome, { revalidate: outcome.ok ? practiceReaders() : [] });
}, 'savePractice');

const SubmitPracticeMutation = graphql(
  `
  mutation SubmitPractice($input: SubmitPracticeInput!) {
    submitPractice(input: $input) {
      __typename
      ... on SubmitPracticePayload { practice { id status version updatedAt } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

/** Sends a draft (or a returned practice) to the curators. REQUIRED field errors say what is missing. */
export const submitPracticeAction = action(async (id: string) => {
  const outcome = await mutate(SubmitPracticeMutation, { input: { id } }, 'submitPractice', 'SubmitPracticePayload');
  const stale = !outcome.ok && outcome.problem.form?.code === 'CONFLICT';
  return json(outcome, { revalidate: outcome.ok || stale ? [...practiceReaders(), getPracticeDraft.key] : [] });
}, 'submitPractice');

/* ---------- One's own: /practices/mine ---------- */

export const MINE_PAGE_SIZE = 50;

const MyPracticesQuery = graphql(`
  query MyPractices($first: Int!, $after: String) {
    myPractices(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node { id title summary status returnReason featured version submittedAt publishedAt updatedAt }
      }
    }
  }
`);

export type MyPracticesPage = ResultOf<typeof MyPracticesQuery>['myPractices'];
export type MyPractice = MyPracticesPage['edges'][number]['node'];

/** The viewer's practices in every state, last edited first. */
export const getMyPractices = query(async (after: string | null): Promise<MyPracticesPage> => (await request(MyPracticesQuery, { first: MINE_PAGE_SIZE, after })).myPractices, 'myPractices');

export function preloadMyPractices() {
  prefetch(getViewer().then((viewer) => (viewer ? getMyPractices(null) : undefined)));
}

/* ---------- Curators: the review queue and decisions ---------- */

export const REVIEW_PAGE_SIZE = 20;

const PracticesToReviewQuery = graphql(`
  query PracticesToReview($first: Int!, $after: String) {
    practicesToReview(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          title
          summary
          submittedAt
          stage
          year
          organization { name }
          place { name }
          topics { slug name nameEn }
          authors { id handle name avatarUrl }
        }
      }
    }
  }
`);

export type ReviewPage = ResultOf<typeof PracticesToReviewQuery>['practicesToReview'];
export type PracticeToReview = ReviewPage['edges'][number]['node'];

/** Submitted practices, oldest first (curators and admins). */
export const getPracticesToReview = query(
  async (after: string | null): Promise<ReviewPage> => (await request(PracticesToReviewQuery, { first: REVIEW_PAGE_SIZE, after })).practicesToReview,
  'practicesToReview',
);

export function preloadPracticeReview() {
  prefetch(getViewer().then((viewer) => (canCurate(viewer?.role) ? getPracticesToReview(null) : undefined)));
}

const PublishPracticeMutation = graphql(
  `
  mutation PublishPractice($input: PublishPracticeInput!) {
    publishPractice(input: $input) {
      __typename
      ... on PublishPracticePayload { practice { id status version publishedAt } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const ReturnPracticeMutation = graphql(
  `
  mutation ReturnPractice($input: ReturnPracticeInput!) {
    returnPractice(input: $input) {
      __typename
      ... on ReturnPracticePayload { practice { id status returnReason } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const FeaturePracticeMutation = graphql(
  `
  mutation FeaturePractice($input: FeaturePracticeInput!) {
    featurePractice(input: $input) {
      __typename
      ... on FeaturePracticePayload { practice { id featured } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

/** After a decision, or a failure that says the page is out of date, these read again. */
const afterDecision = (outcome: Outcome<unknown>, options: { keepPractice?: boolean } = {}) => {
  const stale = !outcome.ok && ['CONFLICT', 'NOT_FOUND'].includes(outcome.problem.form?.code ?? '');
  if (!outcome.ok && !stale) return [];
  const keys = [...practiceReaders(), getPracticeDraft.key, getAuditLog.key];
  // A practice just returned is its authors' alone: read again, it would vanish from under the
  // curator's confirmation.
  return outcome.ok && options.keepPractice ? keys.filter((key) => key !== getPractice.key) : keys;
};

/**
 * A curator's decision on a submitted practice, from its page: the submit button's `decision`
 * is "publish" or "return"; returning needs a reason (3 to 2,000 characters).
 */
export const reviewPracticeAction = action(async (form: FormData) => {
  const id = String(form.get('id') ?? '');
  const publish = String(form.get('decision') ?? '') === 'publish';
  if (publish) {
    const outcome = await mutate(PublishPracticeMutation, { input: { id } }, 'publishPractice', 'PublishPracticePayload');
    return json(outcome, { revalidate: afterDecision(outcome) });
  }
  const reason = String(form.get('reason') ?? '').trim();
  if (reason.length < PRACTICE_LIMITS.returnReasonMin) return json<Outcome<never>>({ ok: false, problem: { fields: { reason: 'REQUIRED' }, form: { code: 'VALIDATION_FAILED' } } }, { revalidate: [] });
  const outcome = await mutate(ReturnPracticeMutation, { input: { id, reason } }, 'returnPractice', 'ReturnPracticePayload');
  return json(outcome, { revalidate: afterDecision(outcome, { keepPractice: true }) });
}, 'reviewPractice');

/** Marks a published practice as featured, or not. The page shows the new state while this runs. */
export const featurePracticeAction = action(async (form: FormData) => {
  const id = String(form.get('id') ?? '');
  const featured = String(form.get('featured') ?? '') === 'true';
  const outcome = await mutate(FeaturePracticeMutation, { input: { id, featured } }, 'featurePractice', 'FeaturePracticePayload');
  return json(outcome, { revalidate: afterDecision(outcome) });
}, 'featurePractice');
