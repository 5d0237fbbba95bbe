import { createEffect, on } from 'solid-js';
import { FormAlert, PasswordField, SubmitButton } from '../../components/form-field.tsx';
import { t } from '../../i18n/i18n.ts';
import { errorFor, focusProblems, useFormSubmission, problemOf } from '../../lib/form.ts';
import { changePasswordAction } from './account.api.ts';

export function PasswordForm() {
  const submission = useFormSubmission(changePasswordAction);
  const problem = () => problemOf(submission.result);
  let form: HTMLFormElement | undefined;
  focusProblems(
    () => form,
    () => submission.result,
  );
  // Passwords are not left on the page once they have done their job.
  createEffect(
    on(
      () => submission.result,
      (result) => result?.ok && form?.reset(),
    ),
  );

  return (
    <form action={changePasswordAction} method="post" class="card form" novalidate ref={form} aria-labelledby="password-heading">
      <h2 id="password-heading" class="card-title">
        {t('password.heading')}
      </h2>
      <p class="card-intro">{t('password.intro')}</p>
      <FormAlert problem={problem()} success={submission.result?.ok ? t('password.changed') : undefined} />
      {/* Lets password managers file the new password under the right account; no one tabs or reads it. */}
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: out of the tab order and invisible, only for password managers */}
      <input type="text" name="username" autocomplete="username" class="visually-hidden" tabindex="-1" aria-hidden="true" readOnly />
      <PasswordField id="password-current" name="currentPassword" label={t('password.current')} autocomplete="current-password" error={errorFor(problem(), 'currentPassword')} />
      <PasswordField id="password-new" name="newPassword" label={t('password.new')} hint={t('password.hint')} autocomplete="new-password" error={errorFor(problem(), 'newPassword')} />
      <div class="form-actions">
        <SubmitButton pending={submission.pending ?? false} label={t('password.submit')} />
      </div>
    </form>
  );
}
