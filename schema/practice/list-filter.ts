import type { QueryFilter } from 'mongoose';
import type { SortKey } from '../connection.ts';
import { InvalidArgumentError } from '../errors.ts';
import { organizationSlugsFor, organizationsBySlugs, textConditions } from '../organization/service.ts';
import { placeCodesFor, placesByCodes } from '../place/service.ts';
import { anyOf } from '../query.ts';
import { requireTopic } from '../topic/service.ts';
import { Practice, type PracticeDoc, type practiceLevels, type practiceStages } from './model.ts';

/*
 * The published practices' list: its filter (facets whose values combine as "any of" within a
 * facet and "all of" across facets), each facet's counts, and its orders.
 */

type Stage = (typeof practiceStages)[number];
type Level = (typeof practiceLevels)[number];

/**
 * What the list is narrowed to. Each facet takes one value (the older single arguments, kept for
 * the feeds and links) and/or several (the plural ones); all of them together mean "any of".
 */
export interface PracticeFilter {
  topic?: string | null;
  topics?: readonly string[] | null;
  place?: string | null;
  places?: readonly string[] | null;
  organization?: string | null;
  organizations?: readonly string[] | null;
  level?: Level | null;
  levels?: readonly Level[] | null;
  stage?: Stage | null;
  stages?: readonly Stage[] | null;
  year?: number | null;
  years?: readonly number[] | null;
  featured?: boolean | null;
  query?: string | null;
}

export const practiceFacetNames = ['topic', 'place', 'organization', 'level', 'stage', 'year'] as const;
export type PracticeFacetName = (typeof practiceFacetNames)[number];

/** The stored field each facet reads. */
const facetField: Record<PracticeFacetName, keyof PracticeDoc> = { topic: 'topics', place: 'place', organization: 'organization', level: 'level', stage: 'stage', year: 'year' };

/** More values of one facet than any person ticks: a hostile request, refused before any read. */
export const FACET_VALUES_MAX = 40;

/** The single and the plural argument of a facet, as one list without repeats. */
function selected<T>(one: T | null | undefined, many: readonly T[] | null | undefined, argument: string): T[] {
  if ((many?.length ?? 0) > FACET_VALUES_MAX) throw new InvalidArgumentError(argument, `takes at most ${FACET_VALUES_MAX} values`);
  return [...new Set([...(one === null || one === undefined ? [] : [one]), ...(many ?? [])])];
}

const checkYear = (year: number, argument: string) => {
  if (!Number.isInteger(year) || year < 1900 || year > 2100) throw new InvalidArgumentError(argument, 'is not a year');
  return year;
};

/**
 * The filter as conditions: one per facet with a selection (its values resolved and checked: an
 * unknown topic, place or organisation is INVALID_ARGUMENT), and the rest (published, featured,
 * text). A current province stands for its predecessors too, an organisation for its units and
 * the bodies merged into it.
 */
export async function practiceConditions(filter: PracticeFilter): Promise<{
  common: QueryFilter<PracticeDoc>[];
  facets: Partial<Record<PracticeFacetName, QueryFilter<PracticeDoc>>>;
  chosen: Record<PracticeFacetName, (string | number)[]>;
}> {
  const facets: Partial<Record<PracticeFacetName, QueryFilter<PracticeDoc>>> = {};
  const topics = selected(filter.topic, filter.topics, 'filter.topics');
  if (topics.length) facets.topic = { topics: anyOf(await Promise.all(topics.map((t, i) => requireTopic(t, i === 0 && filter.topic ? 'filter.topic' : 'filter.topics')))) };
  const places = selected(filter.place, filter.places, 'filter.places');
  if (places.length) facets.place = { place: anyOf((await Promise.all(places.map((p, i) => placeCodesFor(p, i === 0 && filter.place ? 'filter.place' : 'filter.places')))).flat()) };
  const organizations = selected(filter.organization, filter.organizations, 'filter.organizations');
  if (organizations.length) {
    const slugs = await Promise.all(organizations.map((o, i) => organizationSlugsFor(o, i === 0 && filter.organization ? 'filter.organization' : 'filter.organizations')));
    facets.organization = { organization: anyOf(slugs.flat()) };
  }
  const levels = selected(filter.level, filter.levels, 'filter.levels');
  if (levels.length) facets.level = { level: anyOf(levels) };
  const stages = selected(filter.stage, filter.stages, 'filter.stages');
  if (stages.length) facets.stage = { stage: anyOf(stages) };
  const years = selected(filter.year, filter.years, 'filter.years').map((y, i) => checkYear(y, i === 0 && filter.year !== null && filter.year !== undefined ? 'filter.year' : 'filter.years'));
  if (years.length) facets.year = { year: anyOf(years) };
  const common: QueryFilter<PracticeDoc>[] = [{ status: 'published' }];
  if (filter.featured) common.push({ featured: true });
  common.push(...(textConditions(filter.query) as QueryFilter<PracticeDoc>[]));
  return { common, facets, chosen: { topic: topics, place: places, organization: organizations, level: levels, stage: stages, year: years } };
}

/** Every condition of the filter, for the list itself. */
export async function practiceListFilter(filter: PracticeFilter): Promise<QueryFilter<PracticeDoc>> {
  const { common, facets } = await practiceConditions(filter);
  return { $and: [...common, ...Object.values(facets)] };
}

/** How many published practices hold each value of `field` among those matching `conditions`. */
async function countByValue(field: keyof PracticeDoc, conditions: QueryFilter<PracticeDoc>[]): Promise<Map<string | number, number>> {
  // Aggregates skip mongoose's casting: cast the match as a find would.
  const match = Practice.find({ $and: conditions }).cast(Practice);
  const rows = await Practice.aggregate<{ _id: string | number | null; count: number }>([
    { $match: match },
    ...(field === 'topics' ? [{ $unwind: '$topics' }] : []),
    { $group: { _id: `$${field}`, count: { $sum: 1 } } },
  ]);
  return new Map(rows.filter((row) => row._id !== null && row._id !== undefined).map((row) => [row._id!, row.count]));
}

/**
 * Counts of places as recorded, moved to the current province each one is part of now (a former
 * province's practices count for its successor, as the filter on the successor finds them).
 */
export async function toCurrentPlaces(recorded: Map<string | number, number>): Promise<Map<string, number>> {
  const current = new Map<string, number>();
  const places = new Map((await placesByCodes([...recorded.keys()].map(String))).filter(Boolean).map((p) => [p!._id, p!]));
  for (const [code, count] of recorded) {
    let place = places.get(String(code));
    // A successor of a successor (at most a few steps; reference data, read when needed).
    for (let hops = 0; place && !place.current && place.successor && hops < 4; hops++) place = places.get(place.successor) ?? (await placesByCodes([place.successor]))[0] ?? undefined;
    if (place?.current) current.set(place._id, (current.get(place._id) ?? 0) + count);
  }
  return current;
}

/**
 * Counts of organisations as recorded, given to every current organisation whose filter finds
 * them: the one recorded (or its successor) and every body above it, each practice once.
 */
export async function toCurrentOrganizations(recorded: Map<string | number, number>): Promise<Map<string, number>> {
  type Org = { _id: string; parent?: string | null; successor?: string | null; current?: boolean };
  const known = new Map<string, Org>();
  // The recorded ones and everything above them, a level per read.
  for (let wanted = [...recorded.keys()].map(String); wanted.length; ) {
    const found = (await organizationsBySlugs(wanted)).filter(Boolean) as Org[];
    for (const org of found) known.set(org._id, org);
    wanted = [...new Set(found.flatMap((org) => [org.parent, org.successor]).filter((slug): slug is string => Boolean(slug) && !known.has(slug!)))];
  }
  const counts = new Map<string, number>();
  for (const [slug, count] of recorded) {
    const reached = new Set<string>();
    for (let frontier = [String(slug)]; frontier.length; ) {
      const next: string[] = [];
      for (const s of frontier) {
        if (reached.has(s)) continue;
        reached.add(s);
        const org = known.get(s);
        next.push(...[org?.parent, org?.successor].filter((x): x is string => Boolean(x)));
      }
      frontier = next;
    }
    for (const s of reached) if (known.get(s)?.current) counts.set(s, (counts.get(s) ?? 0) + count);
  }
  return counts;
}

export interface FacetCount<T> {
  value: T;
  count: number;
}

/** Most practices first; a ticked value nothing holds comes last with 0, so that it can be unticked. */
const byCount = <T>(counts: Map<T, number>, chosen: readonly unknown[]): FacetCount<T>[] => {
  const rows = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || String(a.value).localeCompare(String(b.value)));
  for (const value of chosen) if (!counts.has(value as T)) rows.push({ value: value as T, count: 0 });
  return rows;
};

/**
 * Each facet's values with how many practices the list would show with that value ticked: a
 * facet's counts apply every other facet's selection but not its own, so the values beside a
 * ticked one keep their numbers. One aggregate per facet, run together, each matching on the
 * (status, field) index first. Values no practice holds are left out, unless ticked.
 */
export async function practiceFacets(filter: PracticeFilter) {
  const { common, facets, chosen } = await practiceConditions(filter);
  const without = (name: PracticeFacetName) => [...common, ...Object.entries(facets).flatMap(([other, condition]) => (other === name ? [] : [condition!]))];
  const [topic, place, organization, level, stage, year] = await Promise.all(practiceFacetNames.map((name) => countByValue(facetField[name], without(name))));
  return {
    topics: byCount(topic as Map<string, number>, chosen.topic),
    places: byCount(await toCurrentPlaces(place!), chosen.place),
    organizations: byCount(await toCurrentOrganizations(organization!), chosen.organization),
    levels: byCount(level as Map<Level, number>, chosen.level),
    stages: byCount(stage as Map<Stage, number>, chosen.stage),
    years: byCount(year as Map<number, number>, chosen.year).sort((a, b) => b.value - a.value),
  };
}

export const practiceSorts = ['newest', 'most-helpful', 'most-discussed'] as const;
export type PracticeSort = (typeof practiceSorts)[number];

const newestFirst: SortKey[] = [
  { field: 'publishedAt', kind: 'date', direction: -1 },
  { field: '_id', kind: 'objectId', direction: -1 },
];

/** Each order's keys; a tie keeps the newest first, and `_id` makes every position unique for cursors. */
export const practiceSortKeys: Record<PracticeSort, SortKey[]> = {
  newest: newestFirst,
  'most-helpful': [{ field: 'endorsementCount', kind: 'number', direction: -1 }, ...newestFirst],
  'most-discussed': [{ field: 'discussionCount', kind: 'number', direction: -1 }, ...newestFirst],
};
