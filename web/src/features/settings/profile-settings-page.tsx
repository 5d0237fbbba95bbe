import { createAsync } from '@solidjs/router';
import { Show } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { t } from '../../i18n/i18n.ts';
import { AvatarEditor } from '../avatar/avatar-editor.tsx';
import { getOwnProfile } from '../expert/expert.api.ts';
import { ProfileForm } from '../expert/profile-form.tsx';

/** /settings: the public profile and its picture. */
export default function ProfileSettingsPage() {
  const profile = createAsync(() => getOwnProfile());
  return (
    <>
      <DocumentTitle text={`${t('settings.profileTab')} · ${t('settings.title')}`} />
      <Show when={profile()}>
        {(own) => (
          <div class="card-stack">
            <AvatarEditor name={own().name} handle={own().handle} avatarUrl={own().avatarUrl} />
            <section class="card">
              <ProfileForm profile={own()} />
            </section>
          </div>
        )}
      </Show>
    </>
  );
}
