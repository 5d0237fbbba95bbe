import { A, createAsync, createAsyncStore, useSearchParams, useSubmission, useSubmissions } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, on, Show, Suspense } from 'solid-js';
import { FormAlert, SubmitButton, TextAreaField } from '../../components/form-field.tsx';
import { formatDate, localName, t } from '../../i18n/i18n.ts';
import { errorFor, useFormSubmission, problemOf } from '../../lib/form.ts';
import { createViewer } from '../account/account.api.ts';
import { ExpertAvatar } from '../expert/expert-avatar.tsx';
import { decideVerificationAction, getVerificationQueue, type QueuedRequest, type VerificationStatus } from './verification.api.ts';
import { profileHref } from '../expert/expert.api.ts';
import { VERIFICATION_LIMITS } from '../../../../schema/field-limits.ts';

const statuses: VerificationStatus[] = ['PENDING', 'APPROVED', 'DECLINED'];

const statusOf = (value: string | string[] | undefined): VerificationStatus => {
  const text = (Array.isArray(value) ? value[0] : value)?.toUpperCase();
  return statuses.find((s) => s === text) ?? 'PENDING';
};

/**
 * The curators' queue, oldest first. A decision takes the request out of the list at once and
 * puts it back if it fails; more requests load below ("show more") rather than on new pages.
 */
export function VerificationQueue() {
  const [search, setSearch] = useSearchParams();
  const status = () => statusOf(search.status);
  const [cursors, setCursors] = createSignal<(string | null)[]>([null]);
  createEffect(on(status, () => setCursors([null]), { defer: true }));

  const decisions = useSubmissions(decideVerificationAction);
  const deciding = createMemo(() => new Set([...decisions].filter((s) => s.pending).map((s) => String(s.input[0].get('requestId')))));
  const decided = useFormSubmission(decideVerificationAction);
  const confirmation = () => {
    const result = decided.result;
    if (!result?.ok) return undefined;
    const request = result.data.request;
    return request.status === 'APPROVED' ? t('queue.approved', request.expert.name) : t('queue.declined', request.expert.name);
  };
  const first = createAsync(() => getVerificationQueue(status(), null));

  return (
    <section class="card" aria-labelledby="queue-heading">
      <div class="card-head">
        <h2 id="queue-heading" class="card-title">
          {t('queue.heading')}
        </h2>
        <div class="field field-inline">
          <label for="queue-status">{t('queue.status')}</label>
          <select id="queue-status" class="select" onChange={(event) => setSearch({ status: event.currentTarget.value === 'PENDING' ? undefined : event.currentTarget.value.toLowerCase() })}>
            <For each={statuses}>
              {(value) => (
                <option value={value} selected={value === status()}>
                  {t(`verification.status.${value}`)}
                </option>
              )}
            </For>
          </select>
        </div>
      </div>
      <FormAlert success={confirmation()} />
      <Suspense fallback={<p class="muted">{t('app.loading')}</p>}>
        <Show when={first()}>
          {(page) => (
            <p class="result-count" role="status">
              {t('queue.count', Math.max(0, page().totalCount - (status() === 'PENDING' ? deciding().size : 0)))}
            </p>
          )}
        </Show>
        <For each={cursors()}>
          {(cursor, index) => <QueuePage status={status()} after={cursor} hidden={deciding()} last={index() === cursors().length - 1} onMore={(next) => setCursors([...cursors(), next])} />}
        </For>
      </Suspense>
    </section>
  );
}

function QueuePage(props: { status: VerificationStatus; after: string | null; hidden: Set<string>; last: boolean; onMore: (cursor: string) => void }) {
  const page = createAsync(() => getVerificationQueue(props.status, props.after));
  // Reconciled by id, so a reload after one decision leaves the other requests (and a reason
  // being typed into one of them) as they are.
  const nodes = createAsyncStore(async () => (await getVerificationQueue(props.status, props.after)).edges.map((edge) => edge.node), {
    reconcile: { key: 'id' },
  });
  const requests = () => nodes() ?? [];
  const shown = () => requests().filter((node) => !props.hidden.has(node.id));
  return (
    <Show when={page()}>
      {(loaded) => (
        <>
          <Show when={props.after === null && !shown().length}>
            <p class="empty-note">{t('queue.empty')}</p>
          </Show>
          <ul class="queue-list">
            {/* Hidden, not removed, while decided: a failure brings it back as it was, reason and all. */}
            <For each={requests()}>{(request) => <QueueItem request={request} hidden={props.hidden.has(request.id)} />}</For>
          </ul>
          <Show when={props.last && loaded().pageInfo.hasNextPage && loaded().pageInfo.endCursor}>
            {(cursor) => (
              <button type="button" class="button button-secondary queue-more" onClick={() => props.onMore(cursor())}>
                {t('queue.more')}
              </button>
            )}
          </Show>
        </>
      )}
    </Show>
  );
}

function QueueItem(props: { request: QueuedRequest; hidden: boolean }) {
  const viewer = createViewer();
  const [declining, setDeclining] = createSignal(false);
  // Not cleared when the item goes (a decision removes it): the queue's confirmation reads it.
  const submission = useSubmission(decideVerificationAction, ([form]) => form.get('requestId') === props.request.id);
  const problem = () => problemOf(submission.result);
  const own = () => viewer()?.id === props.request.expert.id;
  const profile = () => profileHref(props.request.expert.handle);

  return (
    <li class="queue-item" hidden={props.hidden}>
      <article aria-labelledby={`request-${props.request.id}`}>
        <header class="queue-item-head">
          <ExpertAvatar name={props.request.expert.name} handle={props.request.expert.handle} url={props.request.expert.avatarUrl} />
          <div class="queue-item-who">
            <h3 id={`request-${props.request.id}`} class="queue-item-name">
              <A href={profile()}>{props.request.expert.name}</A>
            </h3>
            <Show when={[props.request.expert.position, props.request.expert.organization?.name, props.request.expert.place?.name].filter(Boolean).join(' · ')}>
              {(where) => (
                <p class="muted" lang="vi">
                  {where()}
                </p>
              )}
            </Show>
          </div>
          <span class="status-chip" data-status={props.request.status.toLowerCase()}>
            {t(`verification.status.${props.request.status}`)}
          </span>
        </header>
        <p class="queue-item-meta">
          <span>{t('queue.requested', formatDate(props.request.createdAt))}</span>
          <Show when={props.request.cohort}>{(cohort) => <span>{t('queue.cohort', t('expert.cohortBadge', localName(cohort()), cohort().year))}</span>}</Show>
        </p>
        <p class="request-statement" lang="vi">
          {props.request.statement}
        </p>

        <Show when={props.request.status !== 'PENDING'}>
          <p class="queue-item-meta">
            <Show when={props.request.decidedBy && props.request.decidedAt}>
              <span>{t('queue.decidedBy', props.request.decidedBy!.name, formatDate(props.request.decidedAt!))}</span>
            </Show>
          </p>
          <Show when={props.request.reason}>
            <p class="request-reason" lang="vi">
              {t('verification.declinedReason', props.request.reason)}
            </p>
          </Show>
        </Show>

        <Show when={props.request.status === 'PENDING'}>
          <Show when={!own()} fallback={<p class="muted">{t('queue.ownRequest')}</p>}>
            <form action={decideVerificationAction} method="post" class="queue-decision" novalidate>
              <input type="hidden" name="requestId" value={props.request.id} />
              <FormAlert problem={problem()?.fields.reason ? undefined : problem()} />
              <Show
                when={declining()}
                fallback={
                  <div class="button-row">
                    <button type="submit" name="decision" value="approve" class="button">
                      {t('queue.approve')}
                    </button>
                    <button
                      type="button"
                      class="button button-secondary"
                      onClick={() => {
                        setDeclining(true);
                        queueMicrotask(() => document.getElementById(`reason-${props.request.id}`)?.focus());
                      }}
                    >
                      {t('queue.decline')}
                    </button>
                  </div>
                }
              >
                <TextAreaField
                  id={`reason-${props.request.id}`}
                  name="reason"
                  label={t('queue.declineReason')}
                  hint={t('queue.declineReasonHint')}
                  rows={3}
                  maxLength={VERIFICATION_LIMITS.decisionReason}
                  lang="vi"
                  error={errorFor(problem(), 'reason')}
                />
                <div class="button-row">
                  <SubmitButton pending={submission.pending ?? false} label={t('queue.confirmDecline')} class="button button-danger" />
                  <input type="hidden" name="decision" value="decline" />
                  <button type="button" class="button button-secondary" onClick={() => setDeclining(false)}>
                    {t('form.cancel')}
                  </button>
                </div>
              </Show>
            </form>
          </Show>
        </Show>
      </article>
    </li>
  );
}
