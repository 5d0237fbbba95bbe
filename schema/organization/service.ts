import type { QueryFilter } from 'mongoose';
import { listProjection, paginate, type ListSkips, type PageArgs, type SortKey } from '../connection.ts';
import { InvalidArgumentError } from '../errors.ts';
import { findByIds } from '../loading.ts';
import { placeCodesFor } from '../place/service.ts';
import { anyOf, startsWith } from '../query.ts';
import { foldedTokens } from '../search/fold.ts';
import { Organization, organizationKinds, type OrganizationDoc, type OrganizationKind } from './model.ts';

export type { OrganizationDoc, OrganizationKind };

export const organizationsBySlugs = (slugs: readonly string[]) => findByIds<OrganizationDoc>(Organization, slugs);

export const findOrganization = (slug: string) => Organization.findById(slug).lean<OrganizationDoc>();

export interface OrganizationFilter {
  kinds?: OrganizationKind[] | null;
  place?: string | null;
  query?: string | null;
  includeFormer?: boolean | null;
}

const order: SortKey[] = [
  { field: 'kindRank', kind: 'number' },
  { field: 'sortName', kind: 'string' },
  { field: '_id', kind: 'string' },
];

/** Words of a free-text filter, each matching the start of a folded word of the record. */
export function textConditions(query: string | null | undefined): QueryFilter<unknown>[] {
  return foldedTokens(query ?? '')
    .slice(0, 8)
    .map((token) => ({ searchTokens: startsWith(token) }));
}

/** What organisation lists leave out (stored field -> the Organization fields that read it; see connection.ts listProjection). */
export const ORGANIZATION_LIST_SKIPS: ListSkips = { searchTokens: [] };

export async function listOrganizations(filter: OrganizationFilter, page: PageArgs) {
  const conditions: QueryFilter<OrganizationDoc>[] = [];
  if (!filter.includeFormer) conditions.push({ current: true });
  if (filter.kinds?.length) conditions.push({ kind: anyOf(filter.kinds) });
  if (filter.place) conditions.push({ place: anyOf(await placeCodesFor(filter.place, 'filter.place')) });
  conditions.push(...textConditions(filter.query));
  return paginate<OrganizationDoc>(Organization, conditions.length ? { $and: conditions } : {}, order, page, listProjection(ORGANIZATION_LIST_SKIPS, null));
}

/**
 * The organisations a filter on `slug` must match: the body itself, the bodies merged into it,
 * and all their units (a ministry's filter finds the people of its departments and centres).
 */
export async function organizationSlugsFor(slug: string, argument: string): Promise<string[]> {
  // Reference data of a few hundred records: one read, then the closure in memory.
  const all = await Organization.find({}, { parent: 1, successor: 1 }).lean<Pick<OrganizationDoc, '_id' | 'parent' | 'successor'>[]>();
  if (!all.some((o) => o._id === slug)) throw new InvalidArgumentError(argument, `no organisation has the slug "${slug.slice(0, 60)}"`);
  const included = new Set([slug]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const o of all) {
      if (included.has(o._id)) continue;
      if ((o.parent && included.has(o.parent)) || (o.successor && included.has(o.successor))) {
        included.add(o._id);
        grew = true;
      }
    }
  }
  return [...included];
}

/** The organisation and the ones above it (a centre's department, a department's ministry): the bodies its members speak for. */
export async function organizationAndParents(slugValue: string | null | undefined): Promise<string[]> {
  const chain: string[] = [];
  for (let next = slugValue ?? null; next && chain.length < 6 && !chain.includes(next); ) {
    chain.push(next);
    next = (await organizationsBySlugs([next]))[0]?.parent ?? null;
  }
  return chain;
}

/** Directory order of a kind: ministries first. */
export const organizationKindRank = (kind: OrganizationKind) => organizationKinds.indexOf(kind);

/** Every organisation's names, for matching a query against them (reference data: a few hundred records). */
export const organizationNames = () => Organization.find({}, { name: 1, shortName: 1 }).lean<Pick<OrganizationDoc, '_id' | 'name' | 'shortName'>[]>();
