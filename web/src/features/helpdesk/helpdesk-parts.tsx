import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { formatDateTime, localName } from '../../i18n/i18n.ts';
import type { HelpdeskRequest, HelpdeskStatus } from './helpdesk.api.ts';
import { ht } from './helpdesk-text.ts';

/** The groups as a select's options, `chosen` selected (set on the option: the options may come after the select's value). */
export function GroupOptions(props: { groups: readonly { slug: string; name: string; nameEn: string }[]; chosen: string }) {
  return (
    <For each={props.groups}>
      {(g) => (
        <option value={g.slug} selected={g.slug === props.chosen}>
          {localName(g)}
        </option>
      )}
    </For>
  );
}

/** A request's status as a chip, its colour by status. */
export function StatusChip(props: { status: HelpdeskStatus }) {
  return <span class={`chip helpdesk-status helpdesk-status-${props.status.toLowerCase()}`}>{ht(`status.${props.status}`)}</span>;
}

/** One request in a list: its question, status, organisation, group and how long it has waited. */
export function RequestRow(props: { request: HelpdeskRequest; note?: string }) {
  return (
    <li class="helpdesk-row">
      <div class="helpdesk-row-head">
        <StatusChip status={props.request.status} />
        <Show when={props.request.thread} fallback={<span lang="vi">—</span>}>
          {(thread) => (
            <A href={`/threads/${thread().id}`} lang="vi">
              {thread().title}
            </A>
          )}
        </Show>
      </div>
      <p class="helpdesk-row-meta muted">
        {props.request.organization.name} · {ht('openedAt')} <time datetime={props.request.openedAt}>{formatDateTime(props.request.openedAt)}</time>
        <Show when={props.request.group}>{(group) => <> · {localName(group())}</>}</Show>
        <Show when={props.request.assignee}>{(assignee) => <> · {assignee().name}</>}</Show>
        <Show when={props.request.status !== 'CLOSED'}> · {ht('waited', ht('hours', props.request.serviceHoursOpen))}</Show>
        <Show when={props.note}> · {props.note}</Show>
      </p>
    </li>
  );
}
