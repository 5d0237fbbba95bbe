import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { localName, t } from '../../i18n/i18n.ts';
import { AffiliationFacts } from '../expert/affiliation.tsx';
import { FeaturedMark, StageYear } from './practice-badges.tsx';
import { placeHref } from '../place/place-links.ts';
import { topicHref } from '../topic/topic.api.ts';
import { practiceHref } from './practice-links.ts';
import type { PracticeSummary } from './practice-list.api.ts';

/** A practice card's placeholder while a list loads. */
export function PracticeCardSkeleton() {
  return (
    <div class="practice-card skeleton-card">
      <span class="skeleton skeleton-line skeleton-short" />
      <span class="skeleton skeleton-line skeleton-title" />
      <span class="skeleton skeleton-line" />
      <span class="skeleton skeleton-line" />
      <span class="skeleton skeleton-chips" />
    </div>
  );
}

/** One published practice in the list; the title links to its page. */
export function PracticeCard(props: { practice: PracticeSummary }) {
  return (
    <article class="practice-card" classList={{ 'is-featured': props.practice.featured }}>
      <div class="practice-card-top">
        <StageYear stage={props.practice.stage} year={props.practice.year} />
        <FeaturedMark featured={props.practice.featured} />
      </div>
      <h3 class="practice-card-title" lang="vi">
        <A href={practiceHref(props.practice.id)}>{props.practice.title}</A>
      </h3>
      <Show when={props.practice.summary}>
        <p class="practice-card-summary" lang="vi">
          {props.practice.summary}
        </p>
      </Show>
      <AffiliationFacts
        class="expert-facts practice-card-facts"
        organization={props.practice.organization}
        place={props.practice.place}
        labels={{ organization: t('practice.organization'), place: t('practice.place') }}
        placeHref={placeHref}
      />
      <Show when={props.practice.topics.length}>
        <ul class="chip-list practice-card-topics" aria-label={t('practice.topics')}>
          <For each={props.practice.topics}>
            {(topic) => (
              <li>
                <A class="chip chip-link" href={topicHref(topic.slug)}>
                  {localName(topic)}
                </A>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </article>
  );
}
