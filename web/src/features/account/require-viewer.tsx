import { createAsync, Navigate, revalidate, useIsRouting, useLocation, useSubmission } from '@solidjs/router';
import { Match, Switch, type Accessor, type JSX } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { t } from '../../i18n/i18n.ts';
import { getViewer, signInHref, signOutAction, signOutEverywhereAction, type Viewer } from './account.api.ts';
import { MembersOnlyPage, type ForVisitors } from './members-only-page.tsx';

/**
 * Shows its content to a signed-in person only. A visitor is told what the page holds and how
 * to join (`forVisitors`: pages one finds by browsing); without it (one's own settings, the
 * staff's pages, which only members look for) they go straight to the sign-in page. Either way
 * signing in brings them back here (path and query).
 */
export function RequireViewer(props: { forVisitors?: ForVisitors; children: (viewer: Accessor<Viewer>) => JSX.Element }) {
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
      <Match when={viewer() === null && props.forVisitors}>{(forVisitors) => <MembersOnlyPage {...forVisitors()} />}</Match>
      <Match when={viewer() === null && !signingOut.pending && !signingOutEverywhere.pending && !routing()}>
        <DocumentTitle text={t('signIn.title')} />
        <Navigate href={signInHref(location.pathname + location.search)} />
      </Match>
    </Switch>
  );
}
