import { Show, createResource } from 'solid-js';
import { FormAlert, SubmitButton } from '../../components/form-field.tsx';
import { useFormSubmission, problemOf } from '../../lib/form.ts';
import { getEmailVerified, sendVerificationEmailAction } from './email.api.ts';
import { et } from './email-text.ts';

/** For a member whose address is not confirmed yet: says so, with "send again". Nothing otherwise. */
export function EmailVerificationNotice() {
  const [verified] = createResource(() => getEmailVerified().catch(() => null));
  const submission = useFormSubmission(sendVerificationEmailAction);
  const problem = () => problemOf(submission.result);
  return (
    <Show when={verified() === false}>
      <form action={sendVerificationEmailAction} method="post" class="card form" aria-labelledby="email-verification-heading">
        <h2 id="email-verification-heading" class="card-title">
          {et('unverifiedTitle')}
        </h2>
        <p class="card-intro">{et('unverifiedBody')}</p>
        <FormAlert problem={problem()} success={submission.result?.ok ? et('sentAgain') : undefined} />
        <div class="form-actions">
          <SubmitButton pending={submission.pending ?? false} label={et('sendAgain')} pendingLabel={et('sendingAgain')} />
        </div>
      </form>
    </Show>
  );
}
