import { A, useLocation } from '@solidjs/router';
import { DocumentTitle } from '../../components/document-title.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { t } from '../../i18n/i18n.ts';
import { signInHref, signUpHref } from './account.api.ts';

/** What a page for members holds, told to a visitor who is not signed in. */
export interface ForVisitors {
  title: string;
  body: string;
}

/**
 * A members' page seen by a visitor: what they would find there, and the ways in (sign in, or
 * sign up), both coming back to this page (path and query) afterwards.
 */
export function MembersOnlyPage(props: ForVisitors) {
  const location = useLocation();
  const here = () => location.pathname + location.search;
  return (
    <div class="page-narrow members-only-page">
      <DocumentTitle text={props.title} />
      <p class="members-only-kicker">{t('membersOnly.kicker')}</p>
      <StateMessage title={props.title} body={props.body} headingLevel={1}>
        <A class="button" href={signInHref(here())}>
          {t('membersOnly.signIn')}
        </A>
        <A class="button button-secondary" href={signUpHref(here())}>
          {t('membersOnly.signUp')}
        </A>
      </StateMessage>
      <p class="members-only-note">{t('membersOnly.comeBack')}</p>
    </div>
  );
}
