import type { LinkRow } from '../../components/link-rows.tsx';
import { PRACTICE_LIMITS, type PracticeCostBand, type PracticeLevel, type PracticeStage } from './practice-params.ts';
import type { PracticeDraft } from './practice-record.api.ts';
import type { PracticeChanges } from './practice-writes.api.ts';
import { PRACTICE_REQUIRED_TO_SUBMIT } from '../../../../schema/field-limits.ts';

/*
 * The editor's model, apart from the screen: what the form holds, what of it the API gets,
 * which fields changed since the last save, and where the API's field errors belong.
 */

export type { LinkRow } from '../../components/link-rows.tsx';

/** What the form holds: text as typed, choices as codes ('' for none). */
export interface DraftValues {
  title: string;
  summary: string;
  problem: string;
  solution: string;
  results: string;
  lessons: string;
  organization: string;
  place: string;
  topics: string[];
  stage: PracticeStage | '';
  year: string;
  links: LinkRow[];
  coAuthors: string[];
  level: PracticeLevel | '';
  costBand: PracticeCostBand | '';
  /** One name per line. */
  partners: string;
  beneficiaries: string;
  challenges: string;
  conditions: string;
  /** A member's handle. */
  contact: string;
}

export type DraftField = keyof DraftValues;

export const DRAFT_FIELDS: readonly DraftField[] = [
  'title',
  'summary',
  'problem',
  'solution',
  'results',
  'lessons',
  'organization',
  'place',
  'topics',
  'stage',
  'year',
  'links',
  'coAuthors',
  'level',
  'costBand',
  'partners',
  'beneficiaries',
  'challenges',
  'conditions',
  'contact',
];

/** The fields, in the order the form shows them: a summary of problems follows it. */
export const FORM_ORDER: readonly DraftField[] = [
  'title',
  'summary',
  'problem',
  'solution',
  'results',
  'lessons',
  'place',
  'organization',
  'stage',
  'year',
  'topics',
  'level',
  'costBand',
  'partners',
  'beneficiaries',
  'challenges',
  'conditions',
  'contact',
  'links',
  'coAuthors',
];

/** The partners as the API takes them: the form's lines, trimmed, blanks left out. */
export const partnerNames = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * Every problem the form can see before sending it for review, by form path, in the API's
 * codes: the title, each required field left empty and each half-written link.
 */
export function problemsBeforeSubmit(values: DraftValues): Record<string, string> {
  const problems: Record<string, string> = {};
  const title = values.title.trim();
  if (!title) problems.title = 'REQUIRED';
  else if (title.length < PRACTICE_LIMITS.titleMin) problems.title = 'TOO_SHORT';
  // The list the API's submitPractice checks (one definition for both), checked here too so that
  // one submit names every gap: otherwise a missing title hides the rest until the next try.
  for (const field of PRACTICE_REQUIRED_TO_SUBMIT) {
    const value = values[field];
    if (Array.isArray(value) ? value.length === 0 : !value.trim()) problems[field] = 'REQUIRED';
  }
  for (const row of values.links) {
    if (isPartialLink(row)) problems[row.label.trim() ? `links.${row.key}.url` : `links.${row.key}.label`] = 'REQUIRED';
  }
  return problems;
}

/** A link row counts once both its parts are written; until then it is still being typed. */
export const isCompleteLink = (row: LinkRow) => row.label.trim() !== '' && row.url.trim() !== '';
export const isPartialLink = (row: LinkRow) => !isCompleteLink(row) && (row.label.trim() !== '' || row.url.trim() !== '');

/** The value the API gets for one field of the form. */
export function apiValue<F extends DraftField>(values: DraftValues, field: F): NonNullable<PracticeChanges[F]> | null {
  switch (field) {
    case 'organization':
    case 'place':
      return (values[field] || null) as never;
    case 'stage':
    case 'level':
    case 'costBand':
      return (values[field] || null) as never;
    case 'contact':
      return (values.contact.trim().replace(/^@/, '') || null) as never;
    case 'partners':
      return partnerNames(values.partners) as never;
    case 'year':
      return (values.year ? Number(values.year) : null) as never;
    case 'links':
      return values.links.filter(isCompleteLink).map((row) => ({ label: row.label.trim(), url: row.url.trim() })) as never;
    default:
      return values[field] as never;
  }
}

/** A comparable form of a field's API value. */
export const fingerprint = (values: DraftValues, field: DraftField) => JSON.stringify(apiValue(values, field));

/** Whether the API value says nothing (no need to send it when creating the draft). */
export function isBlank(value: unknown): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The keys of the link rows sent, in order: the API names link errors by their position among them. */
export const sentLinkKeys = (values: DraftValues) => values.links.filter(isCompleteLink).map((row) => row.key);

/**
 * The form's own name for a field error the API reported: links by row key, co-authors by
 * handle, any topic error as the topics' own.
 */
export function formPath(path: string, sent: { linkKeys: string[]; coAuthors: string[] }): string {
  const link = /^links\.(\d+)\.(label|url)$/.exec(path);
  if (link) {
    const key = sent.linkKeys[Number(link[1])];
    return key ? `links.${key}.${link[2]}` : 'links';
  }
  const coAuthor = /^coAuthors\.(\d+)$/.exec(path);
  if (coAuthor) {
    const handle = sent.coAuthors[Number(coAuthor[1])];
    return handle ? `coAuthors.${handle}` : 'coAuthors';
  }
  if (path.startsWith('topics.')) return 'topics';
  return path;
}

/** The form field a (form) error path belongs to: "links.3.url" → "links". */
export const fieldOf = (path: string) => path.split('.')[0] as DraftField;

/** The form's values for a practice as loaded, or for a new one. */
export function draftValues(practice: PracticeDraft | null, viewerId: string): DraftValues {
  if (!practice) {
    return {
      title: '',
      summary: '',
      problem: '',
      solution: '',
      results: '',
      lessons: '',
      organization: '',
      place: '',
      topics: [],
      stage: '',
      year: '',
      links: [],
      coAuthors: [],
      level: '',
      costBand: '',
      partners: '',
      beneficiaries: '',
      challenges: '',
      conditions: '',
      contact: '',
    };
  }
  const [first] = practice.authors;
  return {
    title: practice.title,
    summary: practice.summary,
    problem: practice.problem,
    solution: practice.solution,
    results: practice.results,
    lessons: practice.lessons,
    organization: practice.organization?.slug ?? '',
    // A province merged away in 2025 cannot be chosen again: offer the unit that absorbed it.
    place: practice.place ? (practice.place.current ? practice.place.code : (practice.place.successor?.code ?? '')) : '',
    topics: practice.topics.map((topic) => topic.slug),
    stage: practice.stage ?? '',
    year: practice.year ? String(practice.year) : '',
    links: practice.links.map((link, index) => ({ key: `l${index}`, label: link.label, url: link.url })),
    // The viewer and the first author stay authors whatever is sent: they are not listed. Those
    // invited and not answered yet are listed too: taking one off withdraws the invitation.
    coAuthors: [...practice.authors.filter((author) => author.id !== viewerId && author.id !== first?.id), ...practice.invitedAuthors].map((author) => author.handle),
    level: practice.level ?? '',
    costBand: practice.costBand ?? '',
    partners: practice.partners.join('\n'),
    beneficiaries: practice.beneficiaries,
    challenges: practice.challenges,
    conditions: practice.conditions,
    contact: practice.contact?.handle ?? '',
  };
}
