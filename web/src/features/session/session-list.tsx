import { createAsync, useSubmissions } from '@solidjs/router';
import { createMemo, For, Show, Suspense } from 'solid-js';
import { FormAlert, SubmitButton } from '../../components/form-field.tsx';
import { formatDateTime, t } from '../../i18n/i18n.ts';
import { problemOf, useFormSubmission } from '../../lib/form.ts';
import { signOutAction, signOutEverywhereAction } from '../account/account.api.ts';
import { endSessionAction, getSessions, type Session } from './session.api.ts';
import { describeUserAgent } from './user-agent.ts';

const describe = (session: Session) => {
  const { browser, system } = describeUserAgent(session.userAgent);
  return t('sessions.browserOn', browser ?? t('sessions.unknownBrowser'), system ?? t('sessions.unknownSystem'));
};

/** The browsers signed in to the account; each but this one can be signed out from here. */
export function SessionList() {
  const sessions = createAsync(() => getSessions());
  const ending = useSubmissions(endSessionAction);
  const ended = useFormSubmission(endSessionAction);
  const everywhere = useFormSubmission(signOutEverywhereAction);
  const signedOut = useFormSubmission(signOutAction);
  // A browser being signed out leaves the list at once; if that fails it comes back.
  const leaving = createMemo(() => new Set([...ending].filter((s) => s.pending).map((s) => String(s.input[0].get('sessionId')))));
  const shown = () => (sessions() ?? []).filter((session) => !leaving().has(session.id));
  const problem = () => problemOf(ended.result ?? everywhere.result ?? signedOut.result);

  return (
    <section class="card" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading" class="card-title">
        {t('sessions.heading')}
      </h2>
      <p class="card-intro">{t('sessions.intro')}</p>
      <FormAlert problem={problem()} success={ended.result?.ok ? t('sessions.ended') : undefined} />
      <Suspense fallback={<p class="muted">{t('app.loading')}</p>}>
        <ul class="session-list">
          <For each={shown()}>
            {(session) => (
              <li class="session" classList={{ 'is-current': session.current }}>
                <div class="session-text">
                  <p class="session-name">
                    {describe(session)}
                    <Show when={session.current}>
                      {' '}
                      <span class="session-current">{t('sessions.thisBrowser')}</span>
                    </Show>
                  </p>
                  <p class="session-meta">
                    <span>{t('sessions.signedIn', formatDateTime(session.createdAt))}</span>
                    <span>{t('sessions.lastUsed', formatDateTime(session.lastUsedAt))}</span>
                  </p>
                </div>
                <form action={session.current ? signOutAction : endSessionAction} method="post">
                  <input type="hidden" name="sessionId" value={session.id} />
                  <button type="submit" class="button button-secondary button-small">
                    {t('sessions.signOut')}
                    <span class="visually-hidden"> {session.current ? t('sessions.thisBrowser') : describe(session)}</span>
                  </button>
                </form>
              </li>
            )}
          </For>
        </ul>
      </Suspense>
      <form action={signOutEverywhereAction} method="post" class="session-everywhere">
        <p id="sessions-everywhere-hint" class="field-hint">
          {t('sessions.everywhereHint')}
        </p>
        <SubmitButton pending={everywhere.pending ?? false} label={t('sessions.signOutEverywhere')} pendingLabel={t('sessions.signOutEverywhere')} class="button button-danger" />
      </form>
    </section>
  );
}
