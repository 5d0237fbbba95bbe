import './account.css';
import { A, useSearchParams } from '@solidjs/router';
import { Show, createSignal } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { FormAlert, PasswordField, SubmitButton, TextField } from '../../components/form-field.tsx';
import { t } from '../../i18n/i18n.ts';
import { errorFor, focusProblems, useFormSubmission, problemOf } from '../../lib/form.ts';
import { OrganizationSelect } from '../organization/organization-select.tsx';
import { PlaceSelect } from '../place/place-select.tsx';
import { TopicCheckboxes } from '../topic/topic-checkboxes.tsx';
import { safeNextPath, signUpAction } from './account.api.ts';
import { ACCOUNT_LIMITS } from '../../../../schema/field-limits.ts';
import { StateMessage } from '../../components/state-message.tsx';
import { et } from './email-text.ts';

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** /sign-up: a new member's account and the start of their profile. */
export default function SignUpPage() {
  const [search] = useSearchParams();
  const next = () => safeNextPath(single(search.next));
  const submission = useFormSubmission(signUpAction);
  const problem = () => problemOf(submission.result);
  const specialtiesError = () => {
    const fields = problem()?.fields ?? {};
    const path = Object.keys(fields).find((p) => p === 'specialties' || p.startsWith('specialties.'));
    return path ? errorFor(problem(), path) : undefined;
  };
  const [place, setPlace] = createSignal('');
  const [organization, setOrganization] = createSignal('');
  let form: HTMLFormElement | undefined;
  focusProblems(
    () => form,
    () => submission.result,
  );

  // Signed in right after, the page has moved on; still here, the account (or its owner) got an email.
  const sentTo = () => {
    const result = submission.result;
    return result?.ok ? result.data.email : undefined;
  };

  return (
    <div class="auth-page">
      <DocumentTitle text={t('signUp.title')} />
      <Show when={sentTo()}>
        {(email) => (
          <div class="page-narrow">
            <StateMessage title={et('signUpSentTitle')} body={et('signUpSent', email())} headingLevel={1}>
              <A class="button" href={next() ? `/sign-in?next=${encodeURIComponent(next()!)}` : '/sign-in'}>
                {et('signIn')}
              </A>
            </StateMessage>
          </div>
        )}
      </Show>
      <div class="auth-card auth-card-wide" hidden={Boolean(sentTo())}>
        <h1 id="page-title" class="auth-title">
          {t('signUp.title')}
        </h1>
        <p class="auth-intro">{t('signUp.intro')}</p>
        <form action={signUpAction} method="post" class="form" novalidate ref={form} aria-labelledby="page-title">
          {/* A new member goes through the welcome steps first, then on to where they were going. */}
          <input type="hidden" name="next" value={next() ? `/welcome?next=${encodeURIComponent(next()!)}` : '/welcome'} />
          <FormAlert problem={problem()} />
          <TextField
            id="sign-up-name"
            name="name"
            label={t('signUp.name')}
            hint={t('signUp.nameHint')}
            autocomplete="name"
            maxLength={ACCOUNT_LIMITS.name}
            lang="vi"
            error={errorFor(problem(), 'name')}
          />
          <TextField
            id="sign-up-email"
            name="email"
            type="email"
            label={t('signUp.email')}
            hint={t('signUp.emailHint')}
            autocomplete="email"
            inputMode="email"
            spellcheck={false}
            maxLength={ACCOUNT_LIMITS.email}
            error={errorFor(problem(), 'email')}
          />
          <PasswordField id="sign-up-password" name="password" label={t('signUp.password')} hint={t('signUp.passwordHint')} autocomplete="new-password" error={errorFor(problem(), 'password')} />

          <fieldset class="form-section">
            <legend>{t('signUp.aboutYou')}</legend>
            <p class="field-hint">{t('signUp.aboutYouHint')}</p>
            <PlaceSelect id="sign-up-place" name="place" value={place()} onChange={setPlace} error={errorFor(problem(), 'place')} />
            <OrganizationSelect id="sign-up-organization" name="organization" place={place()} value={organization()} onChange={setOrganization} error={errorFor(problem(), 'organization')} />
            <TopicCheckboxes id="sign-up-specialties" name="specialties" value={[]} error={specialtiesError()} />
          </fieldset>

          <SubmitButton pending={submission.pending ?? false} label={t('signUp.submit')} pendingLabel={t('signUp.submitting')} class="button button-block" />
        </form>
        <p class="auth-switch">
          {t('signUp.haveAccount')} <A href={next() ? `/sign-in?next=${encodeURIComponent(next()!)}` : '/sign-in'}>{t('signUp.signInLink')}</A>
        </p>
      </div>
    </div>
  );
}
