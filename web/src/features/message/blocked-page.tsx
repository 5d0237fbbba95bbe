import { A, createAsync, revalidate } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { formatDate, t } from '../../i18n/i18n.ts';
import { profileHref } from '../expert/expert-links.ts';
import { getBlockedExperts, getMessagingState, unblockExpert } from './message.api.ts';
import { mt } from './message-text.ts';

/** /settings/blocked: the people the viewer blocked, each with "Unblock". */
export default function BlockedPage() {
  const blocked = createAsync(() => getBlockedExperts());
  const unblock = async (id: string, handle: string) => {
    await unblockExpert(id);
    await revalidate([getBlockedExperts.key, getMessagingState.keyFor(handle)]);
  };
  return (
    <section aria-labelledby="blocked-title">
      <DocumentTitle text={mt('blockedTab')} />
      <h2 id="blocked-title">{mt('blockedTab')}</h2>
      <p class="muted">{mt('blockedIntro')}</p>
      <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
        <Show when={blocked()?.length} fallback={<p>{mt('blockedEmpty')}</p>}>
          <ul class="blocked-list">
            <For each={blocked()}>
              {(block) => (
                <li>
                  <A href={profileHref(block.expert.handle)}>{block.expert.name}</A> <span class="muted">{formatDate(block.since)}</span>{' '}
                  <button type="button" class="button button-secondary" onClick={() => unblock(block.expert.id, block.expert.handle)}>
                    {mt('unblock')}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Suspense>
    </section>
  );
}
