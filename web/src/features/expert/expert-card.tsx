import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { localName, t } from '../../i18n/i18n.ts';
import { AffiliationFacts } from './affiliation.tsx';
import { ExpertAvatar } from './expert-avatar.tsx';
import { VerifiedBadge } from './expert-badges.tsx';
import type { ExpertSummary } from './expert.api.ts';
import { profileHref } from './expert-links.ts';

/** One person in the directory; the name links to the profile. */
export function ExpertCard(props: { expert: ExpertSummary }) {
  return (
    <article class="expert-card">
      <div class="expert-card-head">
        <ExpertAvatar name={props.expert.name} handle={props.expert.handle} url={props.expert.avatarUrl} />
        <div class="expert-card-identity">
          <h3 class="expert-name">
            <A href={profileHref(props.expert.handle)}>{props.expert.name}</A>
          </h3>
          <VerifiedBadge verified={props.expert.verified} size="small" />
          <Show when={props.expert.position}>
            <p class="expert-position" lang="vi">
              {props.expert.position}
            </p>
          </Show>
        </div>
      </div>
      <AffiliationFacts class="expert-facts" organization={props.expert.organization} place={props.expert.place} labels={{ organization: t('expert.organization'), place: t('expert.place') }} />
      <Show when={props.expert.specialties.length}>
        <ul class="chip-list" aria-label={t('expert.specialties')}>
          <For each={props.expert.specialties}>{(topic) => <li class="chip">{localName(topic)}</li>}</For>
        </ul>
      </Show>
      <Show when={props.expert.cohorts.length}>
        <ul class="badge-list" aria-label={t('expert.cohorts')}>
          <For each={props.expert.cohorts}>{(cohort) => <li class="badge">{t('expert.cohortBadge', localName(cohort), cohort.year)}</li>}</For>
        </ul>
      </Show>
    </article>
  );
}
