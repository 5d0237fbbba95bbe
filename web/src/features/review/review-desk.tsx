import './review.css';
import { A, createAsync, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show, Suspense } from 'solid-js';
import { FormAlert } from '../../components/form-field.tsx';
import { Tab, Tabs } from '../../components/tabs.tsx';
import { formatDate, formatDateTime, localName, t } from '../../i18n/i18n.ts';
import { useFormSubmission, problemOf } from '../../lib/form.ts';
import { createViewer } from '../account/account.api.ts';
import { PlaceOptions, SelectField, TopicOptions } from '../expert/directory-filters.tsx';
import { StageYear } from '../practice/practice-badges.tsx';
import { practiceHref } from '../practice/practice-links.ts';
import { CLAIM_FILTERS, claimAction, getReviewDesk, getReviewQueue, reviewQueueFilterOf, type ClaimFilter, type QueuedPractice, type ReviewQueueFilter } from './review.api.ts';
import { tr } from './review-text.ts';
import { te } from './edit-review-text.ts';

/**
 * The review desk (/staff/practices): its figures, the queue of submitted practices (oldest
 * first) filtered by claim, topic and place (kept in the address), who has claimed each, and a
 * button to claim one. Each practice is decided on its own page, where it can be read in full.
 */
export function ReviewDesk() {
  const [search, setSearch] = useSearchParams();
  const filter = () => reviewQueueFilterOf(search);
  const [cursors, setCursors] = createSignal<(string | null)[]>([null]);
  createEffect(
    on(
      () => JSON.stringify(filter()),
      () => setCursors([null]),
      { defer: true },
    ),
  );
  const first = createAsync(() => getReviewQueue(filter(), null));
  // A tab keeps the other filters; "all" leaves the parameter out.
  const claimHref = (claim: ClaimFilter, kind = filter().kind) => {
    const params = new URLSearchParams();
    if (kind === 'EDIT') params.set('kind', 'edit');
    if (claim !== 'ANY') params.set('claim', claim.toLowerCase());
    if (filter().topic) params.set('topic', filter().topic!);
    if (filter().place) params.set('place', filter().place!);
    const query = params.toString();
    return `/staff/practices${query ? `?${query}` : ''}`;
  };

  return (
    <section class="card review-desk" aria-labelledby="practice-queue-heading">
      <h2 id="practice-queue-heading" class="card-title">
        {tr('heading')}
      </h2>
      <p class="card-intro">{tr('intro')}</p>
      <DeskFigures />
      {/* Edits of published practices are a queue of their own (practicesToReview kind EDIT). */}
      <Tabs label={te('deskKinds')}>
        <Tab href={claimHref(filter().claim, 'NEW')} current={filter().kind === 'NEW'}>
          {te('deskNew')}
        </Tab>
        <Tab href={claimHref(filter().claim, 'EDIT')} current={filter().kind === 'EDIT'}>
          {te('deskTab')}
        </Tab>
      </Tabs>
      <Tabs label={tr('claimFilter')}>
        <For each={CLAIM_FILTERS}>
          {(claim) => (
            <Tab href={claimHref(claim)} current={filter().claim === claim}>
              {tr(`claim.${claim}`)}
            </Tab>
          )}
        </For>
      </Tabs>
      <div class="review-filters">
        <SelectField id="review-topic" label={t('practices.topic')} allLabel={t('practices.allTopics')} selected={filter().topic} onChange={(topic) => setSearch({ topic })}>
          <TopicOptions selected={filter().topic} />
        </SelectField>
        <SelectField id="review-place" label={t('directory.place')} allLabel={t('directory.allPlaces')} selected={filter().place} onChange={(place) => setSearch({ place })}>
          <PlaceOptions selected={filter().place} />
        </SelectField>
      </div>
      <Suspense fallback={<p class="muted">{t('app.loading')}</p>}>
        <Show when={first()}>
          {(page) => (
            <p class="result-count practice-queue-count" role="status">
              {tr('count', page().totalCount)}
            </p>
          )}
        </Show>
        <For each={cursors()}>{(cursor, index) => <QueuePage filter={filter()} after={cursor} last={index() === cursors().length - 1} onMore={(next) => setCursors([...cursors(), next])} />}</For>
      </Suspense>
    </section>
  );
}

/** Hours as people say them: "5,5 giờ" under two days, else days. */
const waitText = (hours: number) => (hours < 48 ? tr('hours', hours) : tr('days', Math.round((hours / 24) * 10) / 10));

function DeskFigures() {
  const desk = createAsync(() => getReviewDesk());
  return (
    <Show when={desk()}>
      {(figures) => (
        <dl class="review-figures">
          <div>
            <dt>{tr('waiting')}</dt>
            <dd>{figures().waiting}</dd>
          </div>
          <div>
            <dt>{tr('unclaimed')}</dt>
            <dd>{figures().unclaimed}</dd>
          </div>
          <div>
            <dt>{tr('mine')}</dt>
            <dd>{figures().claimedByViewer}</dd>
          </div>
          <div>
            <dt>{tr('returned')}</dt>
            <dd>{figures().returned}</dd>
          </div>
          <div>
            <dt>{te('deskEditsWaiting')}</dt>
            <dd>{figures().editsWaiting}</dd>
          </div>
          <div class="review-figure-wide">
            <dt>{tr('median')}</dt>
            <dd>
              {figures().medianDecisionHours === null ? '—' : waitText(figures().medianDecisionHours!)}
              <span class="review-figure-note">{tr('medianBasis', figures().decisionsCounted)}</span>
            </dd>
          </div>
        </dl>
      )}
    </Show>
  );
}

function QueuePage(props: { filter: ReviewQueueFilter; after: string | null; last: boolean; onMore: (cursor: string) => void }) {
  const page = createAsync(() => getReviewQueue(props.filter, props.after));
  return (
    <Show when={page()}>
      {(loaded) => (
        <>
          <Show when={props.after === null && !loaded().edges.length}>
            <p class="empty-note">{tr('empty')}</p>
          </Show>
          <ul class="queue-list">
            <For each={loaded().edges}>{(edge) => <QueueItem practice={edge.node} />}</For>
          </ul>
          <Show when={props.last && loaded().pageInfo.hasNextPage && loaded().pageInfo.endCursor}>
            {(cursor) => (
              <button type="button" class="button button-secondary queue-more" onClick={() => props.onMore(cursor())}>
                {tr('more')}
              </button>
            )}
          </Show>
        </>
      )}
    </Show>
  );
}

function QueueItem(props: { practice: QueuedPractice }) {
  const viewer = createViewer();
  const where = () => [props.practice.organization?.name, props.practice.place?.name].filter(Boolean).join(' · ');
  const claim = () => props.practice.reviewClaim;
  const mine = () => claim()?.curator.id === viewer()?.id;
  const own = () => props.practice.authors.some((author) => author.id === viewer()?.id);
  const claiming = useFormSubmission(claimAction, ([form]) => form.get('id') === props.practice.id);
  const problem = () => problemOf(claiming.result);
  return (
    <li class="queue-item">
      <article class="practice-queue-item" aria-labelledby={`review-${props.practice.id}`}>
        <header>
          <h3 id={`review-${props.practice.id}`} class="queue-item-name" lang="vi">
            <A href={practiceHref(props.practice.id)}>{props.practice.title}</A>
          </h3>
          <p class="queue-item-meta">
            <Show when={props.practice.pendingEdit?.submittedAt} fallback={<Show when={props.practice.submittedAt}>{(at) => <span>{tr('submitted', formatDate(at()))}</span>}</Show>}>
              {(at) => <span>{te('editSubmitted', formatDate(at()))}</span>}
            </Show>
            <span>{tr('authors', props.practice.authors.map((author) => author.name).join(', '))}</span>
            <StageYear stage={props.practice.stage} year={props.practice.year} />
          </p>
        </header>
        <Show when={where()}>
          <p class="muted practice-queue-where" lang="vi">
            {where()}
          </p>
        </Show>
        <Show when={props.practice.summary}>
          <p class="request-statement" lang="vi">
            {props.practice.summary}
          </p>
        </Show>
        <Show when={props.practice.topics.length}>
          <ul class="chip-list">
            <For each={props.practice.topics}>{(topic) => <li class="chip">{localName(topic)}</li>}</For>
          </ul>
        </Show>
        <p class="review-claim-state" classList={{ 'is-unclaimed': !claim(), 'is-mine': mine() }}>
          <Show when={claim()} fallback={tr('nobody')}>
            {(held) => <>{mine() ? tr('claimedByYou', formatDateTime(held().claimedAt)) : tr('claimedBy', held().curator.name, formatDateTime(held().claimedAt))}</>}
          </Show>
        </p>
        <FormAlert problem={problem()} />
        <div class="button-row">
          <Show when={!claim() && !own()}>
            <form action={claimAction} method="post">
              <input type="hidden" name="id" value={props.practice.id} />
              <input type="hidden" name="step" value="claim" />
              <button type="submit" class="button button-small" disabled={claiming.pending} aria-label={tr('claimLabel', props.practice.title)}>
                {claiming.pending ? t('form.sending') : tr('claimAction')}
              </button>
            </form>
          </Show>
          <A class="button button-small button-secondary" href={practiceHref(props.practice.id)} aria-label={tr('openLabel', props.practice.title)}>
            {tr('open')}
            <span aria-hidden="true">→</span>
          </A>
        </div>
      </article>
    </li>
  );
}
