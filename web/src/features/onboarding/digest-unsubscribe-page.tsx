import { useAction } from '@solidjs/router';
import { createSignal, Match, Switch } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { ot } from './onboarding-text.ts';
import { unsubscribeAction } from './onboarding.api.ts';

/**
 * `/digest/unsubscribe#<token>`: the link at the bottom of each weekly digest. The token travels
 * in the fragment (never sent to a server's logs) and is used only when the person presses the
 * button, so that a mail scanner opening the link changes nothing.
 */
export default function DigestUnsubscribePage() {
  const token = location.hash.slice(1);
  const unsubscribe = useAction(unsubscribeAction);
  const [state, setState] = createSignal<'ready' | 'pending' | 'done' | 'invalid'>(token ? 'ready' : 'invalid');
  const submit = async () => {
    setState('pending');
    const outcome = await unsubscribe(token);
    setState(outcome.ok ? 'done' : 'invalid');
  };
  return (
    <div class="page-narrow">
      <DocumentTitle text={ot('unsubscribeTitle')} />
      <Switch>
        <Match when={state() === 'done'}>
          <StateMessage title={ot('unsubscribeTitle')} body={ot('unsubscribed')} headingLevel={1} />
        </Match>
        <Match when={state() === 'invalid'}>
          <StateMessage title={ot('unsubscribeTitle')} body={ot('unsubscribeInvalid')} tone="error" headingLevel={1} />
        </Match>
        <Match when={state() === 'ready' || state() === 'pending'}>
          <StateMessage title={ot('unsubscribeTitle')} body={ot('unsubscribeBody')} headingLevel={1}>
            <button type="button" class="button" disabled={state() === 'pending'} onClick={submit}>
              {ot('unsubscribeButton')}
            </button>
          </StateMessage>
        </Match>
      </Switch>
    </div>
  );
}
