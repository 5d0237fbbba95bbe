import { MARKDOWN_MAX } from '../field-limits.ts';

/** Bounds of the help desk's own fields: the API enforces them and the desk's forms say them. */
export const HELPDESK_LIMITS = { reopenReasonMin: 3, reopenReason: 1000, faqTitleMin: 5, faqTitle: 200, faqText: MARKDOWN_MAX } as const;
