import { action, json } from '@solidjs/router';
import { graphql } from '../../graphql.ts';
import { MutationErrorFields } from '../../lib/fragments.ts';
import { attempt, mutate, settle } from '../../lib/form.ts';
import { request } from '../../lib/graphql-client.ts';
import { getViewer } from '../account/account.api.ts';
import { getExpert, getExpertDirectory, getOwnProfile } from '../expert/expert.api.ts';

const SetAvatarMutation = graphql(
  `
  mutation SetAvatar($input: SetAvatarInput!) {
    setAvatar(input: $input) {
      __typename
      ... on SetAvatarPayload { expert { id avatarUrl } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const RemoveAvatarMutation = graphql(
  `
  mutation RemoveAvatar {
    removeAvatar {
      __typename
      ... on RemoveAvatarPayload { expert { id avatarUrl } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

/** Everywhere a picture of the viewer may show. */
const showsAvatar = () => [getViewer.key, getOwnProfile.key, getExpert.key, getExpertDirectory.key];

/** Sends a picture already scaled by {@link squareImage}, base64-encoded. */
export const setAvatarAction = action(async (image: string) => {
  const outcome = await mutate(SetAvatarMutation, { input: { image } }, 'setAvatar', 'SetAvatarPayload');
  return json(outcome, { revalidate: outcome.ok ? showsAvatar() : [] });
}, 'setAvatar');

export const removeAvatarAction = action(async () => {
  const outcome = await attempt(async () => settle((await request(RemoveAvatarMutation)).removeAvatar, 'RemoveAvatarPayload'));
  return json(outcome, { revalidate: outcome.ok ? showsAvatar() : [] });
}, 'removeAvatar');
