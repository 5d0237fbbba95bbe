import { createAsync } from '@solidjs/router';
import { Show } from 'solid-js';
import { ot } from '../onboarding/onboarding-text.ts';
import { getSuggestedExperts } from '../onboarding/onboarding.api.ts';
import { SuggestionList } from '../onboarding/suggestion-list.tsx';
import { BrowseSection } from '../topic/browse-sections.tsx';

/** How many people the home page suggests (the directory has everyone). */
export const HOME_SUGGESTIONS = 4;

/** "People you should know" on a member's home page: a few, with why, follow buttons and the directory. */
export function HomeSuggestions() {
  const suggestions = createAsync(() => getSuggestedExperts(HOME_SUGGESTIONS));
  return (
    <Show when={suggestions()?.length}>
      <BrowseSection id="home-people" title={ot('homeTitle')} more={{ href: '/experts', label: ot('directory') }}>
        <SuggestionList suggestions={suggestions()!} labelledBy="home-people" />
      </BrowseSection>
    </Show>
  );
}
