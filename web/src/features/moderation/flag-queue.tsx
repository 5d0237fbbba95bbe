import './moderation.css';
import { A, createAsync, useAction, useSearchParams } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { Tab, Tabs } from '../../components/tabs.tsx';
import { formatDateTime } from '../../i18n/i18n.ts';
import { threadHref } from '../discussion/discussion-links.ts';
import { practiceHref } from '../practice/practice-links.ts';
import { decideAction, getFlagQueue, type QueueItem, type QueueState, type Target } from './flags.api.ts';
import { mt } from './moderation-text.ts';
import { ReasonAction } from './moderator-tools.tsx';

/** The flag queue: one row per flagged item, newest flagged first; or (?state=hidden) what is hidden. */
export function FlagQueue() {
  const [params, setParams] = useSearchParams<{ state?: string; after?: string }>();
  const state = (): QueueState => (params.state === 'hidden' ? 'HIDDEN' : 'OPEN');
  const page = createAsync(() => getFlagQueue(state(), params.after ?? null));
  return (
    <section class="flag-queue" aria-labelledby="flag-queue-heading">
      <h2 id="flag-queue-heading">{mt('heading')}</h2>
      <p class="muted">{mt('intro')}</p>
      <Tabs label={mt('heading')}>
        <Tab href="/staff/flags" current={state() === 'OPEN'}>
          {mt('states.open')}
        </Tab>
        <Tab href="/staff/flags?state=hidden" current={state() === 'HIDDEN'}>
          {mt('states.hidden')}
        </Tab>
      </Tabs>
      <Suspense>
        <Show when={page()}>
          {(loaded) => (
            <>
              <Show when={loaded().items.length} fallback={<p class="muted">{state() === 'OPEN' ? mt('empty') : mt('emptyHidden')}</p>}>
                <ol class="flag-queue-list">
                  <For each={loaded().items}>{(item) => <QueueRow item={item} />}</For>
                </ol>
              </Show>
              <Show when={loaded().pageInfo.hasNextPage}>
                <button type="button" class="button button-secondary" onClick={() => setParams({ after: loaded().pageInfo.endCursor ?? undefined })}>
                  {mt('more')}
                </button>
              </Show>
            </>
          )}
        </Show>
      </Suspense>
    </section>
  );
}

const targetOf = (item: QueueItem): Target => (item.kind === 'PRACTICE' ? { practiceId: item.practice!.id } : item.kind === 'THREAD' ? { threadId: item.thread!.id } : { replyId: item.reply!.id });

/** Where the item is read: the practice's page, the thread, or the reply in its thread. */
const hrefOf = (item: QueueItem) =>
  item.kind === 'PRACTICE' ? practiceHref(item.practice!.id) : item.kind === 'REPLY' ? `${threadHref(item.thread!.id)}#reply-${item.reply!.id}` : threadHref(item.thread!.id);

function QueueRow(props: { item: QueueItem }) {
  const decide = useAction(decideAction);
  const [done, setDone] = createSignal(false);
  const title = () => (props.item.kind === 'PRACTICE' ? props.item.practice?.title : props.item.thread?.title) ?? '';
  const run = (decision: 'hide' | 'dismiss' | 'restore') => async (reason: string) => {
    const outcome = await decide(decision, targetOf(props.item), reason, props.item.thread?.id ?? null);
    if (outcome.ok) setDone(true);
    return outcome;
  };
  return (
    <li class="flag-queue-item" aria-label={`${mt(`kinds.${props.item.kind}`)}: ${title()}`}>
      <p class="flag-queue-kind">
        <span class="chip">{mt(`kinds.${props.item.kind}`)}</span>{' '}
        <Show when={props.item.flaggerCount}>
          <strong>{mt('flaggers', props.item.flaggerCount)}</strong>
        </Show>
        <Show when={props.item.firstFlaggedAt && props.item.lastFlaggedAt}>
          {' · '}
          {mt('period', formatDateTime(props.item.firstFlaggedAt!), formatDateTime(props.item.lastFlaggedAt!))}
        </Show>
      </p>
      <h3 class="flag-queue-title" lang="vi">
        <Show when={props.item.kind === 'REPLY'} fallback={title()}>
          {props.item.reply?.author?.name ?? ''} {mt('inThread', title())}
        </Show>
      </h3>
      <Show when={props.item.kind === 'REPLY' && props.item.reply?.bodyHtml}>
        {/* Sanitised by the server's one renderer. */}
        <div class="prose flag-queue-excerpt" lang="vi" innerHTML={props.item.reply!.bodyHtml!} />
      </Show>
      <Show when={props.item.reasonCounts.length}>
        <ul class="chip-list flag-queue-reasons">
          <For each={props.item.reasonCounts}>
            {(count) => (
              <li class="chip">
                {mt(`reasons.${count.reason}`)}: {count.count}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.item.flags.some((flag) => flag.note)}>
        <details class="flag-queue-notes">
          <summary>{mt('notes')}</summary>
          <ul>
            <For each={props.item.flags.filter((flag) => flag.note)}>
              {(flag) => (
                <li>
                  <span lang="vi">{flag.note}</span> <span class="muted">({flag.flagger.name})</span>
                </li>
              )}
            </For>
          </ul>
        </details>
      </Show>
      <Show when={props.item.hidden && props.item.decidedBy && props.item.decidedAt}>
        <p class="muted">
          {mt('decided', props.item.decidedBy!.name, formatDateTime(props.item.decidedAt!))}: <span lang="vi">{props.item.decisionReason}</span>
        </p>
      </Show>
      <div class="flag-queue-actions">
        <A class="button button-small button-secondary" href={hrefOf(props.item)}>
          {mt('open')}
        </A>
        <Show when={!done()} fallback={<span role="status">{mt('done')}</span>}>
          <Show
            when={props.item.hidden}
            fallback={
              <>
                <ReasonAction label={mt('hide')} fullLabel={mt('actionLabel', mt('hide'), title())} danger run={run('hide')} />
                <ReasonAction label={mt('dismiss')} fullLabel={mt('actionLabel', mt('dismiss'), title())} run={run('dismiss')} />
              </>
            }
          >
            <ReasonAction label={mt('restore')} fullLabel={mt('actionLabel', mt('restore'), title())} run={run('restore')} />
          </Show>
        </Show>
      </div>
    </li>
  );
}
