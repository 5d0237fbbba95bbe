import { A, createAsync, revalidate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { blockExpert, getBlockedExperts, getMessagingState, unblockExpert } from './message.api.ts';
import { conversationHref } from './message-links.ts';
import { mt } from './message-text.ts';

/** On someone else's profile: "Message" (their conversation, or a new one) and "Block" / "Unblock". */
export function ProfileMessageButtons(props: { handle: string; name: string }) {
  const state = createAsync(() => getMessagingState(props.handle).catch(() => null));
  const [busy, setBusy] = createSignal(false);
  const toggleBlock = async () => {
    const current = state();
    if (!current) return;
    if (!current.viewerBlocked && !window.confirm(mt('blockConfirm', props.name))) return;
    setBusy(true);
    try {
      await (current.viewerBlocked ? unblockExpert(current.id) : blockExpert(current.id));
      await revalidate([getMessagingState.keyFor(props.handle), getBlockedExperts.key]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Show when={state()}>
      {(current) => (
        <>
          <Show when={!current().viewerBlocked} fallback={<span class="muted">{mt('blockedNote')}</span>}>
            <A class="button" href={current().viewerConversationId ? conversationHref(current().viewerConversationId!) : `/messages/new?to=${encodeURIComponent(props.handle)}`}>
              {mt('messageButton')}
            </A>
          </Show>
          <button type="button" class="button button-secondary" disabled={busy()} onClick={toggleBlock}>
            {current().viewerBlocked ? mt('unblock') : mt('block')}
          </button>
        </>
      )}
    </Show>
  );
}
