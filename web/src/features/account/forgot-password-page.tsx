import './account.css';
import { A, useSearchParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { FormAlert, SubmitButton, TextField } from '../../components/form-field.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { t } from '../../i18n/i18n.ts';
import { errorFor, focusProblems, useFormSubmission, problemOf } from '../../lib/form.ts';
import { requestPasswordResetAction } from './email.api.ts';
import { et } from './email-text.ts';
import { ACCOUNT_LIMITS } from '../../../../schema/field-limits.ts';

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** /forgot-password?email=…: asks for a reset link; says the same whether or not the address has an account. */
export default function ForgotPasswordPage() {
  const [search] = useSearchParams();
  const submission = useFormSubmission(requestPasswordResetAction);
  const problem = () => problemOf(submission.result);
  const sentTo = () => {
    const result = submission.result;
    return result?.ok ? result.data.email : undefined;
  };
  let form: HTMLFormElement | undefined;
  focusProblems(
    () => form,
    () => submission.result,
  );

  return (
    <div class="auth-page">
      <DocumentTitle text={et('forgotTitle')} />
      <Show
        when={sentTo()}
        fallback={
          <div class="auth-card">
            <h1 id="page-title" class="auth-title">
              {et('forgotTitle')}
            </h1>
            <p class="auth-intro">{et('forgotIntro')}</p>
            <form action={requestPasswordResetAction} method="post" class="form" novalidate ref={form} aria-labelledby="page-title">
              <FormAlert problem={problem()} />
              <TextField
                id="forgot-email"
                name="email"
                type="email"
                label={t('signIn.email')}
                value={single(search.email) ?? ''}
                autocomplete="username"
                inputMode="email"
                spellcheck={false}
                maxLength={ACCOUNT_LIMITS.email}
                error={errorFor(problem(), 'email')}
              />
              <SubmitButton pending={submission.pending ?? false} label={et('forgotSubmit')} pendingLabel={et('forgotSubmitting')} class="button button-block" />
            </form>
            <p class="auth-switch">
              <A href="/sign-in">{et('backToSignIn')}</A>
            </p>
          </div>
        }
      >
        {(email) => (
          <div class="page-narrow">
            <StateMessage title={et('forgotSentTitle')} body={et('forgotSent', email())} headingLevel={1}>
              <A class="button" href="/sign-in">
                {et('backToSignIn')}
              </A>
            </StateMessage>
          </div>
        )}
      </Show>
    </div>
  );
}
