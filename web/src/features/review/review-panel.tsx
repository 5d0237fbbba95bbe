import './review.css';
import { useAction } from '@solidjs/router';
import { createSignal, For, Match, Show, Suspense, Switch } from 'solid-js';
import { FormAlert, SelectField, SubmitButton, TextAreaField } from '../../components/form-field.tsx';
import { formatDateTime, t } from '../../i18n/i18n.ts';
import { errorFor, focusProblems, useFormSubmission, type FormProblem, problemOf } from '../../lib/form.ts';
import type { Viewer } from '../account/account.api.ts';
import { PlaceOptions } from '../expert/directory-filters.tsx';
import type { Practice } from '../practice/practice-record.api.ts';
import { TopicCheckboxes } from '../topic/topic-checkboxes.tsx';
import { PRACTICE_LIMITS, REVIEW_LIMITS } from '../../../../schema/field-limits.ts';
import { checklistAction, claimAction, decisionAction, REVIEW_CHECKS, reloadPractice, type Decision, type PracticeReview, type ReviewCheck } from './review.api.ts';
import { DuplicateField } from './review-duplicate-field.tsx';
import { tr } from './review-text.ts';

export type DecisionSubmission = ReturnType<typeof useDecisionSubmission>;
export const useDecisionSubmission = (id: () => string) => useFormSubmission(decisionAction, ([form]) => form.get('id') === id());

/**
 * What went wrong with a step. A CONFLICT (the practice changed since the page loaded, or another
 * curator holds it) says so and offers to reload: nothing is retried behind the curator's back.
 */
export function ReviewProblem(props: { problem: FormProblem | undefined; practiceId: string; clear: () => void }) {
  return (
    <Show
      when={props.problem?.form?.code === 'CONFLICT'}
      fallback={<FormAlert problem={props.problem?.fields.reason || props.problem?.fields.topics || props.problem?.fields.duplicateOf ? undefined : props.problem} />}
    >
      <div class="form-alert is-error review-conflict" role="alert" tabindex="-1">
        <div>
          <p>{tr('conflict')}</p>
          <button
            type="button"
            class="button button-small button-secondary"
            onClick={() => {
              props.clear();
              void reloadPractice(props.practiceId);
            }}
          >
            {tr('reload')}
          </button>
        </div>
      </div>
    </Show>
  );
}

/**
 * The curator's desk on a submitted practice: who has claimed it and since when, claim or
 * release, the checklist (the claim holder's), and the decisions. Deciding needs no claim, but
 * while another curator holds one only they may decide.
 */
export function ReviewPanel(props: { practice: Practice; review: PracticeReview | undefined; viewer: Viewer; decision: DecisionSubmission }) {
  const claim = () => props.review?.reviewClaim ?? null;
  const mine = () => claim()?.curator.id === props.viewer.id;
  const heldByOther = () => Boolean(claim()) && !mine();
  const claiming = useFormSubmission(claimAction, ([form]) => form.get('id') === props.practice.id);
  const claimProblem = () => problemOf(claiming.result);

  return (
    <section class="card curation-panel review-panel" aria-labelledby="review-heading">
      <h2 id="review-heading" class="card-title">
        {tr('reviewHeading')}
      </h2>
      <div class="review-claim-row">
        <p class="review-claim-state" classList={{ 'is-unclaimed': !claim(), 'is-mine': mine() }} aria-live="polite">
          <Show when={claim()} fallback={tr('nobody')}>
            {(held) => <>{mine() ? tr('claimedByYou', formatDateTime(held().claimedAt)) : tr('claimedBy', held().curator.name, formatDateTime(held().claimedAt))}</>}
          </Show>
        </p>
        <Show when={!heldByOther()}>
          <form action={claimAction} method="post">
            <input type="hidden" name="id" value={props.practice.id} />
            <input type="hidden" name="step" value={mine() ? 'release' : 'claim'} />
            <button type="submit" class="button button-small" classList={{ 'button-secondary': mine() }} disabled={claiming.pending}>
              {claiming.pending ? t('form.sending') : mine() ? tr('release') : tr('claimAction')}
            </button>
          </form>
        </Show>
      </div>
      <ReviewProblem problem={claimProblem()} practiceId={props.practice.id} clear={() => claiming.clear()} />
      <Checklist practiceId={props.practice.id} ticked={claim()?.checklist ?? []} enabled={mine()} />
      <Show when={!heldByOther()} fallback={<p class="muted review-held">{tr('heldByOther')}</p>}>
        <Decisions practice={props.practice} submission={props.decision} choices={['publish', 'return', 'duplicate', 'correct']} />
      </Show>
    </section>
  );
}

/** Unpublish or correct a published practice (its feature toggle sits beside). */
export function PublishedActions(props: { practice: Practice; decision: DecisionSubmission }) {
  return (
    <section class="card curation-panel review-panel" aria-labelledby="published-review-heading">
      <h2 id="published-review-heading" class="card-title">
        {tr('publishedHeading')}
      </h2>
      <Decisions practice={props.practice} submission={props.decision} choices={['unpublish', 'correct']} />
    </section>
  );
}

/** The checks, saved as they are ticked; only the claim holder ticks them. */
function Checklist(props: { practiceId: string; ticked: readonly ReviewCheck[]; enabled: boolean }) {
  const save = useAction(checklistAction);
  const saving = useFormSubmission(checklistAction, ([id]) => id === props.practiceId);
  // While a save runs, the boxes show what was asked; after, what the API holds (read again).
  const ticked = () => (saving.pending ? saving.input?.[1] : undefined) ?? props.ticked;
  const problem = () => problemOf(saving.result);
  const toggle = (check: ReviewCheck, on: boolean) => {
    const next = REVIEW_CHECKS.filter((c) => (c === check ? on : ticked().includes(c)));
    void save(props.practiceId, next);
  };
  return (
    <fieldset class="review-checklist" disabled={!props.enabled}>
      <legend>{tr('checklist')}</legend>
      <Show when={!props.enabled}>
        <p class="field-hint">{tr('checklistHint')}</p>
      </Show>
      <ul>
        <For each={REVIEW_CHECKS}>
          {(check) => (
            <li>
              <label class="checkbox">
                <input type="checkbox" checked={ticked().includes(check)} onChange={(event) => toggle(check, event.currentTarget.checked)} />
                <span>{tr(`check.${check}`)}</span>
              </label>
            </li>
          )}
        </For>
      </ul>
      <ReviewProblem problem={problem()} practiceId={props.practiceId} clear={() => saving.clear()} />
    </fieldset>
  );
}

/**
 * The decisions offered: publish at once; the others open their form (a reason, and the
 * original or the classification). Each sends the `updatedAt` the page loaded.
 */
function Decisions(props: { practice: Practice; submission: DecisionSubmission; choices: Decision[] }) {
  const [open, setOpen] = createSignal<Decision | null>(null);
  const problem = () => problemOf(props.submission.result);
  let form: HTMLFormElement | undefined;
  focusProblems(
    () => form,
    () => props.submission.result,
  );
  const choose = (decision: Decision) => {
    setOpen(decision);
    queueMicrotask(() => form?.querySelector<HTMLElement>('textarea, input:not([type=hidden]), select')?.focus());
  };
  const pending = () => props.submission.pending ?? false;
  const label = (decision: Decision) => tr(`decision.${decision}`);

  return (
    <form action={decisionAction} method="post" class="queue-decision review-decision" novalidate ref={form}>
      <input type="hidden" name="id" value={props.practice.id} />
      <input type="hidden" name="baseUpdatedAt" value={props.practice.updatedAt} />
      <ReviewProblem problem={problem()} practiceId={props.practice.id} clear={() => props.submission.clear()} />
      <Show
        when={open()}
        fallback={
          <div class="button-row">
            <For each={props.choices}>
              {(decision) =>
                decision === 'publish' ? (
                  <button type="submit" name="decision" value="publish" class="button" disabled={pending()}>
                    {pending() ? t('form.sending') : tr('publish')}
                  </button>
                ) : (
                  <button type="button" class="button button-secondary" onClick={() => choose(decision)}>
                    {`${label(decision)}…`}
                  </button>
                )
              }
            </For>
          </div>
        }
      >
        {(decision) => (
          <>
            <input type="hidden" name="decision" value={decision()} />
            <Switch>
              <Match when={decision() === 'duplicate'}>
                <DuplicateField practiceId={props.practice.id} error={problem()?.fields.duplicateOf || problem()?.form?.code === 'NOT_FOUND' ? tr('duplicateNotFound') : undefined} />
              </Match>
              <Match when={decision() === 'correct'}>
                <TopicCheckboxes
                  id="review-topics"
                  name="topics"
                  value={props.practice.topics.map((topic) => topic.slug)}
                  max={PRACTICE_LIMITS.topics}
                  legend={t('practiceEditor.topics')}
                  hint={(chosen) => t('practiceEditor.topicsHint', chosen)}
                  optional={false}
                  error={errorFor(problem(), 'topics')}
                />
                <SelectField id="review-place" name="place" label={t('directory.place')}>
                  <option value="">{tr('noPlace')}</option>
                  <Suspense>
                    <PlaceOptions selected={props.practice.place?.code} />
                  </Suspense>
                </SelectField>
              </Match>
            </Switch>
            <TextAreaField
              id="review-reason"
              name="reason"
              label={decision() === 'return' ? tr('returnReason') : tr('reason')}
              hint={decision() === 'return' ? tr('returnReasonHint') : tr(`reasonHint.${decision() as 'duplicate' | 'unpublish' | 'correct'}`)}
              rows={4}
              maxLength={decision() === 'return' ? PRACTICE_LIMITS.returnReason : REVIEW_LIMITS.reason}
              lang="vi"
              error={errorFor(problem(), 'reason')}
            />
            <div class="button-row">
              <SubmitButton
                pending={pending()}
                label={tr(`confirm.${decision() as Exclude<Decision, 'publish'>}`)}
                pendingLabel={t('form.sending')}
                class={decision() === 'correct' ? 'button' : 'button button-danger'}
              />
              <button type="button" class="button button-secondary" onClick={() => setOpen(null)}>
                {t('form.cancel')}
              </button>
            </div>
          </>
        )}
      </Show>
    </form>
  );
}
