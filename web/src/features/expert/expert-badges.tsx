import { Show } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import type { Role } from '../account/account.api.ts';

/** The "Chuyên gia" badge: recognised by a curator as part of the expert network. */
export function VerifiedBadge(props: { verified: boolean; size?: 'small' }) {
  return (
    <Show when={props.verified}>
      <span class="verified-badge" classList={{ 'is-small': props.size === 'small' }} title={t('badge.verifiedTitle')}>
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path d="M8 1.2 9.7 2.6l2.2-.2.6 2.1 1.9 1.1-.8 2.1.8 2.1-1.9 1.1-.6 2.1-2.2-.2L8 14.8l-1.7-1.4-2.2.2-.6-2.1-1.9-1.1.8-2.1-.8-2.1 1.9-1.1.6-2.1 2.2.2Z" fill="currentColor" />
          <path d="m5.4 8.1 1.8 1.8 3.4-3.6" fill="none" stroke="#fff" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
        {t('badge.verified')}
      </span>
    </Show>
  );
}

/** A staff role (curator, moderator, administrator); members get none. */
export function RoleBadge(props: { role: Role }) {
  return (
    <Show when={props.role !== 'MEMBER'}>
      <span class="role-badge" data-role={props.role.toLowerCase()}>
        {t(`roles.${props.role}`)}
      </span>
    </Show>
  );
}
