import { DocumentTitle } from '../../components/document-title.tsx';
import { t } from '../../i18n/i18n.ts';
import { canCurate } from '../account/account.api.ts';
import { ReviewDesk } from '../review/review-desk.tsx';
import { StaffOnly } from './staff-layout.tsx';

/** /staff/practices: the review desk, where curators and admins take submitted practices to review. */
export default function StaffPracticeReviewPage() {
  return (
    <StaffOnly allowed={canCurate}>
      <DocumentTitle text={`${t('staff.practicesTab')} · ${t('staff.title')}`} />
      <ReviewDesk />
    </StaffOnly>
  );
}
