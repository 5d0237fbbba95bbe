import { DocumentTitle } from '../../components/document-title.tsx';
import { t } from '../../i18n/i18n.ts';
import { VerificationPanel } from '../verification/verification-panel.tsx';

/** /settings/verification: the expert badge, asked for and followed from here. */
export default function VerificationSettingsPage() {
  return (
    <div class="card-stack">
      <DocumentTitle text={`${t('settings.verificationTab')} · ${t('settings.title')}`} />
      <VerificationPanel />
    </div>
  );
}
