import { query } from '@solidjs/router';
import { graphql, type ResultOf, type VariablesOf } from '../../graphql.ts';
import { isErrorCode, isMissing, orNull, request } from '../../lib/graphql-client.ts';

const OrganizationOptionsQuery = graphql(`
  query OrganizationOptions($filter: OrganizationFilter, $after: String) {
    organizations(filter: $filter, first: 50, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges {
        node { slug name shortName kind parent { slug name shortName } }
      }
    }
  }
`);

const OrganizationQuery = graphql(`
  query Organization($slug: String!) {
    organization(slug: $slug) { slug name shortName kind current successor { slug name shortName } }
  }
`);

export type OrganizationOption = ResultOf<typeof OrganizationOptionsQuery>['organizations']['edges'][number]['node'];
export type OrganizationKind = OrganizationOption['kind'];
type Filter = NonNullable<VariablesOf<typeof OrganizationOptionsQuery>['filter']>;

/** Lists are served 50 at a time; a filter list is short, but read it to the end anyway. */
async function everyOrganization(filter: Filter): Promise<OrganizationOption[]> {
  const found: OrganizationOption[] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const { organizations }: ResultOf<typeof OrganizationOptionsQuery> = await request(OrganizationOptionsQuery, { filter, after });
    found.push(...organizations.edges.map((edge) => edge.node));
    if (!organizations.pageInfo.hasNextPage || !organizations.pageInfo.endCursor) break;
    after = organizations.pageInfo.endCursor;
  }
  return found;
}

/** Ministries, ministry-level agencies and government agencies: the national choices of the filter. */
export const getNationalOrganizations = query(() => everyOrganization({ kinds: ['MINISTRY', 'MINISTRY_AGENCY', 'AGENCY'] }), 'nationalOrganizations');

/** Enterprises and universities: choices for a profile, not filters of the directory. */
export const getOtherOrganizations = query(() => everyOrganization({ kinds: ['ENTERPRISE', 'UNIVERSITY'] }), 'otherOrganizations');

/** The departments and centres of one place (and of the provinces it absorbed). */
export const getLocalOrganizations = query(async (place: string) => {
  try {
    return await everyOrganization({ kinds: ['DEPARTMENT', 'CENTRE'], place });
  } catch (error) {
    // An unknown place in a shared link: the directory reports it; the list is just empty.
    if (isErrorCode(error, 'BAD_USER_INPUT', 'NOT_FOUND')) return [];
    throw error;
  }
}, 'localOrganizations');

export type Organization = ResultOf<typeof OrganizationQuery>['organization'];

/** One organisation by slug, or null when there is none. */
export const getOrganization = query((slug: string): Promise<Organization | null> => orNull(async () => (await request(OrganizationQuery, { slug })).organization, isMissing()), 'organization');
