import { A } from '@solidjs/router';
import { createSignal, Match, Show, Switch } from 'solid-js';
import { FormAlert, SubmitButton, TextAreaField } from '../../components/form-field.tsx';
import { t } from '../../i18n/i18n.ts';
import { errorFor, focusProblems, useFormSubmission } from '../../lib/form.ts';
import { canCurate, type Viewer } from '../account/account.api.ts';
import type { Practice } from './practice-record.api.ts';
import { featurePracticeAction, reviewPracticeAction } from './practice-writes.api.ts';
import { PRACTICE_LIMITS } from '../../../../schema/field-limits.ts';

/**
 * What curators and admins do on a practice's page: publish or return a submitted one (not
 * their own), and feature a published one.
 */
export function CurationPanel(props: { practice: Practice; viewer: Viewer }) {
  const curator = () => canCurate(props.viewer.role);
  const own = () => props.practice.authors.some((author) => author.id === props.viewer.id);
  // Held here rather than in the review form, which goes once the practice is published: the
  // feature control that replaces it still says it was.
  const review = useReviewSubmission(() => props.practice.id);
  const publishedNow = () => review.result?.ok === true && review.input?.[0].get('decision') === 'publish';
  return (
    <Show when={curator()}>
      <Switch>
        <Match when={props.practice.status === 'SUBMITTED'}>
          <Show when={!own()} fallback={<p class="curation-note muted">{t('practicePage.ownReview')}</p>}>
            <ReviewForm practice={props.practice} submission={review} />
          </Show>
        </Match>
        <Match when={props.practice.status === 'PUBLISHED'}>
          <FeatureToggle practice={props.practice} publishedNow={publishedNow()} />
        </Match>
      </Switch>
    </Show>
  );
}

const useReviewSubmission = (id: () => string) => useFormSubmission(reviewPracticeAction, ([form]) => form.get('id') === id());
type ReviewSubmission = ReturnType<typeof useReviewSubmission>;

function ReviewForm(props: { practice: Practice; submission: ReviewSubmission }) {
  const [returning, setReturning] = createSignal(false);
  const submission = props.submission;
  const problem = () => {
    const result = submission.result;
    return result && !result.ok ? result.problem : undefined;
  };
  // A returned practice is its authors' again, so this page keeps showing it as it was
  // (the curator may no longer read it) and says what happened instead of the controls.
  const returned = () => submission.result?.ok === true && submission.input?.[0].get('decision') === 'return';
  let form: HTMLFormElement | undefined;
  focusProblems(
    () => form,
    () => submission.result,
  );

  return (
    <section class="card curation-panel" aria-labelledby="review-heading">
      <h2 id="review-heading" class="card-title">
        {t('practicePage.reviewHeading')}
      </h2>
      <Show
        when={!returned()}
        fallback={
          <>
            <FormAlert success={t('practicePage.returnedNow')} />
            <p class="form-followup curation-followup">
              <A href="/staff/practices">{t('review.heading')}</A>
            </p>
          </>
        }
      >
        <p class="card-intro">{t('practicePage.reviewIntro')}</p>
        <form action={reviewPracticeAction} method="post" class="queue-decision" novalidate ref={form}>
          <input type="hidden" name="id" value={props.practice.id} />
          <FormAlert problem={problem()?.fields.reason ? undefined : problem()} />
          <Show
            when={returning()}
            fallback={
              <div class="button-row">
                <button type="submit" name="decision" value="publish" class="button" disabled={submission.pending}>
                  {submission.pending ? t('form.sending') : t('practicePage.publish')}
                </button>
                <button
                  type="button"
                  class="button button-secondary"
                  onClick={() => {
                    setReturning(true);
                    queueMicrotask(() => document.getElementById('return-reason')?.focus());
                  }}
                >
                  {t('practicePage.return')}
                </button>
              </div>
            }
          >
            <TextAreaField
              id="return-reason"
              name="reason"
              label={t('practicePage.returnReason')}
              hint={t('practicePage.returnReasonHint')}
              rows={4}
              maxLength={PRACTICE_LIMITS.returnReason}
              lang="vi"
              error={errorFor(problem(), 'reason')}
            />
            <input type="hidden" name="decision" value="return" />
            <div class="button-row">
              <SubmitButton pending={submission.pending ?? false} label={t('practicePage.confirmReturn')} pendingLabel={t('form.sending')} class="button button-danger" />
              <button type="button" class="button button-secondary" onClick={() => setReturning(false)}>
                {t('form.cancel')}
              </button>
            </div>
          </Show>
        </form>
      </Show>
    </section>
  );
}

/** Featuring shows at once; a failure puts the mark back as it was and says why. */
function FeatureToggle(props: { practice: Practice; publishedNow: boolean }) {
  const submission = useFormSubmission(featurePracticeAction, ([form]) => form.get('id') === props.practice.id);
  const featured = () => {
    if (submission.pending) return submission.input?.[0].get('featured') === 'true';
    const result = submission.result;
    return result?.ok ? result.data.practice.featured : props.practice.featured;
  };
  const problem = () => {
    const result = submission.result;
    return result && !result.ok ? result.problem : undefined;
  };
  return (
    <section class="card curation-panel curation-feature" aria-labelledby="feature-heading">
      <Show when={props.publishedNow}>
        <FormAlert success={t('practicePage.publishedNow')} />
      </Show>
      <div class="curation-feature-row">
        <div>
          <h2 id="feature-heading" class="card-title">
            {t('practicePage.featureHeading')}
          </h2>
          <p class="card-intro" aria-live="polite">
            {featured() ? t('practicePage.isFeatured') : t('practicePage.notFeatured')}
          </p>
        </div>
        <form action={featurePracticeAction} method="post">
          <input type="hidden" name="id" value={props.practice.id} />
          <input type="hidden" name="featured" value={String(!featured())} />
          <button type="submit" class="button button-secondary" aria-pressed={featured()}>
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
              <path
                d="m8 1.4 2 4.2 4.6.6-3.4 3.2.9 4.5L8 11.7l-4.1 2.2.9-4.5L1.4 6.2 6 5.6Z"
                fill={featured() ? 'currentColor' : 'none'}
                stroke="currentColor"
                stroke-width="1.3"
                stroke-linejoin="round"
              />
            </svg>
            {t('practicePage.featureOn')}
          </button>
        </form>
      </div>
      <FormAlert problem={problem()} />
    </section>
  );
}
