import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { localName, t } from '../../i18n/i18n.ts';
import { MergedOrganizationHint, MergedPlaceHint } from './affiliation.tsx';
import { ExpertAvatar } from './expert-avatar.tsx';
import { VerifiedBadge } from './expert-badges.tsx';
import type { ExpertSummary } from './expert.api.ts';
import { profileHref } from './expert.api.ts';

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
            <p class="expert-position" lang="vi">{props.expert.position}</p>
          </Show>
        </div>
      </div>
      <dl class="expert-facts">
        <Show when={props.expert.organization}>
          {(organization) => (
            <div class="fact">
              <dt class="visually-hidden">{t('expert.organization')}</dt>
              <dd>
                <OrganizationIcon />
                <span>
                  <span lang="vi">{organization().name}</span> <MergedOrganizationHint organization={organization()} />
                </span>
              </dd>
            </div>
          )}
        </Show>
        <Show when={props.expert.place}>
          {(place) => (
            <div class="fact">
              <dt class="visually-hidden">{t('expert.place')}</dt>
              <dd>
                <PlaceIcon />
                <span>
                  {place().name} <MergedPlaceHint place={place()} />
                </span>
              </dd>
            </div>
          )}
        </Show>
      </dl>
      <Show when={props.expert.specialties.length}>
        <ul class="chip-list" aria-label={t('expert.specialties')}>
          <For each={props.expert.specialties}>{(topic) => <li class="chip">{localName(topic)}</li>}</For>
        </ul>
      </Show>
      <Show when={props.expert.cohorts.length}>
        <ul class="badge-list" aria-label={t('expert.cohorts')}>
          <For each={props.expert.cohorts}>
            {(cohort) => <li class="badge">{t('expert.cohortBadge', localName(cohort), cohort.year)}</li>}
          </For>
        </ul>
      </Show>
    </article>
  );
}

export function OrganizationIcon() {
  return (
    <svg class="fact-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <path d="M2 14.5h12M3 14.5V6.5l5-3 5 3v8M5.5 8v4M8 8v4M10.5 8v4" fill="none" stroke="currentColor" stroke-width="1.3" stroke-linejoin="round" stroke-linecap="round" />
    </svg>
  );
}

export function PlaceIcon() {
  return (
    <svg class="fact-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <path d="M8 14.5s4.5-4.2 4.5-8A4.5 4.5 0 0 0 3.5 6.5c0 3.8 4.5 8 4.5 8Z" fill="none" stroke="currentColor" stroke-width="1.3" stroke-linejoin="round" />
      <circle cx="8" cy="6.5" r="1.6" fill="currentColor" />
    </svg>
  );
}
