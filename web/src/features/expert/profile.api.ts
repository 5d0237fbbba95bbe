import { action, json, query } from '@solidjs/router';
import { graphql, type ResultOf } from '../../graphql.ts';
import { invalid, mutate, textOf, type FormInput, type Outcome } from '../../lib/form.ts';
import { MutationErrorFields } from '../../lib/fragments.ts';
import { request } from '../../lib/graphql-client.ts';
import { getViewer } from '../account/account.api.ts';
import { EXPERT_DIRECTORY_QUERY_KEY, EXPERT_QUERY_KEY } from './expert-links.ts';
import { ACCOUNT_LIMITS, PROFILE_LIMITS } from '../../../../schema/field-limits.ts';

/*
 * The signed-in member's own profile: read for the settings form, and saved. Apart from
 * expert.api.ts because the header's account menu shows a new name while it is being saved
 * (it watches this action), and the header is in every page's first load.
 */

const OwnProfileQuery = graphql(`
  query OwnProfile {
    viewer {
      id
      handle
      name
      position
      bio
      avatarUrl
      organization { slug name current }
      place { code name current successor { code } }
      specialties { slug }
      links { label url }
    }
  }
`);

export type OwnProfile = NonNullable<ResultOf<typeof OwnProfileQuery>['viewer']>;

/** What the viewer can edit about themselves; null when signed out. */
export const getOwnProfile = query(async (): Promise<OwnProfile | null> => (await request(OwnProfileQuery)).viewer, 'ownProfile');

const UpdateProfileMutation = graphql(
  `
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      __typename
      ... on UpdateProfilePayload { expert { id handle } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

/** At most this many links on a profile (the API's limit). */
export const MAX_LINKS = PROFILE_LIMITS.links;

/**
 * The profile form's links: each row has a stable key (rows come and go), listed in order in
 * `linkKeys`, with fields `links.<key>.label` and `links.<key>.url`. Fully empty rows are dropped.
 */
function linksOf(form: FormInput) {
  const rows = textOf(form, 'linkKeys').split(',').filter(Boolean);
  const links: { label: string; url: string }[] = [];
  const keys: string[] = [];
  for (const key of rows) {
    const label = textOf(form, `links.${key}.label`);
    const url = textOf(form, `links.${key}.url`);
    if (!label && !url) continue;
    links.push({ label, url });
    keys.push(key);
  }
  return { links, keys };
}

/** The API names link errors by position among the links sent; the form by row key. */
function toRowPaths<T>(outcome: Outcome<T>, keys: string[]): Outcome<T> {
  if (outcome.ok) return outcome;
  const fields: Record<string, string> = {};
  for (const [path, code] of Object.entries(outcome.problem.fields)) {
    const match = /^links\.(\d+)\.(label|url)$/.exec(path);
    const key = match ? keys[Number(match[1])] : undefined;
    fields[key && match ? `links.${key}.${match[2]}` : path] = code;
  }
  return { ok: false, problem: { ...outcome.problem, fields } };
}

/** Saves the whole profile form. Header, profile and directory show the change once it is saved. */
export const updateProfileAction = action(async (form: FormInput) => {
  const { links, keys } = linksOf(form);
  const input = {
    name: textOf(form, 'name'),
    position: textOf(form, 'position'),
    bio: String(form.get('bio') ?? '').trim(),
    organization: textOf(form, 'organization') || null,
    place: textOf(form, 'place') || null,
    specialties: form.getAll('specialties').map(String),
    links,
  };
  const fields: Record<string, string> = {};
  if (!input.name) fields.name = 'REQUIRED';
  else if (input.name.length < ACCOUNT_LIMITS.nameMin) fields.name = 'TOO_SHORT';
  links.forEach((link, index) => {
    if (!link.label) fields[`links.${keys[index]}.label`] = 'REQUIRED';
    if (!link.url) fields[`links.${keys[index]}.url`] = 'REQUIRED';
  });
  if (Object.keys(fields).length) return invalid(fields);
  const outcome = toRowPaths(await mutate(UpdateProfileMutation, { input }, 'updateProfile', 'UpdateProfilePayload'), keys);
  return json(outcome, { revalidate: outcome.ok ? [getViewer.key, getOwnProfile.key, EXPERT_QUERY_KEY, EXPERT_DIRECTORY_QUERY_KEY] : [] });
}, 'updateProfile');
