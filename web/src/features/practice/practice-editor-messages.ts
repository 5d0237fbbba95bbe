import type { SummaryItem } from '../../components/error-summary.tsx';
import { t } from '../../i18n/i18n.ts';
import { fieldErrorText } from '../../lib/form.ts';
import { fieldOf, FORM_ORDER, type DraftField, type DraftValues } from './practice-draft.ts';
import { PRACTICE_LIMITS } from './practice-params.ts';
import { rt } from './practice-reuse-text.ts';

/* What the practice editor says about a field in error: beside the field, and in the summary at the top. */

const limitOf: Partial<Record<string, number>> = {
  summary: PRACTICE_LIMITS.summary,
  problem: PRACTICE_LIMITS.markdown,
  solution: PRACTICE_LIMITS.markdown,
  results: PRACTICE_LIMITS.markdown,
  lessons: PRACTICE_LIMITS.markdown,
  challenges: PRACTICE_LIMITS.markdown,
  conditions: PRACTICE_LIMITS.markdown,
  beneficiaries: PRACTICE_LIMITS.beneficiaries,
  partners: PRACTICE_LIMITS.partnerName,
  title: PRACTICE_LIMITS.title,
  label: PRACTICE_LIMITS.linkLabel,
};

/** The message for an error code at a form path ("title", "links.n1.url", "coAuthors.an"). */
export function practiceErrorText(path: string, code: string): string {
  const field = fieldOf(path);
  const last = path.split('.').at(-1) ?? path;
  if (field === 'links' && path !== 'links' && code === 'REQUIRED') return t('practiceEditor.linkIncomplete');
  if (code === 'REQUIRED') {
    if (field === 'title') return fieldErrorText('title', code);
    if (field === 'topics') return t('practiceEditor.topicsRequired');
    if (['stage', 'year', 'organization', 'place'].includes(field)) return t('practiceEditor.choiceRequired');
    return t('practiceEditor.requiredToSubmit');
  }
  if (code === 'TOO_SHORT' && field === 'title') return t('fieldError.TOO_SHORT', PRACTICE_LIMITS.titleMin);
  if (code === 'TOO_LONG') {
    if (path === 'topics') return t('practiceEditor.tooManyTopics');
    if (path === 'links') return t('practiceEditor.tooManyLinks');
    if (path === 'coAuthors') return t('practiceEditor.coAuthorTooMany');
    if (path === 'partners') return rt('partnersHint', PRACTICE_LIMITS.partners);
    if (field === 'partners') return t('fieldError.TOO_LONG', PRACTICE_LIMITS.partnerName);
    const max = limitOf[last];
    if (max) return t('fieldError.TOO_LONG', max);
  }
  if (field === 'contact' && code === 'UNKNOWN') return rt('contactUnknown');
  if (field === 'coAuthors' && code === 'UNKNOWN' && path !== 'coAuthors') return t('practiceEditor.coAuthorUnknown', path.slice('coAuthors.'.length));
  return fieldErrorText(last, code);
}

/** The form paths in error, in the order of the form (link rows and co-authors as listed). */
export function inFormOrder(paths: readonly string[], values: Pick<DraftValues, 'links' | 'coAuthors'>): string[] {
  const rank = (path: string) => {
    const field = fieldOf(path);
    const [, key] = path.split('.');
    const within = field === 'links' ? values.links.findIndex((row) => row.key === key) : field === 'coAuthors' ? values.coAuthors.indexOf(key ?? '') : -1;
    return [FORM_ORDER.indexOf(field), within, path.endsWith('.url') ? 1 : 0];
  };
  const byRank = (a: string, b: string) => {
    const [x, y] = [rank(a), rank(b)];
    return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
  };
  return [...paths].sort(byRank);
}

export const fieldIds: Partial<Record<DraftField, string>> = {
  title: 'practice-title',
  summary: 'practice-summary',
  problem: 'practice-problem',
  solution: 'practice-solution',
  results: 'practice-results',
  lessons: 'practice-lessons',
  place: 'practice-place',
  organization: 'practice-organization',
  stage: 'practice-stage',
  year: 'practice-year',
  topics: 'practice-topics',
  links: 'practice-links',
  coAuthors: 'practice-co-authors',
  level: 'practice-level',
  costBand: 'practice-cost',
  partners: 'practice-partners',
  beneficiaries: 'practice-beneficiaries',
  challenges: 'practice-challenges',
  conditions: 'practice-conditions',
  contact: 'practice-contact',
};
export const fieldLabels: Record<DraftField, () => string> = {
  title: () => t('practiceEditor.title'),
  summary: () => t('practiceEditor.summary'),
  problem: () => t('practiceEditor.problem'),
  solution: () => t('practiceEditor.solution'),
  results: () => t('practiceEditor.results'),
  lessons: () => t('practiceEditor.lessons'),
  place: () => t('choice.place'),
  organization: () => t('choice.organization'),
  stage: () => t('practiceEditor.stage'),
  year: () => t('practiceEditor.year'),
  topics: () => t('practiceEditor.topics'),
  links: () => t('practiceEditor.links'),
  coAuthors: () => t('practiceEditor.coAuthors'),
  level: () => rt('levelLabel'),
  costBand: () => rt('costLabel'),
  partners: () => rt('partners'),
  beneficiaries: () => rt('beneficiaries'),
  challenges: () => rt('challenges'),
  conditions: () => rt('conditions'),
  contact: () => rt('contact'),
};

/** One row of the summary of problems: the field's (or link row's) name, the message, and where it links. */
export function summaryItemFor(path: string, message: string, links: DraftValues['links']): SummaryItem {
  const field = fieldOf(path);
  const link = /^links\.([^.]+)\.(label|url)$/.exec(path);
  if (link) {
    const index = links.findIndex((row) => row.key === link[1]);
    const part = link[2] === 'url' ? t('profileForm.linkUrl') : t('profileForm.linkLabel');
    return { target: `link-${link[1]}-${link[2]}`, text: `${t('profileForm.linkGroup', index + 1)}, ${part}: ${message}` };
  }
  return { target: fieldIds[field] ?? 'practice-title', text: `${fieldLabels[field]()}: ${message}` };
}
