import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { localName, t } from '../../i18n/i18n.ts';
import { MergedOrganizationHint, MergedPlaceHint } from '../expert/affiliation.tsx';
import { OrganizationIcon, PlaceIcon } from '../expert/expert-card.tsx';
import { FeaturedMark, StageYear } from './practice-badges.tsx';
import { placeHref } from '../place/place.api.ts';
import { topicHref } from '../topic/topic.api.ts';
import { practiceHref, type PracticeSummary } from './practice.api.ts';

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
        <p class="practice-card-summary" lang="vi">{props.practice.summary}</p>
      </Show>
      <dl class="expert-facts practice-card-facts">
        <Show when={props.practice.organization}>
          {(organization) => (
            <div class="fact">
              <dt class="visually-hidden">{t('practice.organization')}</dt>
              <dd>
                <OrganizationIcon />
                <span>
                  <span lang="vi">{organization().name}</span> <MergedOrganizationHint organization={organization()} />
                </span>
              </dd>
            </div>
          )}
        </Show>
        <Show when={props.practice.place}>
          {(place) => (
            <div class="fact">
              <dt class="visually-hidden">{t('practice.place')}</dt>
              <dd>
                <PlaceIcon />
                <span>
                  <A href={placeHref(place().code)}>{place().name}</A> <MergedPlaceHint place={place()} />
                </span>
              </dd>
            </div>
          )}
        </Show>
      </dl>
      <Show when={props.practice.topics.length}>
        <ul class="chip-list practice-card-topics" aria-label={t('practice.topics')}>
          <For each={props.practice.topics}>
            {(topic) => (
              <li>
                <A class="chip chip-link" href={topicHref(topic.slug)}>{localName(topic)}</A>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </article>
  );
}
