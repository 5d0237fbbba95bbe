import { DocumentTitle } from '../../components/document-title.tsx';
import { t } from '../../i18n/i18n.ts';
import { canAdminister } from '../account/account.api.ts';
import { AuditLog } from '../audit/audit-log.tsx';
import { StaffOnly } from './staff-layout.tsx';

/** /staff/audit?subject=: every staff action, for admins. */
export default function StaffAuditPage() {
  return (
    <StaffOnly allowed={canAdminister}>
      <DocumentTitle text={`${t('staff.auditTab')} · ${t('staff.title')}`} />
      <AuditLog />
    </StaffOnly>
  );
}
