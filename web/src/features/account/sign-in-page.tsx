import './account.css';
import { A, useSearchParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { FormAlert, PasswordField, SubmitButton, TextField } from '../../components/form-field.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { t } from '../../i18n/i18n.ts';
import { errorFor, focusProblems, useFormSubmission, problemOf } from '../../lib/form.ts';
import { createViewer, safeNextPath, signInAction } from './account.api.ts';
import { profileHref } from '../expert/expert.api.ts';
import { ACCOUNT_LIMITS } from '../../../../schema/field-limits.ts';
import { et } from './email-text.ts';

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** /sign-in?next=/settings: email and password, then back to `next` or to one's profile. */
export default function SignInPage() {
  const [search] = useSearchParams();
  const next = () => safeNextPath(single(search.next));
  const viewer = createViewer();
  const submission = useFormSubmission(signInAction);
  const problem = () => problemOf(submission.result);
  let form: HTMLFormElement | undefined;
  focusProblems(
    () => form,
    () => submission.result,
  );

  return (
    <div class="auth-page">
      <DocumentTitle text={t('signIn.title')} />
      <Show
        when={!submission.pending && !submission.result && viewer()}
        fallback={
          <div class="auth-card">
            <h1 id="page-title" class="auth-title">
              {t('signIn.title')}
            </h1>
            <Show when={next()} fallback={<p class="auth-intro">{t('signIn.intro')}</p>}>
              <p class="auth-intro auth-notice">{t('signIn.needed')}</p>
            </Show>
            <form action={signInAction} method="post" class="form" novalidate ref={form} aria-labelledby="page-title">
              <input type="hidden" name="next" value={next() ?? ''} />
              <FormAlert problem={problem()} />
              <TextField
                id="sign-in-email"
                name="email"
                type="email"
                label={t('signIn.email')}
                autocomplete="username"
                inputMode="email"
                spellcheck={false}
                maxLength={ACCOUNT_LIMITS.email}
                error={errorFor(problem(), 'email')}
              />
              <PasswordField id="sign-in-password" name="password" label={t('signIn.password')} autocomplete="current-password" error={errorFor(problem(), 'password')} />
              <SubmitButton pending={submission.pending ?? false} label={t('signIn.submit')} pendingLabel={t('signIn.submitting')} class="button button-block" />
            </form>
            <p class="auth-forgot">
              <A href="/forgot-password">{et('forgotLink')}</A>
            </p>
            <p class="auth-switch">
              {t('signIn.noAccount')} <A href={next() ? `/sign-up?next=${encodeURIComponent(next()!)}` : '/sign-up'}>{t('signIn.signUpLink')}</A>
            </p>
          </div>
        }
      >
        {(signedIn) => (
          <div class="page-narrow">
            <StateMessage title={t('signIn.alreadyTitle')} body={t('signIn.alreadyBody', signedIn().name)} headingLevel={1}>
              <A class="button" href={next() ?? profileHref(signedIn().handle)}>
                {t('signIn.continue')}
              </A>
            </StateMessage>
          </div>
        )}
      </Show>
    </div>
  );
}
