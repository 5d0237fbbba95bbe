import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { t } from '../../i18n/i18n.ts';

interface PlaceLike {
  code?: string;
  name: string;
  current: boolean;
  successor?: { name: string } | null;
}

interface OrganizationLike {
  name: string;
  current: boolean;
  successor?: { name: string } | null;
}

/**
 * A place as recorded, with where it is now when it was merged away in 2025
 * ("Quảng Nam, nay thuộc Đà Nẵng"), since filters and people know the new units.
 */
export function MergedPlaceHint(props: { place: PlaceLike }) {
  return <Show when={!props.place.current && props.place.successor}>{(successor) => <span class="merged-hint">{t('expert.placeNowPartOf', successor().name)}</span>}</Show>;
}

/** An organisation merged into another keeps its name on old records; say what it is now. */
export function MergedOrganizationHint(props: { organization: OrganizationLike }) {
  return (
    <Show when={!props.organization.current && props.organization.successor}>
      {(successor) => (
        <span class="merged-hint merged-hint-block">
          <span aria-hidden="true">↳ </span>
          {t('expert.organizationNow', successor().name)}
        </span>
      )}
    </Show>
  );
}

/**
 * Where a person or a practice belongs, as a card shows it: the organisation and the place, each
 * as recorded with what it is now. `placeHref` makes the place a link.
 */
export function AffiliationFacts(props: {
  class: string;
  organization: OrganizationLike | null | undefined;
  place: (PlaceLike & { code: string }) | null | undefined;
  labels: { organization: string; place: string };
  placeHref?: (code: string) => string;
}) {
  return (
    <dl class={props.class}>
      <Show when={props.organization}>
        {(organization) => (
          <div class="fact">
            <dt class="visually-hidden">{props.labels.organization}</dt>
            <dd>
              <OrganizationIcon />
              <span>
                <span lang="vi">{organization().name}</span> <MergedOrganizationHint organization={organization()} />
              </span>
            </dd>
          </div>
        )}
      </Show>
      <Show when={props.place}>
        {(place) => (
          <div class="fact">
            <dt class="visually-hidden">{props.labels.place}</dt>
            <dd>
              <PlaceIcon />
              <span>
                <Show when={props.placeHref} fallback={place().name}>
                  {(href) => <A href={href()(place().code)}>{place().name}</A>}
                </Show>{' '}
                <MergedPlaceHint place={place()} />
              </span>
            </dd>
          </div>
        )}
      </Show>
    </dl>
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
