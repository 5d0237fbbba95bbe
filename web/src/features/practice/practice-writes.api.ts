import { action, json } from '@solidjs/router';
import { graphql } from '../../graphql.ts';
import { attempt, mutate, settle, type Outcome } from '../../lib/form.ts';
import { MutationErrorFields } from '../../lib/fragments.ts';
import { request } from '../../lib/graphql-client.ts';
import { getAuditLog } from '../audit/audit.api.ts';
import { getPracticeReview, getReviewDesk, getReviewQueue } from '../review/review.api.ts';
import { getMyPractices, getPractices, getPracticesToReview } from './practice-list.api.ts';
import type { PracticeCostBand, PracticeLevel, PracticeStage, PracticeStatus } from './practice-params.ts';
import { getPractice, getPracticeDraft } from './practice-record.api.ts';

/* What changes a practice: the editor's saves and submit, the curators' decisions. */

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
  level?: PracticeLevel | null;
  costBand?: PracticeCostBand | null;
  partners?: string[];
  beneficiaries?: string;
  challenges?: string;
  conditions?: string;
  contact?: string | null;
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
const practiceReaders = () => [getPractice.key, getPractices.key, getMyPractices.key, getPracticesToReview.key, getReviewQueue.key, getReviewDesk.key, getPracticeReview.key];

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

/* ---------- Curators: featuring (the review desk's steps are in features/review) ---------- */

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

/** After featuring, or a failure that says the page is out of date, these read again. */
const afterDecision = (outcome: Outcome<unknown>) => {
  const stale = !outcome.ok && ['CONFLICT', 'NOT_FOUND'].includes(outcome.problem.form?.code ?? '');
  return outcome.ok || stale ? [...practiceReaders(), getPracticeDraft.key, getAuditLog.key] : [];
};

/** Marks a published practice as featured, or not. The page shows the new state while this runs. */
export const featurePracticeAction = action(async (form: FormData) => {
  const id = String(form.get('id') ?? '');
  const featured = String(form.get('featured') ?? '') === 'true';
  const outcome = await mutate(FeaturePracticeMutation, { input: { id, featured } }, 'featurePractice', 'FeaturePracticePayload');
  return json(outcome, { revalidate: afterDecision(outcome) });
}, 'featurePractice');
