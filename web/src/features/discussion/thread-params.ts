import type { SearchParams } from '@solidjs/router';
import { readListParams, single } from '../../lib/list-params.ts';

/*
 * The discussions' vocabulary and the list's URL parameters, apart from the API modules (no
 * query here: the forms and the unit tests use them as they are).
 */

/** The API's limits, so the forms can say them (one definition for both). */
export { THREAD_LIMITS } from '../../../../schema/field-limits.ts';

export type ThreadKind = 'DISCUSSION' | 'QUESTION';

/** The list's tabs, as written in the URL's `show=`. */
export const THREAD_TABS = ['all', 'discussions', 'questions', 'unanswered'] as const;
export type ThreadTab = (typeof THREAD_TABS)[number];

/** What the list shows, as carried by its URL: `?show=&topic=&place=&q=`, and `after=`/`before=`. */
export interface ThreadListParams {
  show?: ThreadTab;
  topic?: string;
  place?: string;
  q?: string;
  after?: string;
  before?: string;
}

export const THREAD_FILTER_KEYS = ['topic', 'place', 'q'] as const;
export type ThreadFilterKey = (typeof THREAD_FILTER_KEYS)[number];

/** The list's parameters from a URL query; an unknown tab means "all". */
export function threadListParams(search: SearchParams): ThreadListParams {
  const params: ThreadListParams = {};
  const show = single(search.show);
  if (show && show !== 'all' && (THREAD_TABS as readonly string[]).includes(show)) params.show = show as ThreadTab;
  return { ...params, ...readListParams(search, THREAD_FILTER_KEYS) };
}

export const hasThreadFilters = (params: ThreadListParams) => THREAD_FILTER_KEYS.some((key) => params[key] !== undefined);
