import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { localName, t } from '../../i18n/i18n.ts';
import { groupHref } from '../group/group.api.ts';
import { gt } from '../group/group-text.ts';
import type { ThreadKind } from './thread-params.ts';

/** "Question" or "Discussion", as a small label. */
export function KindBadge(props: { kind: ThreadKind }) {
  return (
    <span class="kind-badge" classList={{ 'is-question': props.kind === 'QUESTION' }}>
      {t(`discussion.kind.${props.kind}`)}
    </span>
  );
}

/** The working group's group a thread belongs to, as a chip linking to it: "members of X only" when only they read it. */
export function GroupBadge(props: { thread: { membersOnly: boolean; group: { slug: string; name: string; nameEn: string } | null } }) {
  return (
    <Show when={props.thread.group}>
      {(group) => (
        <A class="chip chip-link group-only-badge" classList={{ 'is-members-only': props.thread.membersOnly }} href={groupHref(group().slug)}>
          {props.thread.membersOnly ? gt('badge', localName(group())) : localName(group())}
        </A>
      )}
    </Show>
  );
}

export function CheckIcon() {
  return (
    <svg class="check-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path d="M3 8.5 6.5 12 13 4.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}
