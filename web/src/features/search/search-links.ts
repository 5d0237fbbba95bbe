import { listAddress } from '../../lib/list-params.ts';
import { SEARCH_LIMITS } from '../../../../schema/field-limits.ts';

/*
 * The search page's address and the limits its box needs, apart from search.api.ts: the header's
 * search box is on every page and must not carry the search page's queries.
 */

/** The API's limit (schema/search/service.ts). */
export const SEARCH_MAX_LENGTH = SEARCH_LIMITS.text;

export const SEARCH_KINDS = ['practice', 'thread', 'expert'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * What the search page shows, as carried by its URL:
 * `?q=&kind=practice|thread|expert&topic=&place=&org=&stage=&year=`, `after=` or `before=` to page.
 */
export interface SearchParamsOf {
  q?: string;
  kind?: SearchKind;
  topic?: string;
  place?: string;
  org?: string;
  stage?: string;
  year?: string;
  after?: string;
  before?: string;
}

/** Where the search page is, for these parameters (blank ones left out). */
export const searchHref = (params: SearchParamsOf): string => listAddress('/search', params);
