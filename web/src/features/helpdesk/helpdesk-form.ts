import { type FieldLengths, fieldErrorText, type FormProblem } from '../../lib/form.ts';
import { THREAD_LIMITS } from '../../../../schema/field-limits.ts';
import { HELPDESK_LIMITS } from '../../../../schema/helpdesk/limits.ts';
import { ht } from './helpdesk-text.ts';

/** The lengths each help-desk form's fields take, by the API's field name, so messages can say them. */
export const REQUEST_LENGTHS: FieldLengths = {
  title: [THREAD_LIMITS.titleMin, THREAD_LIMITS.title],
  body: [0, THREAD_LIMITS.markdown],
  reason: [HELPDESK_LIMITS.reopenReasonMin, HELPDESK_LIMITS.reopenReason],
};
export const FAQ_LENGTHS: FieldLengths = {
  title: [HELPDESK_LIMITS.faqTitleMin, HELPDESK_LIMITS.faqTitle],
  question: [0, HELPDESK_LIMITS.faqText],
  answer: [1, HELPDESK_LIMITS.faqText],
};

/** The message for one of the desk's field errors: its own words where the shared ones would be vague. */
export function helpdeskFieldError(path: string, code: string, lengths: FieldLengths): string {
  const field = path.split('.')[0]!;
  if (field === 'topics') return code === 'TOO_LONG' ? ht('tooManyTopics', THREAD_LIMITS.topics) : ht('topicUnknown');
  if (field === 'organization' && code !== 'REQUIRED') return ht(code === 'FORMER' ? 'organizationFormer' : code === 'NOT_PUBLIC_BODY' ? 'organizationNotPublic' : 'organizationUnknown');
  if (field === 'answerId') return ht('publishNeedsAnswer');
  return fieldErrorText(path, code, lengths);
}

/** The error under the field the API named `field` (or one of its items, "topics.2"), if any. */
export function fieldError(problem: FormProblem | undefined, field: string, lengths: FieldLengths) {
  const found = Object.entries(problem?.fields ?? {}).find(([path]) => path === field || path.startsWith(`${field}.`));
  return found ? helpdeskFieldError(found[0], found[1], lengths) : undefined;
}
