import { query, revalidate } from '@solidjs/router';
import { graphql, type ResultOf } from '../../graphql.ts';
import { MutationErrorFields } from '../../lib/fragments.ts';
import { mutate } from '../../lib/form.ts';
import { isMissing, orNull, request } from '../../lib/graphql-client.ts';

/* The enterprises directory and profiles, mirroring schema/enterprise. */

export const CAPABILITIES = ['DATA_PLATFORM', 'CYBERSECURITY', 'CLOUD', 'CRYPTOGRAPHY', 'E_IDENTIFICATION', 'AI', 'PUBLIC_SERVICE_SOFTWARE', 'SMART_CITY'] as const;
export type Capability = (typeof CAPABILITIES)[number];
export const PAGE_SIZE = 20;

/** The directory's filters as the URL carries them (`cap` repeated as a comma list). */
export interface DirectoryParams {
  capabilities: Capability[];
  place?: string | undefined;
  alliance?: boolean | undefined;
  q?: string | undefined;
}

export const filterOf = (params: DirectoryParams) => ({
  ...(params.capabilities.length ? { capabilities: params.capabilities } : {}),
  ...(params.place ? { place: params.place } : {}),
  ...(params.alliance ? { alliance: true } : {}),
  ...(params.q ? { search: params.q } : {}),
});

const DirectoryQuery = graphql(`
  query EnterpriseDirectory($filter: EnterpriseFilter, $first: Int, $after: String) {
    enterprises(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id slug name capabilities description descriptionEn allianceMember allianceSince organization { shortName } pilots { place { code name } } } }
    }
  }
`);
export type EnterprisePage = ResultOf<typeof DirectoryQuery>['enterprises'];
export type EnterpriseCardData = EnterprisePage['edges'][number]['node'];

export const getEnterprises = query(
  (filter: ReturnType<typeof filterOf>, after: string | null): Promise<EnterprisePage> => request(DirectoryQuery, { filter, first: PAGE_SIZE, after }).then((data) => data.enterprises),
  'enterprises',
);

const FacetsQuery = graphql(`
  query EnterpriseFacets($filter: EnterpriseFilter) {
    enterpriseFacets(filter: $filter) { capabilities { capability count } places { place { code name } count } allianceMembers }
    places { code name }
  }
`);
export type EnterpriseFacets = ResultOf<typeof FacetsQuery>;
export const getEnterpriseFacets = query((filter: ReturnType<typeof filterOf>): Promise<EnterpriseFacets> => request(FacetsQuery, { filter }), 'enterpriseFacets');

const ProfileQuery = graphql(`
  query EnterpriseProfile($slug: String!) {
    enterprise(slug: $slug) {
      id slug name capabilities description descriptionEn website allianceMember allianceSince viewerCanEdit updatedAt
      organization { name shortName place { code name } }
      pilots { role roleEn place { code name } }
      contact { handle name position }
      practices { role practice { id title place { code name } } }
    }
    places { code name }
  }
`);
export type EnterpriseProfileData = NonNullable<ResultOf<typeof ProfileQuery>>;
export const getEnterprise = query((slug: string): Promise<EnterpriseProfileData | null> => orNull(() => request(ProfileQuery, { slug }), isMissing('slug')), 'enterprise');

const PracticeEnterprisesQuery = graphql(`
  query PracticeEnterprises($id: ID!) {
    practice(id: $id) { id enterprises { role enterprise { slug name organization { shortName } } } }
  }
`);
export const getPracticeEnterprises = query((practiceId: string) => request(PracticeEnterprisesQuery, { id: practiceId }).then((data) => data.practice.enterprises), 'practiceEnterprises');

const UpdateMutation = graphql(
  `
  mutation UpdateEnterpriseProfile($input: UpdateEnterpriseProfileInput!) {
    updateEnterpriseProfile(input: $input) { __typename ...MutationErrorFields ... on UpdateEnterpriseProfilePayload { enterprise { id } } }
  }
`,
  [MutationErrorFields],
);
const LinkMutation = graphql(
  `
  mutation LinkEnterprisePractice($input: LinkEnterprisePracticeInput!) {
    linkEnterprisePractice(input: $input) { __typename ...MutationErrorFields ... on LinkEnterprisePracticePayload { enterprise { id } } }
  }
`,
  [MutationErrorFields],
);
const UnlinkMutation = graphql(
  `
  mutation UnlinkEnterprisePractice($input: UnlinkEnterprisePracticeInput!) {
    unlinkEnterprisePractice(input: $input) { __typename ...MutationErrorFields ... on UnlinkEnterprisePracticePayload { enterprise { id } } }
  }
`,
  [MutationErrorFields],
);

export interface ProfileFields {
  capabilities: Capability[];
  description: string;
  descriptionEn: string;
  website: string | null;
  pilots: { place: string; role: string; roleEn: string }[];
  allianceMember: boolean;
  allianceSince: number | null;
  contactHandle: string | null;
}

/** After a write the profile and the lists it shows in are read again. */
async function settled<T>(slug: string, outcome: Promise<T & { ok: boolean }>) {
  const done = await outcome;
  if (done.ok) await revalidate([getEnterprise.keyFor(slug), getEnterprises.key, getEnterpriseFacets.key]);
  return done;
}

export const updateEnterpriseProfile = (slug: string, fields: ProfileFields) =>
  settled(slug, mutate(UpdateMutation, { input: { organization: slug, ...fields } }, 'updateEnterpriseProfile', 'UpdateEnterpriseProfilePayload'));
export const linkEnterprisePractice = (slug: string, practiceId: string, role: string) =>
  settled(slug, mutate(LinkMutation, { input: { enterprise: slug, practiceId, role } }, 'linkEnterprisePractice', 'LinkEnterprisePracticePayload'));
export const unlinkEnterprisePractice = (slug: string, practiceId: string) =>
  settled(slug, mutate(UnlinkMutation, { input: { enterprise: slug, practiceId } }, 'unlinkEnterprisePractice', 'UnlinkEnterprisePracticePayload'));

export const enterpriseHref = (slug: string) => `/enterprises/${encodeURIComponent(slug)}`;
