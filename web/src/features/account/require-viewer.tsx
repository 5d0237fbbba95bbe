import { createAsync, Navigate, revalidate, useIsRouting, useLocation, useSubmission } from '@solidjs/router';
import { Match, Switch, type Accessor, type JSX } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { t } from '../../i18n/i18n.ts';
import { getViewer, signInHref, signOutAction, signOutEverywhereAction, type Viewer } from './account.api.ts';

/**
 * Shows its content to a signed-in person only; anyone else goes to the sign-in page, which
 * brings them back here (path and query) afterwards.
 */
export function RequireViewer(props: { children: (viewer: Accessor<Viewer>) => JSX.Element }) {
  // Only the viewer's own failure is reported here; the page's content handles its own.
  const loaded = createAsync(async () => {
    try {
      return { viewer: await getViewer() };
    } catch (error) {
      return { error };
    }
  });
  const viewer = () => loaded()?.viewer;
  const location = useLocation();
  const routing = useIsRouting();
  // Signing out from here leads to the directory; the page must not send them to sign in meanwhile.
  const signingOut = useSubmission(signOutAction);
  const signingOutEverywhere = useSubmission(signOutEverywhereAction);

  return (
    <Switch>
      <Match when={loaded()?.error}>
        <DocumentTitle text={t('settings.loadFailed')} />
        <StateMessage title={t('settings.loadFailed')} body={t('profile.errorBody')} tone="error" headingLevel={1}>
          <button type="button" class="button" onClick={() => void revalidate(getViewer.key)}>
            {t('app.retry')}
          </button>
        </StateMessage>
      </Match>
      <Match when={viewer()}>{(signedIn) => props.children(signedIn)}</Match>
      <Match when={viewer() === null && !signingOut.pending && !signingOutEverywhere.pending && !routing()}>
        <DocumentTitle text={t('signIn.title')} />
        <Navigate href={signInHref(location.pathname + location.search)} />
      </Match>
    </Switch>
  );
}
