import { createEffect, For, on, Show } from 'solid-js';
import { FormAlert, SelectField, SubmitButton, TextAreaField } from '../../components/form-field.tsx';
import { formatDateTime, t } from '../../i18n/i18n.ts';
import { errorFor, focusProblems, useFormSubmission, problemOf } from '../../lib/form.ts';
import { REVIEW_LIMITS } from '../../../../schema/field-limits.ts';
import { commentAction, REVIEW_SECTIONS, type ReviewComment } from './review.api.ts';
import { ReviewProblem } from './review-panel.tsx';
import { tr } from './review-text.ts';

/**
 * The comments on a practice's sections during review, by section in the practice's order, and
 * (for the curator reviewing it and its authors, while under review or returned) a form to add one.
 */
export function ReviewComments(props: { practiceId: string; comments: readonly ReviewComment[]; canComment: boolean }) {
  const sections = () => REVIEW_SECTIONS.map((section) => ({ section, comments: props.comments.filter((c) => c.section === section) })).filter((group) => group.comments.length);
  return (
    <section class="card review-comments" aria-labelledby="review-comments-heading">
      <h2 id="review-comments-heading" class="card-title">
        {tr('commentsHeading')}
      </h2>
      <Show when={props.comments.length} fallback={<p class="muted">{tr('noComments')}</p>}>
        <For each={sections()}>
          {(group) => (
            <section class="review-comment-group" aria-label={tr(`section.${group.section}`)}>
              <h3 class="review-comment-section">{tr(`section.${group.section}`)}</h3>
              <ul class="review-comment-list">
                <For each={group.comments}>
                  {(comment) => (
                    <li class="review-comment">
                      <p class="review-comment-meta">
                        <a href={`/experts/${encodeURIComponent(comment.author.handle)}`}>{comment.author.name}</a>
                        <span> · </span>
                        <time datetime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
                      </p>
                      <p class="review-comment-body" lang="vi">
                        {comment.body}
                      </p>
                    </li>
                  )}
                </For>
              </ul>
            </section>
          )}
        </For>
      </Show>
      <Show when={props.canComment}>
        <CommentForm practiceId={props.practiceId} />
      </Show>
    </section>
  );
}

function CommentForm(props: { practiceId: string }) {
  const submission = useFormSubmission(commentAction, ([form]) => form.get('id') === props.practiceId);
  const problem = () => problemOf(submission.result);
  let form: HTMLFormElement | undefined;
  focusProblems(
    () => form,
    () => submission.result,
  );
  // A sent comment appears in the list above: the text box is ready for the next.
  createEffect(
    on(
      () => submission.result,
      (result) => {
        if (result?.ok) form?.querySelector('textarea')?.form?.reset();
      },
    ),
  );
  return (
    <form action={commentAction} method="post" class="review-comment-form" novalidate ref={form}>
      <input type="hidden" name="id" value={props.practiceId} />
      <ReviewProblem problem={problem()?.fields.body ? undefined : problem()} practiceId={props.practiceId} clear={() => submission.clear()} />
      <SelectField id="review-comment-section" name="section" label={tr('commentSection')}>
        <For each={REVIEW_SECTIONS}>{(section) => <option value={section}>{tr(`section.${section}`)}</option>}</For>
      </SelectField>
      <TextAreaField id="review-comment-body" name="body" label={tr('commentBody')} rows={3} maxLength={REVIEW_LIMITS.comment} lang="vi" error={errorFor(problem(), 'body')} />
      <Show when={submission.result?.ok}>
        <FormAlert success={tr('commentSent')} />
      </Show>
      <SubmitButton pending={submission.pending ?? false} label={tr('commentSubmit')} pendingLabel={t('form.sending')} />
    </form>
  );
}
