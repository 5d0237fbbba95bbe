import './moderation.css';
import { A, createAsync, useAction, useSearchParams } from '@solidjs/router';
import { createSignal, For, Match, Show, Suspense, Switch } from 'solid-js';
import { Tab, Tabs } from '../../components/tabs.tsx';
import { formatDateTime } from '../../i18n/i18n.ts';
import { threadHref } from '../discussion/discussion-links.ts';
import { practiceHref } from '../practice/practice-links.ts';
import { decideAction, getFlagQueue, type Decision, type QueueItem, type QueueState, type Target } from './flags.api.ts';
import { mt } from './moderation-text.ts';
import { InstantAction, ReasonAction } from './moderator-tools.tsx';

const STATES: Record<string, QueueState> = { awaiting: 'AWAITING', hidden: 'HIDDEN' };
const EMPTY = { OPEN: 'empty', AWAITING: 'emptyAwaiting', HIDDEN: 'emptyHidden' } as const;

/**
 * The flag queue: one row per flagged item, newest flagged first; or (?state=awaiting) new
 * members' posts waiting for approval; or (?state=hidden) what is hidden.
 */
export function FlagQueue() {
  const [params, setParams] = useSearchParams<{ state?: string; after?: string }>();
  const state = (): QueueState => STATES[params.state ?? ''] ?? 'OPEN';
  const page = createAsync(() => getFlagQueue(state(), params.after ?? null));
  return (
    <section class="flag-queue" aria-labelledby="flag-queue-heading">
      <h2 id="flag-queue-heading">{mt('heading')}</h2>
      <p class="muted">{state() === 'AWAITING' ? mt('introAwaiting') : mt('intro')}</p>
      <Tabs label={mt('heading')}>
        <Tab href="/staff/flags" current={state() === 'OPEN'}>
          {mt('states.open')}
        </Tab>
        <Tab href="/staff/flags?state=awaiting" current={state() === 'AWAITING'}>
          {mt('states.awaiting')}
        </Tab>
        <Tab href="/staff/flags?state=hidden" current={state() === 'HIDDEN'}>
          {mt('states.hidden')}
        </Tab>
      </Tabs>
      <Suspense>
        <Show when={page()}>
          {(loaded) => (
            <>
              <Show when={loaded().items.length} fallback={<p class="muted">{mt(EMPTY[state()])}</p>}>
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
  const run = (decision: Decision) => async (reason: string) => {
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
        <Show when={props.item.awaitingApproval && (props.item.reply ?? props.item.thread)?.createdAt}>{(sent) => mt('awaitingNote', formatDateTime(sent()))}</Show>
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
      <Show when={props.item.kind === 'THREAD' && props.item.awaitingApproval && props.item.thread?.author}>{(author) => <p class="muted">{author().name}</p>}</Show>
      {/* Sanitised by the server's one renderer. A new member's thread is read here before it is approved. */}
      <Show when={props.item.kind === 'REPLY' ? props.item.reply?.bodyHtml : props.item.awaitingApproval && props.item.thread?.bodyHtml}>
        {(html) => <div class="prose flag-queue-excerpt" lang="vi" innerHTML={html()} />}
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
          <Switch
            fallback={
              <>
                <ReasonAction label={mt('hide')} fullLabel={mt('actionLabel', mt('hide'), title())} danger run={run('hide')} />
                <ReasonAction label={mt('dismiss')} fullLabel={mt('actionLabel', mt('dismiss'), title())} run={run('dismiss')} />
              </>
            }
          >
            <Match when={props.item.awaitingApproval}>
              <InstantAction label={mt('approve')} fullLabel={mt('actionLabel', mt('approve'), title())} run={() => run('approve')('')} />
              <ReasonAction label={mt('reject')} fullLabel={mt('actionLabel', mt('reject'), title())} danger run={run('reject')} />
            </Match>
            <Match when={props.item.hidden}>
              <ReasonAction label={mt('restore')} fullLabel={mt('actionLabel', mt('restore'), title())} run={run('restore')} />
            </Match>
          </Switch>
        </Show>
      </div>
    </li>
  );
}
