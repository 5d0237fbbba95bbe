import { createAsync } from '@solidjs/router';
import { Show } from 'solid-js';
import { ot } from './onboarding-text.ts';
import { getSimilarExperts } from './onboarding.api.ts';
import { SuggestionList } from './suggestion-list.tsx';

const SIMILAR_SHOWN = 4;

/** An expert's profile: people like them (members only; nothing when there is nobody). */
export function SimilarExperts(props: { handle: string }) {
  const similar = createAsync(() => getSimilarExperts(props.handle, SIMILAR_SHOWN));
  return (
    <Show when={similar()?.length}>
      <section class="profile-section" aria-labelledby="similar-experts">
        <h2 id="similar-experts">{ot('similarTitle')}</h2>
        <SuggestionList suggestions={similar()!} labelledBy="similar-experts" />
      </section>
    </Show>
  );
}
