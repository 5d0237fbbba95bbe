import { DocumentTitle } from '../../components/document-title.tsx';
import { t } from '../../i18n/i18n.ts';
import { canCurate } from '../account/account.api.ts';
import { VerificationQueue } from '../verification/verification-queue.tsx';
import { StaffOnly } from './staff-layout.tsx';

/** /staff/verification: curators and admins decide who gets the expert badge. */
export default function StaffVerificationPage() {
  return (
    <StaffOnly allowed={canCurate}>
      <DocumentTitle text={`${t('staff.verificationTab')} · ${t('staff.title')}`} />
      <VerificationQueue />
    </StaffOnly>
  );
}
