import { action, createAsync, json, query, redirect } from '@solidjs/router';
import { createRoot, createSignal } from 'solid-js';
import { graphql, type ResultOf } from '../../graphql.ts';
import { MutationErrorFields } from '../../lib/fragments.ts';
import { attempt, invalid, mutate, settle, textOf, type FormInput } from '../../lib/form.ts';
import { request } from '../../lib/graphql-client.ts';
import { locale } from '../../i18n/i18n.ts';
import { getSessions } from '../session/session.api.ts';
import { ACCOUNT_LIMITS, PROFILE_LIMITS } from '../../../../schema/field-limits.ts';

const ViewerQuery = graphql(`
  query Viewer {
    viewer { id handle name role verified avatarUrl }
  }
`);

export type Viewer = NonNullable<ResultOf<typeof ViewerQuery>['viewer']>;
export type Role = Viewer['role'];

// The last answer the API gave about who is signed in, kept for the page's life.
const [lastKnownViewer, setLastKnownViewer] = createRoot(() => createSignal<Viewer | null | undefined>(undefined));

/** The signed-in person, or null. Revalidated by every action that changes who that is. */
export const getViewer = query(async (): Promise<Viewer | null> => {
  const viewer = (await request(ViewerQuery)).viewer;
  setLastKnownViewer(viewer);
  return viewer;
}, 'viewer');

/**
 * Who is looking, for parts that only adapt to it: the viewer, null when the API said nobody is
 * signed in, or undefined when that is not known (still loading, or the API could not be read).
 * A failed read never counts as signed out: it keeps the last answer of this visit, or stays
 * unknown, and the outage notice (or the page's own error) says what went wrong. `latest`
 * reads it without waiting, as createAsync's does.
 */
export function createViewer(): { (): Viewer | null | undefined; readonly latest: Viewer | null | undefined } {
  const loaded = createAsync(() =>
    getViewer().then(
      (viewer) => ({ viewer }),
      () => ({ viewer: lastKnownViewer() }),
    ),
  );
  const read = () => loaded()?.viewer;
  return Object.defineProperty(read, 'latest', { get: () => loaded.latest?.viewer }) as ReturnType<typeof createViewer>;
}

/** Staff roles, in the order of what they may do. */
export const isStaff = (role: Role | undefined) => role === 'CURATOR' || role === 'MODERATOR' || role === 'ADMIN';
export const canCurate = (role: Role | undefined) => role === 'CURATOR' || role === 'ADMIN';
export const canModerate = (role: Role | undefined) => role === 'MODERATOR' || role === 'ADMIN';
export const canAdminister = (role: Role | undefined) => role === 'ADMIN';

/**
 * Where to go after signing in: a path of this site only. "//host" and "/\host" are other
 * sites to a browser, and anything not starting with "/" could be a scheme.
 */
export function safeNextPath(next: string | null | undefined): string | undefined {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  if (/[\u0000-\u001f\\]/.test(next)) return undefined;
  // Coming back to the sign-in or sign-up page after signing in would be a loop.
  if (/^\/sign-(in|up)(?:[/?#]|$)/.test(next)) return undefined;
  return next;
}

/** The sign-in page that comes back to `path` afterwards. */
export const signInHref = (path: string) => `/sign-in?next=${encodeURIComponent(path)}`;
/** The sign-up page that comes back to `path` once the new member is signed in. */
export const signUpHref = (path: string) => `/sign-up?next=${encodeURIComponent(path)}`;

const viewerAfter = (viewer: { handle: string }, form: FormInput) => safeNextPath(textOf(form, 'next')) ?? `/experts/${encodeURIComponent(viewer.handle)}`;

const SignInMutation = graphql(
  `
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on SignInPayload { viewer { handle } }
      ...MutationErrorFields
      ... on SuspendedError { reason until }
    }
  }
`,
  [MutationErrorFields],
);

/** Signs in; on success everything is revalidated (it all may depend on who is looking) and the page moves on. */
export const signInAction = action(async (form: FormInput) => {
  const email = textOf(form, 'email');
  const password = String(form.get('password') ?? '');
  const missing: Record<string, string> = {};
  if (!email) missing.email = 'REQUIRED';
  if (!password) missing.password = 'REQUIRED';
  // Every attempt counts against a small limit, so an empty field never reaches the API.
  if (Object.keys(missing).length) return invalid(missing);
  const outcome = await mutate(SignInMutation, { input: { email, password } }, 'signIn', 'SignInPayload');
  if (!outcome.ok) return json(outcome, { revalidate: [] });
  return redirect(viewerAfter(outcome.data.viewer, form));
}, 'signIn');

const SignUpMutation = graphql(
  `
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      __typename
      ... on SignUpPayload { email }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

/** Simple checks the API would make anyway, so a slip costs no round trip (sign-up is rate limited). */
function signUpProblems(input: { name: string; email: string; password: string; specialties: string[] }) {
  const fields: Record<string, string> = {};
  if (!input.name) fields.name = 'REQUIRED';
  else if (input.name.length < ACCOUNT_LIMITS.nameMin) fields.name = 'TOO_SHORT';
  if (!input.email) fields.email = 'REQUIRED';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email)) fields.email = 'INVALID';
  if (!input.password) fields.password = 'REQUIRED';
  else if (input.password.length < ACCOUNT_LIMITS.passwordMin) fields.password = 'TOO_SHORT';
  if (input.specialties.length > PROFILE_LIMITS.specialties) fields.specialties = 'TOO_LONG';
  return fields;
}

export const signUpAction = action(async (form: FormInput) => {
  const input = {
    name: textOf(form, 'name'),
    email: textOf(form, 'email'),
    password: String(form.get('password') ?? ''),
    organization: textOf(form, 'organization') || null,
    place: textOf(form, 'place') || null,
    specialties: form.getAll('specialties').map(String),
  };
  const problems = signUpProblems(input);
  if (Object.keys(problems).length) return invalid(problems);
  const outcome = await mutate(SignUpMutation, { input: { ...input, language: locale() } }, 'signUp', 'SignUpPayload');
  if (!outcome.ok) return json(outcome, { revalidate: [] });
  // Sign-up signs nobody in (its answer must not tell whether the address was free): signing in
  // with the same password does, when the account is the one just made.
  const signedIn = await mutate(SignInMutation, { input: { email: input.email, password: input.password } }, 'signIn', 'SignInPayload');
  if (signedIn.ok) return redirect(viewerAfter(signedIn.data.viewer, form));
  // Otherwise the page says to look in the inbox, whatever the reason.
  return json(outcome, { revalidate: [] });
}, 'signUp');

const SignOutMutation = graphql(
  `
  mutation SignOut {
    signOut {
      __typename
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

/**
 * Signs this browser out and goes to the directory; the cookie is cleared by the server. When
 * that fails the person is still signed in: the page stays, and the form says so.
 */
export const signOutAction = action(async () => {
  const outcome = await attempt(async () => settle((await request(SignOutMutation)).signOut, 'DonePayload'));
  if (!outcome.ok) return json(outcome, { revalidate: [] });
  return redirect('/experts');
}, 'signOut');

const SignOutEverywhereMutation = graphql(
  `
  mutation SignOutEverywhere {
    signOutEverywhere {
      __typename
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

export const signOutEverywhereAction = action(async () => {
  const outcome = await attempt(async () => settle((await request(SignOutEverywhereMutation)).signOutEverywhere, 'DonePayload'));
  if (!outcome.ok) return json(outcome, { revalidate: [] });
  return redirect('/sign-in');
}, 'signOutEverywhere');

const ChangePasswordMutation = graphql(
  `
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      __typename
      ... on ChangePasswordPayload { viewer { id } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

/** Changes the password; the API ends the other sessions, so the session list is read again. */
export const changePasswordAction = action(async (form: FormInput) => {
  const currentPassword = String(form.get('currentPassword') ?? '');
  const newPassword = String(form.get('newPassword') ?? '');
  const fields: Record<string, string> = {};
  if (!currentPassword) fields.currentPassword = 'REQUIRED';
  if (!newPassword) fields.newPassword = 'REQUIRED';
  else if (newPassword.length < ACCOUNT_LIMITS.passwordMin) fields.newPassword = 'TOO_SHORT';
  if (Object.keys(fields).length) return invalid(fields);
  const outcome = await mutate(ChangePasswordMutation, { input: { currentPassword, newPassword } }, 'changePassword', 'ChangePasswordPayload');
  return json(outcome, { revalidate: outcome.ok ? [getSessions.key] : [] });
}, 'changePassword');
