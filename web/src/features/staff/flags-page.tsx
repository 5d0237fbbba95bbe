import { DocumentTitle } from '../../components/document-title.tsx';
import { t } from '../../i18n/i18n.ts';
import { canModerate } from '../account/account.api.ts';
import { FlagQueue } from '../moderation/flag-queue.tsx';
import { MessageReportQueue } from '../message/message-reports.tsx';
import { mt } from '../moderation/moderation-text.ts';
import { StaffOnly } from './staff-layout.tsx';

/** /staff/flags: the flag queue (moderators and admins). */
export default function StaffFlagsPage() {
  return (
    <StaffOnly allowed={canModerate}>
      <DocumentTitle text={`${mt('tab')} · ${t('staff.title')}`} />
      <FlagQueue />
      <MessageReportQueue />
    </StaffOnly>
  );
}
