import './helpdesk.css';
import { A, createAsync, revalidate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { FormAlert, SubmitButton, TextAreaField } from '../../components/form-field.tsx';
import { formatDateTime, localName } from '../../i18n/i18n.ts';
import { focusProblems, lengthProblems, type Outcome, problemOf } from '../../lib/form.ts';
import { HELPDESK_LIMITS } from '../../../../schema/helpdesk/limits.ts';
import { closeRequest, getFaq, getHelpdeskMine, getThreadRequest, publishEntry, reopenRequest, unpublishEntry } from './helpdesk.api.ts';
import { fieldError, REQUEST_LENGTHS } from './helpdesk-form.ts';
import { StatusChip } from './helpdesk-parts.tsx';
import { ht } from './helpdesk-text.ts';

/**
 * On a question that is a help-desk request: its status, group, responder and times in service
 * hours, with what the viewer may do (close, reopen with a reason, publish in the FAQ).
 */
export function HelpdeskRequestStatus(props: { threadId: string }) {
  const request = createAsync(() => getThreadRequest(props.threadId));
  // The last action's result (close, publish, unpublish), and what it did when it worked.
  const [outcome, setOutcome] = createSignal<Outcome<unknown>>();
  const [done, setDone] = createSignal<string>();
  const [reopening, setReopening] = createSignal(false);
  const [reopenOutcome, setReopenOutcome] = createSignal<Outcome<unknown>>();
  const [pending, setPending] = createSignal(false);
  let actions: HTMLDivElement | undefined;
  let reopenForm: HTMLFormElement | undefined;
  // Not a form (its buttons act alone), but its alert takes focus the same way.
  focusProblems(() => actions as unknown as HTMLFormElement | undefined, outcome);
  focusProblems(() => reopenForm, reopenOutcome);
  const run = async (write: () => Promise<Outcome<unknown>>, message: string, into = setOutcome) => {
    if (pending()) return false;
    setPending(true);
    const result = await write();
    setPending(false);
    if (into !== setOutcome) setOutcome(undefined);
    into(result);
    setDone(result.ok ? message : undefined);
    // Worked, or someone else changed it first: either way the block shows its state now.
    await revalidate([getThreadRequest.keyFor(props.threadId), getHelpdeskMine.key, getFaq.key]);
    return result.ok;
  };
  const reopen = async (event: SubmitEvent) => {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget as HTMLFormElement).get('reason') ?? '').trim();
    const found = lengthProblems({ reason }, REQUEST_LENGTHS);
    if (Object.keys(found).length) return setReopenOutcome({ ok: false, problem: { fields: found, form: { code: 'VALIDATION_FAILED' } } });
    if (await run(() => reopenRequest(request()!.id, reason, request()!.version), ht('reopenDone'), setReopenOutcome)) setReopening(false);
  };
  // Publishing without an accepted answer is said in the desk's words, not as a generic field problem.
  const actionProblem = () => {
    const problem = problemOf(outcome());
    return problem?.fields.answerId ? undefined : problem;
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
          <div ref={actions} class="helpdesk-action-area">
            <FormAlert problem={actionProblem()} success={done()} />
            <Show when={actionProblem()?.form?.code === 'CONFLICT'}>
              <p class="field-hint">{ht('stateNow', ht(`status.${r().status}`))}</p>
            </Show>
            <div class="helpdesk-actions">
              <Show when={r().viewerCanTriage}>
                <A class="button button-small button-secondary" href="/helpdesk">
                  {ht('toDesk')}
                </A>
              </Show>
              <Show when={r().viewerCanClose}>
                <button type="button" class="button button-small button-secondary" disabled={pending()} onClick={() => run(() => closeRequest(r().id, r().version), ht('closedDone'))}>
                  {ht('close')}
                </button>
              </Show>
              <Show when={r().viewerCanReopen && !reopening()}>
                <button type="button" class="button button-small button-secondary" onClick={() => setReopening(true)}>
                  {ht('reopen')}
                </button>
              </Show>
              <Show when={r().viewerCanPublish && !r().faqEntry}>
                <button
                  type="button"
                  class="button button-small"
                  disabled={pending()}
                  aria-describedby={problemOf(outcome())?.fields.answerId ? 'helpdesk-publish-error' : undefined}
                  onClick={() => run(() => publishEntry(r().id, null), ht('published'))}
                >
                  {ht('publish')}
                </button>
              </Show>
              <Show when={r().faqEntry}>
                {(entry) => (
                  <>
                    <A href={`/helpdesk/faq?q=${encodeURIComponent(r().thread?.title ?? '')}`}>{r().viewerCanPublish ? ht('publishedEdit') : ht('published')}</A>
                    <Show when={r().viewerCanPublish}>
                      <button type="button" class="button button-small button-secondary" disabled={pending()} onClick={() => run(() => unpublishEntry(entry().id), ht('unpublished'))}>
                        {ht('unpublish')}
                      </button>
                    </Show>
                  </>
                )}
              </Show>
            </div>
            <Show when={problemOf(outcome())?.fields.answerId}>
              <p id="helpdesk-publish-error" class="field-error">
                {ht('publishNeedsAnswer')}
              </p>
            </Show>
          </div>
          <Show when={reopening()}>
            <form ref={reopenForm} class="helpdesk-form" novalidate onSubmit={reopen} aria-label={ht('reopen')}>
              <FormAlert problem={problemOf(reopenOutcome())?.form?.code === 'VALIDATION_FAILED' ? undefined : problemOf(reopenOutcome())} />
              <TextAreaField
                id="helpdesk-reopen-reason"
                name="reason"
                label={ht('reopenReason')}
                hint={ht('reopenHint')}
                rows={3}
                maxLength={HELPDESK_LIMITS.reopenReason}
                lang="vi"
                error={fieldError(problemOf(reopenOutcome()), 'reason', REQUEST_LENGTHS)}
              />
              <div class="helpdesk-actions">
                <SubmitButton pending={pending()} label={ht('reopen')} pendingLabel={ht('sending')} class="button button-small" />
                <button type="button" class="button button-small button-secondary" onClick={() => setReopening(false)}>
                  {ht('cancel')}
                </button>
              </div>
            </form>
          </Show>
        </section>
      )}
    </Show>
  );
}
