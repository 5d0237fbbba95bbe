import { A, useLocation, useSubmission } from '@solidjs/router';
import { createEffect, createSignal, Match, on, onCleanup, Show, Suspense, Switch } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import { ExpertAvatar } from '../expert/expert-avatar.tsx';
import { profileHref } from '../expert/expert-links.ts';
import { updateProfileAction } from '../expert/profile.api.ts';
import { useFormSubmission } from '../../lib/form.ts';
import { createViewer, isStaff, signInHref, signOutAction, type Viewer } from './account.api.ts';

/** The header's account area: sign-in and sign-up links, or the signed-in person's menu. */
export function AccountArea() {
  return (
    <Suspense fallback={<span class="account-placeholder" aria-hidden="true" />}>
      <AccountControls />
    </Suspense>
  );
}

function AccountControls() {
  // The header never fails, and never offers to sign in unless the API said nobody is: when the
  // viewer cannot be read it stays neutral, and the outage notice below says why.
  const viewer = createViewer();
  const location = useLocation();
  // Signing in from a page comes back to it (signing up leads to the new profile instead); from
  // the sign-in and sign-up pages, to wherever they were going to lead.
  const href = (page: '/sign-in' | '/sign-up') => {
    const path = location.pathname;
    if (path === '/sign-in' || path === '/sign-up') return `${page}${location.search}`;
    return page === '/sign-up' || path === '/' ? page : signInHref(path + location.search);
  };

  return (
    <Switch>
      <Match when={viewer()}>{(signedIn) => <AccountMenu viewer={signedIn()} />}</Match>
      <Match when={viewer() === null}>
        <div class="account-links">
          <A href={href('/sign-in')} class="account-link" activeClass="is-active" end>
            {t('account.signIn')}
          </A>
          <A href={href('/sign-up')} class="account-link account-link-strong" activeClass="is-active" end>
            {t('account.signUp')}
          </A>
        </div>
      </Match>
      <Match when={viewer() === undefined}>
        <span class="account-placeholder">
          <span class="visually-hidden">{t('outage.accountUnknown')}</span>
        </span>
      </Match>
    </Switch>
  );
}

function AccountMenu(props: { viewer: Viewer }) {
  const [open, setOpen] = createSignal(false);
  const location = useLocation();
  let container: HTMLDivElement | undefined;
  let button: HTMLButtonElement | undefined;

  // While a new name is being saved, the header already shows it; a failure puts the old one back.
  const saving = useSubmission(updateProfileAction);
  const name = () => {
    const pending = saving.pending ? String(saving.input?.[0]?.get('name') ?? '').trim() : '';
    return pending.length >= 2 ? pending : props.viewer.name;
  };

  // A failed sign-out leaves the person signed in: the menu says so and offers to try again.
  const signingOut = useFormSubmission(signOutAction);
  const signOutFailed = () => !signingOut.pending && signingOut.result?.ok === false;

  const close = (returnFocus = false) => {
    setOpen(false);
    if (returnFocus) button?.focus();
  };

  createEffect(
    on(
      () => location.pathname,
      () => close(),
      { defer: true },
    ),
  );

  const onPointerDown = (event: PointerEvent) => {
    if (open() && container && !container.contains(event.target as Node)) close();
  };
  document.addEventListener('pointerdown', onPointerDown);
  onCleanup(() => document.removeEventListener('pointerdown', onPointerDown));

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape and focus leaving anywhere in the menu close it; the buttons inside are the controls
    <div
      class="account-menu"
      ref={container}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open()) {
          event.stopPropagation();
          close(true);
        }
      }}
      onFocusOut={(event) => {
        // Tabbing past the last item closes the menu, as leaving it with the mouse would.
        if (open() && container && event.relatedTarget instanceof Node && !container.contains(event.relatedTarget)) close();
      }}
    >
      <button
        type="button"
        class="account-button"
        aria-expanded={open()}
        aria-controls="account-menu-panel"
        // Contains the visible name (WCAG 2.5.3), and says what the button is for.
        aria-label={t('account.menu', name())}
        ref={button}
        onClick={() => setOpen(!open())}
      >
        <ExpertAvatar name={name()} handle={props.viewer.handle} url={props.viewer.avatarUrl} size="small" />
        <span class="account-name">{name()}</span>
        <svg class="account-chevron" viewBox="0 0 12 8" width="12" height="8" aria-hidden="true">
          <path d="M1 1.5 6 6.5l5-5" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
      </button>
      <div id="account-menu-panel" class="account-panel" hidden={!open()}>
        <p class="account-panel-who">
          <span class="account-panel-label">{t('account.signedInAs')}</span>
          <strong>{name()}</strong>
          <span class="account-panel-handle">@{props.viewer.handle}</span>
        </p>
        <ul class="account-panel-links">
          <li>
            <A href={profileHref(props.viewer.handle)} end>
              {t('account.myProfile')}
            </A>
          </li>
          <li>
            <A href="/practices/mine">{t('account.myPractices')}</A>
          </li>
          <li>
            <A href="/following">{t('account.following')}</A>
          </li>
          <li>
            <A href="/bookmarks">{t('account.bookmarks')}</A>
          </li>
          <li>
            <A href="/settings">{t('account.settings')}</A>
          </li>
          <Show when={isStaff(props.viewer.role)}>
            <li>
              <A href="/staff">{t('account.staff')}</A>
            </li>
          </Show>
        </ul>
        <form action={signOutAction} method="post" class="account-panel-signout">
          <Show when={signOutFailed()}>
            <p class="account-signout-error" role="alert">
              {t('outage.signOutFailed')}
            </p>
          </Show>
          <button type="submit" class="account-signout" disabled={signingOut.pending}>
            {signOutFailed() ? t('outage.signOutRetry') : t('account.signOut')}
          </button>
        </form>
      </div>
    </div>
  );
}
