import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { formatDateTime } from '../../i18n/i18n.ts';
import { practiceHref } from '../practice/practice-links.ts';
import type { ReviewEvent } from './review.api.ts';
import { tr } from './review-text.ts';

const decisions = new Set(['PUBLISHED', 'RETURNED', 'DUPLICATE', 'EDIT_PUBLISHED', 'EDIT_RETURNED']);

/** Every step of a practice's review, oldest first: who did what, when, and why. */
export function ReviewHistory(props: { events: readonly ReviewEvent[] }) {
  return (
    <section class="card review-history" aria-labelledby="review-history-heading">
      <h2 id="review-history-heading" class="card-title">
        {tr('historyHeading')}
      </h2>
      <ol class="review-timeline">
        <For each={props.events}>
          {(event) => (
            <li class="review-step" data-kind={event.kind.toLowerCase()}>
              <p class="review-step-head">
                <strong>{tr(`event.${event.kind}`)}</strong>
                <span class="muted">
                  {' · '}
                  {event.actor.name}
                  {' · '}
                  <time datetime={event.createdAt}>{formatDateTime(event.createdAt)}</time>
                </span>
              </p>
              <Show when={event.reason}>
                <p class="review-step-reason" lang="vi">
                  {tr('stepReason', event.reason)}
                </p>
              </Show>
              <Show when={event.duplicateOf}>
                {(original) => (
                  <p>
                    {tr('duplicateOfLabel')} <A href={practiceHref(original().id)}>{original().title}</A>
                  </p>
                )}
              </Show>
              <Show when={event.kind === 'CORRECTED' && (event.from || event.to)}>
                <p class="review-step-change">{tr('changedFromTo', event.from ?? '—', event.to ?? '—')}</p>
              </Show>
              <Show when={decisions.has(event.kind)}>
                <p class="review-step-checklist muted">{event.checklist.length ? tr('checkedAtDecision', event.checklist.map((check) => tr(`check.${check}`)).join(', ')) : tr('nothingChecked')}</p>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}
