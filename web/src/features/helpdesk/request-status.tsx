import { A, createAsync, revalidate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { formatDateTime, localName } from '../../i18n/i18n.ts';
import { formErrorText, type Outcome } from '../../lib/form.ts';
import { closeRequest, getHelpdeskMine, getThreadRequest, publishEntry, reopenRequest, unpublishEntry } from './helpdesk.api.ts';
import { StatusChip } from './helpdesk-parts.tsx';
import { ht } from './helpdesk-text.ts';

/**
 * On a question that is a help-desk request: its status, group, responder and times in service
 * hours, with what the viewer may do (close, reopen with a reason, publish in the FAQ).
 */
export function HelpdeskRequestStatus(props: { threadId: string }) {
  const request = createAsync(() => getThreadRequest(props.threadId));
  const [message, setMessage] = createSignal<string>();
  const [reopening, setReopening] = createSignal(false);
  const [pending, setPending] = createSignal(false);
  const run = async (write: () => Promise<Outcome<unknown>>, done?: string) => {
    setPending(true);
    const result = await write();
    setPending(false);
    if (result.ok) setMessage(done);
    else if (result.problem.form?.code === 'CONFLICT') setMessage(ht('conflict'));
    else if (result.problem.fields.answerId === 'REQUIRED') setMessage(ht('publishNeedsAnswer'));
    else setMessage(Object.keys(result.problem.fields).length ? ht('failed') : formErrorText(result.problem.form ?? { code: 'UNKNOWN' }));
    await revalidate([getThreadRequest.keyFor(props.threadId), getHelpdeskMine.key]);
    return result.ok;
  };
  const reopen = async (event: SubmitEvent) => {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget as HTMLFormElement).get('reason') ?? '').trim();
    if (await run(() => reopenRequest(request()!.id, reason, request()!.version))) setReopening(false);
  };
  return (
    <Show when={request()}>
      {(r) => (
        <section class="helpdesk-block" aria-labelledby="helpdesk-block-title">
          <h2 id="helpdesk-block-title">
            {ht('blockHeading')} <StatusChip status={r().status} />
          </h2>
          <dl class="helpdesk-facts">
            <dt>{ht('askedFor')}</dt>
            <dd>{r().organization.name}</dd>
            <dt>{ht('group')}</dt>
            <dd>{r().group ? localName(r().group!) : ht('notTriaged')}</dd>
            <Show when={r().assignee}>
              {(assignee) => (
                <>
                  <dt>{ht('assignee')}</dt>
                  <dd>{assignee().name}</dd>
                </>
              )}
            </Show>
            <dt>{ht('openedAt')}</dt>
            <dd>
              <time datetime={r().openedAt}>{formatDateTime(r().openedAt)}</time>
            </dd>
            <Show
              when={r().firstResponseHours !== null}
              fallback={
                <>
                  <dt>{ht('openFor')}</dt>
                  <dd>{ht('hours', r().serviceHoursOpen)}</dd>
                </>
              }
            >
              <dt>{ht('firstResponseIn')}</dt>
              <dd data-figure="first-response">{ht('hours', r().firstResponseHours)}</dd>
            </Show>
            <Show when={r().resolutionHours !== null}>
              <dt>{ht('resolvedIn')}</dt>
              <dd>{ht('hours', r().resolutionHours)}</dd>
            </Show>
          </dl>
          <Show when={r().reopenCount}>
            <p class="muted">{ht('reopened', r().reopenCount)}</p>
          </Show>
          <div class="helpdesk-actions">
            <Show when={r().viewerCanTriage}>
              <A class="button button-small button-secondary" href="/helpdesk">
                {ht('toDesk')}
              </A>
            </Show>
            <Show when={r().viewerCanClose}>
              <button type="button" class="button button-small button-secondary" disabled={pending()} onClick={() => run(() => closeRequest(r().id, r().version))}>
                {ht('close')}
              </button>
            </Show>
            <Show when={r().viewerCanReopen && !reopening()}>
              <button type="button" class="button button-small button-secondary" onClick={() => setReopening(true)}>
                {ht('reopen')}
              </button>
            </Show>
            <Show when={r().viewerCanPublish && !r().faqEntry}>
              <button type="button" class="button button-small" disabled={pending()} onClick={() => run(() => publishEntry(r().id, null), ht('published'))}>
                {ht('publish')}
              </button>
            </Show>
            <Show when={r().faqEntry}>
              {(entry) => (
                <>
                  <A href="/helpdesk/faq">{ht('published')}</A>
                  <Show when={r().viewerCanPublish}>
                    <button type="button" class="button button-small button-secondary" disabled={pending()} onClick={() => run(() => unpublishEntry(entry().id))}>
                      {ht('unpublish')}
                    </button>
                  </Show>
                </>
              )}
            </Show>
          </div>
          <Show when={reopening()}>
            <form class="helpdesk-form" onSubmit={reopen}>
              <div class="field">
                <label for="helpdesk-reopen-reason">{ht('reopenReason')}</label>
                <p id="helpdesk-reopen-hint" class="field-hint">
                  {ht('reopenHint')}
                </p>
                <textarea id="helpdesk-reopen-reason" name="reason" rows={3} maxLength={1000} aria-describedby="helpdesk-reopen-hint" required lang="vi" />
              </div>
              <button type="submit" class="button button-small" disabled={pending()}>
                {ht('reopen')}
              </button>
            </form>
          </Show>
          <Show when={message()}>
            <p class="helpdesk-message" role="status">
              {message()}
            </p>
          </Show>
        </section>
      )}
    </Show>
  );
}
