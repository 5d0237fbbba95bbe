import { DocumentTitle } from '../../components/document-title.tsx';
import { t } from '../../i18n/i18n.ts';
import { EmailVerificationNotice } from '../account/email-verification-notice.tsx';
import { PasswordForm } from '../account/password-form.tsx';
import { SessionList } from '../session/session-list.tsx';

/** /settings/security: the password and the browsers signed in. */
export default function SecuritySettingsPage() {
  return (
    <div class="card-stack">
      <DocumentTitle text={`${t('settings.securityTab')} · ${t('settings.title')}`} />
      <EmailVerificationNotice />
      <PasswordForm />
      <SessionList />
    </div>
  );
}
