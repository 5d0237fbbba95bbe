import './onboarding.css';
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { localName } from '../../i18n/i18n.ts';
import { ExpertAvatar } from '../expert/expert-avatar.tsx';
import { profileHref } from '../expert/expert-links.ts';
import { FollowButton } from '../follow/follow-buttons.tsx';
import { ot } from './onboarding-text.ts';
import type { Suggestion } from './onboarding.api.ts';

/** Why someone is suggested, as one phrase: "cùng chuyên môn An toàn thông tin, cùng tỉnh Quảng Ninh". */
export function reasonSentence(suggestion: Suggestion): string {
  const names = (items: { name: string; nameEn: string }[]) => items.map(localName).join(', ');
  return suggestion.reasons
    .map((reason) => {
      if (reason.kind === 'PLACE' || reason.kind === 'NEIGHBOUR') return ot(`reasons.${reason.kind}`, reason.place?.name ?? '');
      if (reason.kind === 'COHORT') return ot('reasons.COHORT', names(reason.cohorts));
      return ot(`reasons.${reason.kind}`, names(reason.topics));
    })
    .join(', ');
}

/** People worth knowing, each with why and a follow button. */
export function SuggestionList(props: { suggestions: Suggestion[]; labelledBy: string }) {
  return (
    <ul class="suggestion-list" aria-labelledby={props.labelledBy}>
      <For each={props.suggestions}>
        {(suggestion) => (
          <li class="suggestion">
            <ExpertAvatar name={suggestion.expert.name} handle={suggestion.expert.handle} url={suggestion.expert.avatarUrl} />
            <div class="suggestion-text">
              <A class="suggestion-name" href={profileHref(suggestion.expert.handle)}>
                {suggestion.expert.name}
              </A>
              <Show when={suggestion.expert.position}>
                <span class="suggestion-position" lang="vi">
                  {suggestion.expert.position}
                </span>
              </Show>
              <span class="suggestion-why">{reasonSentence(suggestion)}</span>
            </div>
            <FollowButton kind="expert" id={suggestion.expert.id} name={suggestion.expert.name} target={suggestion.expert} signedIn />
          </li>
        )}
      </For>
    </ul>
  );
}
