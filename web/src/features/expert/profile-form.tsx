import { A } from '@solidjs/router';
import { createSignal, Show, untrack } from 'solid-js';
import { FormAlert, SubmitButton, TextAreaField, TextField } from '../../components/form-field.tsx';
import { LinkRows, type LinkRow } from '../../components/link-rows.tsx';
import { t } from '../../i18n/i18n.ts';
import { errorFor, focusProblems, useFormSubmission, problemOf } from '../../lib/form.ts';
import { OrganizationSelect } from '../organization/organization-select.tsx';
import { PlaceSelect } from '../place/place-select.tsx';
import { TopicCheckboxes } from '../topic/topic-checkboxes.tsx';
import { MAX_LINKS, updateProfileAction, type OwnProfile, profileHref } from './expert.api.ts';
import { ACCOUNT_LIMITS, PROFILE_LIMITS } from '../../../../schema/field-limits.ts';

/**
 * The viewer's public profile as one form. It starts from the saved profile and then keeps
 * what the person types: saving (which reloads the profile) never resets a field under them.
 */
export function ProfileForm(props: { profile: OwnProfile }) {
  const initial = untrack(() => props.profile);
  // A place merged away in 2025 cannot be saved again: offer the unit that absorbed it.
  const [place, setPlace] = createSignal(initial.place ? (initial.place.current ? initial.place.code : (initial.place.successor?.code ?? '')) : '');
  const [organization, setOrganization] = createSignal(initial.organization?.slug ?? '');
  let nextKey = initial.links.length;
  const [links, setLinks] = createSignal<LinkRow[]>(initial.links.map((link, index) => ({ key: String(index), ...link })));

  const submission = useFormSubmission(updateProfileAction);
  const problem = () => problemOf(submission.result);
  const saved = () => (submission.result?.ok ? t('profileForm.saved') : undefined);
  const specialtiesError = () => {
    const path = Object.keys(problem()?.fields ?? {}).find((p) => p === 'specialties' || p.startsWith('specialties.'));
    return path ? errorFor(problem(), path) : undefined;
  };
  let form: HTMLFormElement | undefined;
  focusProblems(
    () => form,
    () => submission.result,
  );

  const addLink = () => {
    const key = String(nextKey++);
    setLinks([...links(), { key, label: '', url: '' }]);
    return key;
  };

  return (
    <form action={updateProfileAction} method="post" class="form" novalidate ref={form} aria-labelledby="profile-form-heading">
      <h2 id="profile-form-heading" class="card-title">
        {t('profileForm.heading')}
      </h2>
      <p class="card-intro">{t('profileForm.intro')}</p>
      <FormAlert problem={problem()} success={saved()} />
      <Show when={saved()}>
        <p class="form-followup">
          <A href={profileHref(props.profile.handle)}>{t('settings.viewProfile')}</A>
        </p>
      </Show>

      <TextField id="profile-name" name="name" label={t('profileForm.name')} value={initial.name} autocomplete="name" maxLength={ACCOUNT_LIMITS.name} lang="vi" error={errorFor(problem(), 'name')} />
      <TextField
        id="profile-position"
        name="position"
        label={t('profileForm.position')}
        hint={t('profileForm.positionHint')}
        value={initial.position}
        optional
        autocomplete="organization-title"
        maxLength={PROFILE_LIMITS.position}
        lang="vi"
        error={errorFor(problem(), 'position')}
      />
      <TextAreaField
        id="profile-bio"
        name="bio"
        label={t('profileForm.bio')}
        hint={t('profileForm.bioHint')}
        value={initial.bio}
        optional
        rows={7}
        maxLength={PROFILE_LIMITS.bio}
        lang="vi"
        error={errorFor(problem(), 'bio')}
      />

      <fieldset class="form-section">
        <legend>{t('profileForm.affiliation')}</legend>
        <PlaceSelect id="profile-place" name="place" value={place()} onChange={setPlace} error={errorFor(problem(), 'place')} />
        <OrganizationSelect id="profile-organization" name="organization" place={place()} value={organization()} onChange={setOrganization} error={errorFor(problem(), 'organization')} />
      </fieldset>

      <TopicCheckboxes id="profile-specialties" name="specialties" value={initial.specialties.map((s) => s.slug)} error={specialtiesError()} />

      <fieldset class="form-section">
        <legend>
          {t('profileForm.links')} <span class="field-optional">{t('form.optional')}</span>
        </legend>
        <p class="field-hint">{t('profileForm.linksHint')}</p>
        <input
          type="hidden"
          name="linkKeys"
          value={links()
            .map((row) => row.key)
            .join(',')}
        />
        <LinkRows
          rows={links()}
          labelMax={PROFILE_LIMITS.linkLabel}
          maxRows={MAX_LINKS}
          errorFor={(path) => errorFor(problem(), path)}
          onAdd={addLink}
          onRemove={(key) => setLinks(links().filter((row) => row.key !== key))}
        />
      </fieldset>

      <div class="form-actions">
        <SubmitButton pending={submission.pending ?? false} label={t('profileForm.save')} />
      </div>
    </form>
  );
}
