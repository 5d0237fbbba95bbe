import type { SearchParams } from '@solidjs/router';
import { readListParams } from '../../lib/list-params.ts';

/*
 * The practices' vocabulary and the list's URL parameters, apart from the API modules: the search
 * page, the filters and the unit tests use them without loading any query.
 */

export const STAGES = ['IDEA', 'PILOT', 'OPERATING', 'SCALED'] as const;
export type PracticeStage = (typeof STAGES)[number];
export const LEVELS = ['MINISTRY', 'PROVINCE', 'COMMUNE'] as const;
export type PracticeLevel = (typeof LEVELS)[number];
export const COST_BANDS = ['UNDER_500M', 'FROM_500M_TO_2B', 'FROM_2B_TO_10B', 'OVER_10B', 'UNDISCLOSED'] as const;
export type PracticeCostBand = (typeof COST_BANDS)[number];
/** The list's orders, as written in the URL (`sort=helpful`); newest is the default and is not written. */
export const SORTS = { newest: 'NEWEST', helpful: 'MOST_HELPFUL', discussed: 'MOST_DISCUSSED' } as const;
export type PracticeSortName = keyof typeof SORTS;
export type PracticeStatus = 'DRAFT' | 'SUBMITTED' | 'PUBLISHED' | 'RETURNED' | 'HIDDEN';

/** The API's limits for a practice, so the form can say them (one definition for both). */
export { PRACTICE_LIMITS } from '../../../../schema/field-limits.ts';

/** The latest year a practice may name (the API allows next year, for what is being prepared). */
export const latestYear = () => new Date().getFullYear() + 1;

/**
 * What the list shows, as carried by its URL:
 * `?topic=&place=&org=&level=&stage=&year=&q=&featured=1` filter, `sort=helpful|discussed` orders,
 * `after=` or `before=` page by cursor. A facet may hold several values separated by commas
 * (`topic=du-lieu-so,an-toan-thong-tin`: either); stages and levels are written in lower case.
 */
export interface PracticeListParams {
  topic?: string;
  place?: string;
  org?: string;
  level?: string;
  stage?: string;
  year?: string;
  q?: string;
  featured?: string;
  sort?: string;
  after?: string;
  before?: string;
}

export const PRACTICE_FILTER_KEYS = ['topic', 'place', 'org', 'level', 'stage', 'year', 'q', 'featured'] as const;
/** The facets, whose URL values are comma-separated lists. */
export const PRACTICE_FACET_KEYS = ['topic', 'place', 'org', 'level', 'stage', 'year'] as const;
export type PracticeFacetKey = (typeof PRACTICE_FACET_KEYS)[number];

/** The values of a facet's URL parameter, in order, without blanks or repeats. */
export const facetValues = (value: string | undefined): string[] => [
  ...new Set(
    (value ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  ),
];
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

/** Keeps (in place) the values of a facet that pass `keep`, as written by `as`; none left drops the key. */
function keepValues(params: PracticeListParams, key: PracticeFacetKey, keep: (value: string) => string | undefined) {
  const kept = facetValues(params[key]).flatMap((value) => keep(value) ?? []);
  if (kept.length) params[key] = kept.join(',');
  else delete params[key];
}

/**
 * The list's parameters from a URL query, blanks and values that cannot be filters dropped
 * (an unknown stage or level, a year that is not a number, `featured` other than 1, an unknown order).
 */
export function practiceListParams(search: SearchParams): PracticeListParams {
  const params: PracticeListParams = readListParams(search, [...PRACTICE_FILTER_KEYS, 'sort']);
  for (const key of ['topic', 'place', 'org'] as const) if (params[key] !== undefined) keepValues(params, key, (value) => value);
  if (params.stage !== undefined) keepValues(params, 'stage', (value) => stageOf(value)?.toLowerCase());
  if (params.level !== undefined) keepValues(params, 'level', (value) => LEVELS.find((l) => l === value.toUpperCase())?.toLowerCase());
  if (params.year !== undefined) keepValues(params, 'year', (value) => (/^\d{4}$/.test(value) ? value : undefined));
  if (params.featured !== undefined && params.featured !== '1') delete params.featured;
  if (params.sort !== undefined && (params.sort === 'newest' || !(params.sort in SORTS))) delete params.sort;
  return params;
}

/** The API's filter for the list: each facet's values (any of them), the text and `featured`. */
export function practiceListFilterOf(params: PracticeListParams) {
  return {
    topics: facetValues(params.topic),
    places: facetValues(params.place),
    organizations: facetValues(params.org),
    levels: facetValues(params.level).map((v) => v.toUpperCase() as PracticeLevel),
    stages: facetValues(params.stage).map((v) => v.toUpperCase() as PracticeStage),
    years: facetValues(params.year).map(Number),
  };
}

export const hasPracticeFilters = (params: PracticeListParams) => PRACTICE_FILTER_KEYS.some((key) => params[key] !== undefined);
