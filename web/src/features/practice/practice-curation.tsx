import { A, createAsync } from '@solidjs/router';
import { Match, Show, Suspense, Switch } from 'solid-js';
import { FormAlert } from '../../components/form-field.tsx';
import { formatDateTime } from '../../i18n/i18n.ts';
import { useFormSubmission, problemOf } from '../../lib/form.ts';
import { canCurate, type Viewer } from '../account/account.api.ts';
import { getPracticeReview } from '../review/review.api.ts';
import { ReviewComments } from '../review/review-comments.tsx';
import { ReviewHistory } from '../review/review-history.tsx';
import { PublishedActions, ReviewPanel, useDecisionSubmission } from '../review/review-panel.tsx';
import { practiceHref } from './practice-links.ts';
import type { Practice } from './practice-record.api.ts';
import { featurePracticeAction } from './practice-writes.api.ts';
import { tr } from '../review/review-text.ts';

/** Whose review this viewer may read: its authors' and the curators'. */
const readsReview = (practice: Practice, viewer: Viewer) => canCurate(viewer.role) || practice.authors.some((author) => author.id === viewer.id);

/**
 * What curators and admins do on a practice's page: on a submitted one (not their own) the
 * review desk's claim, checklist and decisions; on a published one, feature, unpublish, correct.
 * Its authors see here what a duplicate repeats. What was decided is said only once the page
 * shows the practice's new state, so it never contradicts the status above.
 */
export function CurationPanel(props: { practice: Practice; viewer: Viewer }) {
  const curator = () => canCurate(props.viewer.role);
  const own = () => props.practice.authors.some((author) => author.id === props.viewer.id);
  const review = createAsync(async () => (readsReview(props.practice, props.viewer) ? getPracticeReview(props.practice.id) : undefined));
  // Held here rather than in the review panel, which goes once the practice is decided.
  const decision = useDecisionSubmission(() => props.practice.id);
  const decided = () => (decision.result?.ok ? String(decision.input?.[0].get('decision') ?? '') : '');
  const done = () => {
    const status = props.practice.status;
    if (decided() === 'publish' && status === 'PUBLISHED') return tr('publishedNow');
    if (decided() === 'return' && status === 'RETURNED') return tr('returnedNow');
    if (decided() === 'duplicate' && status === 'RETURNED') return tr('duplicateNow');
    if (decided() === 'unpublish' && status === 'RETURNED') return tr('unpublishedNow');
    if (decided() === 'correct') return tr('correctedNow');
    return undefined;
  };
  // Its own boundary: the page shows while the review loads (only authors and curators wait for it).
  return (
    <Suspense>
      <Show when={done()}>
        {(message) => (
          <div class="curation-done">
            <FormAlert success={message()} />
            <Show when={props.practice.status !== 'PUBLISHED'}>
              <p class="form-followup curation-followup">
                <A href="/staff/practices">{tr('backToDesk')}</A>
              </p>
            </Show>
          </div>
        )}
      </Show>
      <Show when={own() && props.practice.status === 'SUBMITTED' && review()?.reviewClaim}>
        {(claim) => <p class="curation-note muted">{tr('authorClaimNote', claim().curator.name, formatDateTime(claim().claimedAt))}</p>}
      </Show>
      <Show when={props.practice.status === 'RETURNED' && review()?.duplicateOf}>
        {(original) => (
          <p class="status-panel review-duplicate-note">
            {tr('duplicateOfLabel')} <A href={practiceHref(original().id)}>{original().title}</A>
          </p>
        )}
      </Show>
      <Show when={curator()}>
        <Switch>
          <Match when={props.practice.status === 'SUBMITTED'}>
            <Show when={!own()} fallback={<p class="curation-note muted">{tr('ownReview')}</p>}>
              <ReviewPanel practice={props.practice} review={review()} viewer={props.viewer} decision={decision} />
            </Show>
          </Match>
          <Match when={props.practice.status === 'PUBLISHED'}>
            <FeatureToggle practice={props.practice} />
            <Show when={!own()}>
              <PublishedActions practice={props.practice} decision={decision} />
            </Show>
          </Match>
        </Switch>
      </Show>
    </Suspense>
  );
}

/**
 * The review's comments and history, below the practice's text, for its authors and curators;
 * comments can be added while it is under review or back with its authors.
 */
export function ReviewRecord(props: { practice: Practice; viewer: Viewer }) {
  const review = createAsync(async () => (readsReview(props.practice, props.viewer) ? getPracticeReview(props.practice.id) : undefined));
  const own = () => props.practice.authors.some((author) => author.id === props.viewer.id);
  // A published practice's edit is reviewed too, while it is written, sent or returned.
  const editUnderReview = () => props.practice.status === 'PUBLISHED' && Boolean(props.practice.pendingEdit);
  const underReview = () => props.practice.status === 'SUBMITTED' || props.practice.status === 'RETURNED' || editUnderReview();
  // A curator comments while reviewing it (not while another holds it); its authors answer.
  const canComment = () => {
    if (!underReview()) return false;
    if (own()) return true;
    const claim = review()?.reviewClaim;
    const inRound = props.practice.status === 'SUBMITTED' || Boolean(props.practice.pendingEdit?.submittedAt);
    return canCurate(props.viewer.role) && inRound && (!claim || claim.curator.id === props.viewer.id);
  };
  return (
    <Suspense>
      <Show when={review()}>
        {(loaded) => (
          <>
            <Show when={underReview() || loaded().reviewComments?.length}>
              <ReviewComments practiceId={props.practice.id} comments={loaded().reviewComments ?? []} canComment={canComment()} />
            </Show>
            <Show when={loaded().reviewHistory?.length}>
              <ReviewHistory events={loaded().reviewHistory ?? []} />
            </Show>
          </>
        )}
      </Show>
    </Suspense>
  );
}

/** Featuring shows at once; a failure puts the mark back as it was and says why. */
function FeatureToggle(props: { practice: Practice }) {
  const submission = useFormSubmission(featurePracticeAction, ([form]) => form.get('id') === props.practice.id);
  const featured = () => {
    if (submission.pending) return submission.input?.[0].get('featured') === 'true';
    const result = submission.result;
    return result?.ok ? result.data.practice.featured : props.practice.featured;
  };
  const problem = () => problemOf(submission.result);
  return (
    <section class="card curation-panel curation-feature" aria-labelledby="feature-heading">
      <div class="curation-feature-row">
        <div>
          <h2 id="feature-heading" class="card-title">
            {tr('featureHeading')}
          </h2>
          <p class="card-intro" aria-live="polite">
            {featured() ? tr('isFeatured') : tr('notFeatured')}
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
            {tr('featureOn')}
          </button>
        </form>
      </div>
      <FormAlert problem={problem()} />
    </section>
  );
}
