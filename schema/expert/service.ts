import type { QueryFilter } from 'mongoose';
import { requireCohort } from '../cohort/service.ts';
import { paginate, type PageArgs, type SortKey } from '../connection.ts';
import { findByIds } from '../loading.ts';
import { organizationSlugsFor, textConditions } from '../organization/service.ts';
import { placeCodesFor } from '../place/service.ts';
import { anyOf } from '../query.ts';
import { fold, foldedTokens } from '../search/fold.ts';
import { requireTopic } from '../topic/service.ts';
import { Expert, type ExpertDoc } from './model.ts';

export type { ExpertDoc };

export const expertsByIds = (ids: readonly string[]) =>
  findByIds<ExpertDoc>(Expert, ids.filter((id) => /^[0-9a-f]{24}$/.test(id)));

export const findExpertByHandle = (handle: string) => Expert.findOne({ handle }).lean<ExpertDoc>();

export interface ExpertFilter {
  /** A place code; a current province also matches the provinces it absorbed. */
  place?: string | null;
  /** An organisation slug; also matches its units and the bodies merged into it. */
  organization?: string | null;
  specialty?: string | null;
  cohort?: string | null;
  query?: string | null;
}

const order: SortKey[] = [
  { field: 'sortName', kind: 'string' },
  { field: '_id', kind: 'objectId' },
];

export async function listExperts(filter: ExpertFilter, page: PageArgs) {
  const conditions: QueryFilter<ExpertDoc>[] = [];
  if (filter.place) conditions.push({ place: anyOf(await placeCodesFor(filter.place, 'filter.place')) });
  if (filter.organization) conditions.push({ organization: anyOf(await organizationSlugsFor(filter.organization, 'filter.organization')) });
  if (filter.specialty) conditions.push({ specialties: await requireTopic(filter.specialty, 'filter.specialty') });
  if (filter.cohort) conditions.push({ cohorts: await requireCohort(filter.cohort, 'filter.cohort') });
  conditions.push(...textConditions(filter.query));
  return paginate<ExpertDoc>(Expert, conditions.length ? { $and: conditions } : {}, order, page);
}

/** Vietnamese directories sort by given name (the last word), then by the whole name. */
export function sortNameOf(name: string): string {
  const folded = fold(name.trim()).replace(/\s+/g, ' ');
  const given = folded.split(' ').at(-1) ?? folded;
  return `${given} ${folded}`;
}

/** What the directory's text filter matches: name, handle, position and organisation. */
export function expertSearchTokens(expert: { name: string; handle: string; position?: string | null }, organizationName?: string | null): string[] {
  return foldedTokens([expert.name, expert.handle, expert.position ?? '', organizationName ?? ''].join(' '));
}
