import './account.css';
import { A } from '@solidjs/router';
import { Match, Switch } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { FormAlert, PasswordField, SubmitButton } from '../../components/form-field.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { t } from '../../i18n/i18n.ts';
import { errorFor, focusProblems, useFormSubmission, problemOf } from '../../lib/form.ts';
import { resetPasswordAction } from './email.api.ts';
import { et } from './email-text.ts';
import { useLinkToken } from './link-token.ts';

/** /reset-password#<token>: the new password; a used or late link says so and offers a new one. */
export default function ResetPasswordPage() {
  const token = useLinkToken();
  const submission = useFormSubmission(resetPasswordAction);
  const problem = () => problemOf(submission.result);
  const expired = () => problem()?.fields.token === 'EXPIRED';
  let form: HTMLFormElement | undefined;
  focusProblems(
    () => form,
    () => submission.result,
  );

  return (
    <div class="auth-page">
      <DocumentTitle text={et('resetTitle')} />
      <Switch
        fallback={
          <div class="auth-card">
            <h1 id="page-title" class="auth-title">
              {et('resetTitle')}
            </h1>
            <p class="auth-intro">{et('resetIntro')}</p>
            <form action={resetPasswordAction} method="post" class="form" novalidate ref={form} aria-labelledby="page-title">
              <input type="hidden" name="token" value={token() ?? ''} />
              <FormAlert problem={problem()} />
              <PasswordField id="reset-password" name="newPassword" label={et('newPassword')} hint={t('signUp.passwordHint')} autocomplete="new-password" error={errorFor(problem(), 'newPassword')} />
              <SubmitButton pending={submission.pending ?? false} label={et('resetSubmit')} pendingLabel={et('resetSubmitting')} class="button button-block" />
            </form>
          </div>
        }
      >
        <Match when={submission.result?.ok}>
          <div class="page-narrow">
            <StateMessage title={et('resetDone')} body={et('resetDoneBody')} headingLevel={1}>
              <A class="button" href="/sign-in">
                {et('signIn')}
              </A>
            </StateMessage>
          </div>
        </Match>
        <Match when={expired()}>
          <div class="page-narrow">
            <StateMessage title={et('linkExpiredTitle')} body={et('linkExpiredReset')} tone="error" headingLevel={1}>
              <A class="button" href="/forgot-password">
                {et('askAgain')}
              </A>
            </StateMessage>
          </div>
        </Match>
      </Switch>
    </div>
  );
}
