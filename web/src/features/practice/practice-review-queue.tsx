import { A, createAsync } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { formatDate, localName, t } from '../../i18n/i18n.ts';
import { StageYear } from './practice-badges.tsx';
import { practiceHref } from './practice-links.ts';
import { getPracticesToReview, type PracticeToReview } from './practice-list.api.ts';

/**
 * The curators' queue of submitted practices, oldest first. Each is decided on its own page,
 * where it can be read in full; more load below ("show more").
 */
export function PracticeReviewQueue() {
  const [cursors, setCursors] = createSignal<(string | null)[]>([null]);
  const first = createAsync(() => getPracticesToReview(null));

  return (
    <section class="card" aria-labelledby="practice-queue-heading">
      <h2 id="practice-queue-heading" class="card-title">
        {t('review.heading')}
      </h2>
      <p class="card-intro">{t('review.intro')}</p>
      <Suspense fallback={<p class="muted">{t('app.loading')}</p>}>
        <Show when={first()}>
          {(page) => (
            <p class="result-count practice-queue-count" role="status">
              {t('review.count', page().totalCount)}
            </p>
          )}
        </Show>
        <For each={cursors()}>{(cursor, index) => <QueuePage after={cursor} last={index() === cursors().length - 1} onMore={(next) => setCursors([...cursors(), next])} />}</For>
      </Suspense>
    </section>
  );
}

function QueuePage(props: { after: string | null; last: boolean; onMore: (cursor: string) => void }) {
  const page = createAsync(() => getPracticesToReview(props.after));
  return (
    <Show when={page()}>
      {(loaded) => (
        <>
          <Show when={props.after === null && !loaded().edges.length}>
            <p class="empty-note">{t('review.empty')}</p>
          </Show>
          <ul class="queue-list">
            <For each={loaded().edges}>{(edge) => <QueueItem practice={edge.node} />}</For>
          </ul>
          <Show when={props.last && loaded().pageInfo.hasNextPage && loaded().pageInfo.endCursor}>
            {(cursor) => (
              <button type="button" class="button button-secondary queue-more" onClick={() => props.onMore(cursor())}>
                {t('review.more')}
              </button>
            )}
          </Show>
        </>
      )}
    </Show>
  );
}

function QueueItem(props: { practice: PracticeToReview }) {
  const where = () => [props.practice.organization?.name, props.practice.place?.name].filter(Boolean).join(' · ');
  return (
    <li class="queue-item">
      <article class="practice-queue-item" aria-labelledby={`review-${props.practice.id}`}>
        <header>
          <h3 id={`review-${props.practice.id}`} class="queue-item-name" lang="vi">
            <A href={practiceHref(props.practice.id)}>{props.practice.title}</A>
          </h3>
          <p class="queue-item-meta">
            <Show when={props.practice.submittedAt}>{(at) => <span>{t('review.submitted', formatDate(at()))}</span>}</Show>
            <span>{t('review.authors', props.practice.authors.map((author) => author.name).join(', '))}</span>
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
        <div class="button-row">
          <A class="button button-small" href={practiceHref(props.practice.id)} aria-label={t('review.openLabel', props.practice.title)}>
            {t('review.open')}
            <span aria-hidden="true">→</span>
          </A>
        </div>
      </article>
    </li>
  );
}
