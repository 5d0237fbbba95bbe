import { DocumentTitle } from '../../components/document-title.tsx';
import { t } from '../../i18n/i18n.ts';
import { canModerate } from '../account/account.api.ts';
import { MemberAdmin } from '../moderation/member-admin.tsx';
import { StaffOnly } from './staff-layout.tsx';

/** /staff/people?handle=: roles (admins) and suspensions (moderators and admins). */
export default function StaffPeoplePage() {
  return (
    <StaffOnly allowed={canModerate}>
      <DocumentTitle text={`${t('staff.peopleTab')} · ${t('staff.title')}`} />
      <MemberAdmin />
    </StaffOnly>
  );
}
