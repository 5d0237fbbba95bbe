import './account.css';
import { A } from '@solidjs/router';
import { Match, Switch, createEffect, createResource } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { formErrorText, problemOf } from '../../lib/form.ts';
import { verifyEmail } from './email.api.ts';
import { et } from './email-text.ts';
import { useLinkToken } from './link-token.ts';

/** /verify-email#<token>: confirms the address as the page opens (the token is in the fragment, read only here). */
export default function VerifyEmailPage() {
  const token = useLinkToken();
  // A link without a token is sent too: the API answers it as a used link.
  const [outcome] = createResource(
    () => (token() === undefined ? false : { token: token()! }),
    (source) => verifyEmail(source.token),
  );
  let focused = false;
  // The result replaces the page's heading: move focus to it once, for screen readers.
  createEffect(() => {
    if (outcome() && !focused) {
      focused = true;
      queueMicrotask(() => document.getElementById('page-title')?.focus());
    }
  });
  const failure = () => problemOf(outcome());

  return (
    <div class="page-narrow">
      <DocumentTitle text={et('verifyTitle')} />
      <Switch fallback={<StateMessage title={et('verifying')} headingLevel={1} />}>
        <Match when={outcome()?.ok}>
          <StateMessage title={et('verified')} body={et('verifiedBody')} headingLevel={1}>
            <A class="button" href="/">
              {et('continue')}
            </A>
          </StateMessage>
        </Match>
        <Match when={failure()?.fields.token === 'EXPIRED'}>
          <StateMessage title={et('linkExpiredTitle')} body={et('linkExpiredVerify')} tone="error" headingLevel={1}>
            <A class="button" href="/settings/security">
              {et('continue')}
            </A>
          </StateMessage>
        </Match>
        <Match when={failure()}>{(problem) => <StateMessage title={et('verifyTitle')} body={formErrorText(problem().form ?? { code: 'UNKNOWN' })} tone="error" headingLevel={1} />}</Match>
      </Switch>
    </div>
  );
}
