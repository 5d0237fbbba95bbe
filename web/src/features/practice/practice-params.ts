import type { SearchParams } from '@solidjs/router';
import { readListParams } from '../../lib/list-params.ts';

/*
 * The practices' vocabulary and the list's URL parameters, apart from the API modules: the search
 * page, the filters and the unit tests use them without loading any query.
 */

export const STAGES = ['IDEA', 'PILOT', 'OPERATING', 'SCALED'] as const;
export type PracticeStage = (typeof STAGES)[number];
export type PracticeStatus = 'DRAFT' | 'SUBMITTED' | 'PUBLISHED' | 'RETURNED' | 'HIDDEN';

/** The API's limits for a practice, so the form can say them (one definition for both). */
export { PRACTICE_LIMITS } from '../../../../schema/field-limits.ts';

/** The latest year a practice may name (the API allows next year, for what is being prepared). */
export const latestYear = () => new Date().getFullYear() + 1;

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
