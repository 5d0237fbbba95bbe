import { Show } from 'solid-js';
import { t } from '../../i18n/i18n.ts';

interface PlaceLike {
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
  return (
    <Show when={!props.place.current && props.place.successor}>
      {(successor) => <span class="merged-hint">{t('expert.placeNowPartOf', successor().name)}</span>}
    </Show>
  );
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
