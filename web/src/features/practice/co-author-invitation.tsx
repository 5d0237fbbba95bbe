import { A, createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { FormAlert } from '../../components/form-field.tsx';
import { useFormSubmission } from '../../lib/form.ts';
import { cat } from './co-author-text.ts';
import { answerCoAuthorInvitationAction, getCoAuthorInvitations } from './co-author.api.ts';
import { practiceHref } from './practice-links.ts';

/** On a practice's page, for a person invited to co-author it: accept or decline. */
export function CoAuthorInvitation(props: { practiceId: string; invited: boolean; inviter: string }) {
  const submission = useFormSubmission(answerCoAuthorInvitationAction, ([form]) => form.get('id') === props.practiceId);
  const answer = () => (submission.result?.ok ? submission.input?.[0].get('answer') : null);
  const problem = () => (submission.result && !submission.result.ok ? submission.result.problem : undefined);
  return (
    <Show when={props.invited || answer()}>
      <section class="status-panel is-waiting co-author-invitation" aria-labelledby="co-author-invitation-title">
        <Show when={!answer()} fallback={<FormAlert success={answer() === 'accept' ? cat('accepted') : cat('declined')} />}>
          <p id="co-author-invitation-title" class="status-panel-title">
            {cat('invitedTitle')}
          </p>
          <p>{cat('invitedBody', props.inviter)}</p>
          <FormAlert problem={problem()} />
          <form action={answerCoAuthorInvitationAction} method="post" class="button-row">
            <input type="hidden" name="id" value={props.practiceId} />
            <button type="submit" name="answer" value="accept" class="button" disabled={submission.pending}>
              {cat('accept')}
            </button>
            <button type="submit" name="answer" value="decline" class="button button-secondary" disabled={submission.pending}>
              {cat('decline')}
            </button>
          </form>
        </Show>
      </section>
    </Show>
  );
}

/** On one's practices page: the practices one is invited to co-author, if any. */
export function CoAuthorInvitations() {
  const invitations = createAsync(() => getCoAuthorInvitations());
  return (
    <Show when={invitations()?.length}>
      <section class="card co-author-invitations" aria-labelledby="co-author-invitations-heading">
        <h2 id="co-author-invitations-heading" class="card-title">
          {cat('invitationsHeading')}
        </h2>
        <p class="card-intro">{cat('invitationsIntro')}</p>
        <ul class="link-list">
          <For each={invitations()}>
            {(practice) => (
              <li>
                <A href={practiceHref(practice.id)} lang="vi">
                  {practice.title}
                </A>{' '}
                <span class="muted">· {practice.authors.map((author) => author.name).join(', ')}</span>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
