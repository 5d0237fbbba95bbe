import './review.css';
import { A } from '@solidjs/router';
import { createSignal, Match, Show, Switch } from 'solid-js';
import { SubmitButton, TextAreaField } from '../../components/form-field.tsx';
import { formatDateTime, t } from '../../i18n/i18n.ts';
import { errorFor, focusProblems } from '../../lib/form.ts';
import type { Practice } from '../practice/practice-record.api.ts';
import { practiceEditHref } from '../practice/practice-links.ts';
import { PracticeText } from '../practice/practice-text.tsx';
import { PRACTICE_LIMITS } from '../../../../schema/field-limits.ts';
import { decisionAction } from './review.api.ts';
import { ReviewProblem, useDecisionSubmission } from './review-panel.tsx';
import { te } from './edit-review-text.ts';

type PendingEdit = NonNullable<Practice['pendingEdit']>;

/**
 * A published practice's edit, for those who may see it (the API answers it to its authors and
 * curators only): its authors read where it stands; curators read the proposed version and
 * publish or return it.
 */
export function EditReview(props: { practice: Practice }) {
  return (
    <Show when={props.practice.status === 'PUBLISHED' && props.practice.pendingEdit}>
      {(edit) => (
        <Show when={props.practice.viewerCanEdit} fallback={<CuratorEditPanel practice={props.practice} edit={edit()} />}>
          <AuthorEditStatus practice={props.practice} edit={edit()} />
        </Show>
      )}
    </Show>
  );
}

/** Where the authors' edit stands: not sent, waiting for a curator, or returned with the reason. */
function AuthorEditStatus(props: { practice: Practice; edit: PendingEdit }) {
  const returned = () => !props.edit.submittedAt && props.edit.returnReason;
  return (
    <section class="status-panel practice-status edit-status" classList={{ 'is-waiting': Boolean(props.edit.submittedAt), 'is-declined': Boolean(returned()) }} aria-labelledby="edit-status-heading">
      <p id="edit-status-heading" class="status-panel-title">
        {te('authorHeading')}
      </p>
      <Switch>
        <Match when={props.edit.submittedAt}>{(at) => <p>{te('waiting', formatDateTime(at()))}</p>}</Match>
        <Match when={returned()}>
          {(reason) => (
            <p class="request-statement" lang="vi">
              {te('returned', reason())}
            </p>
          )}
        </Match>
        <Match when={true}>
          <p>{te('notSent', formatDateTime(props.edit.savedAt))}</p>
        </Match>
      </Switch>
      <Show when={!props.edit.submittedAt}>
        <p>
          <A href={practiceEditHref(props.practice.id)}>{te('continueEditing')}</A>
        </p>
      </Show>
    </section>
  );
}

/** The proposed version as readers would see it, with publish and return for a submitted edit. */
function CuratorEditPanel(props: { practice: Practice; edit: PendingEdit }) {
  const proposed = (): Practice => ({ ...props.practice, ...props.edit.preview });
  return (
    <section class="card review-panel edit-review" aria-labelledby="edit-review-heading">
      <h2 id="edit-review-heading" class="card-title">
        {te('curatorHeading')}
      </h2>
      <p class="muted">{te('curatorIntro')}</p>
      <dl class="edit-review-heads">
        <dt>{te('proposedTitle')}</dt>
        <dd lang="vi">{props.edit.preview.title}</dd>
        <dt>{te('proposedSummary')}</dt>
        <dd lang="vi">{props.edit.preview.summary}</dd>
      </dl>
      <div class="edit-review-text">
        <PracticeText practice={proposed()} />
      </div>
      <Show
        when={props.edit.submittedAt}
        fallback={
          <p class="muted" lang="vi">
            {props.edit.returnReason ? te('curatorReturned', props.edit.returnReason) : te('curatorNotSent')}
          </p>
        }
      >
        <EditDecision practice={props.practice} />
      </Show>
    </section>
  );
}

/** Publish the edit, or return it with what to improve; each over the version the page loaded. */
function EditDecision(props: { practice: Practice }) {
  const submission = useDecisionSubmission(() => props.practice.id);
  const [returning, setReturning] = createSignal(false);
  const problem = () => (submission.result && !submission.result.ok ? submission.result.problem : undefined);
  const pending = () => submission.pending ?? false;
  let form: HTMLFormElement | undefined;
  focusProblems(
    () => form,
    () => submission.result,
  );
  return (
    <form action={decisionAction} method="post" class="review-decision" novalidate ref={form}>
      <input type="hidden" name="id" value={props.practice.id} />
      <input type="hidden" name="baseUpdatedAt" value={props.practice.updatedAt} />
      <ReviewProblem problem={problem()} practiceId={props.practice.id} clear={() => submission.clear()} />
      <Show
        when={returning()}
        fallback={
          <div class="button-row">
            <button type="submit" name="decision" value="publish" class="button" disabled={pending()}>
              {pending() ? t('form.sending') : te('publishEdit')}
            </button>
            <button type="button" class="button button-secondary" onClick={() => setReturning(true)}>
              {te('returnEdit')}
            </button>
          </div>
        }
      >
        <input type="hidden" name="decision" value="return" />
        <TextAreaField
          id="edit-return-reason"
          name="reason"
          label={te('reason')}
          hint={te('reasonHint')}
          rows={4}
          maxLength={PRACTICE_LIMITS.returnReason}
          lang="vi"
          error={errorFor(problem(), 'reason')}
        />
        <div class="button-row">
          <SubmitButton pending={pending()} label={te('confirmReturn')} pendingLabel={t('form.sending')} class="button button-danger" />
          <button type="button" class="button button-secondary" onClick={() => setReturning(false)}>
            {t('form.cancel')}
          </button>
        </div>
      </Show>
    </form>
  );
}
