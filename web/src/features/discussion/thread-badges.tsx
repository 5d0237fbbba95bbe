import { t } from '../../i18n/i18n.ts';
import type { ThreadKind } from './thread-params.ts';

/** "Question" or "Discussion", as a small label. */
export function KindBadge(props: { kind: ThreadKind }) {
  return (
    <span class="kind-badge" classList={{ 'is-question': props.kind === 'QUESTION' }}>
      {t(`discussion.kind.${props.kind}`)}
    </span>
  );
}

export function CheckIcon() {
  return (
    <svg class="check-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path d="M3 8.5 6.5 12 13 4.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}
