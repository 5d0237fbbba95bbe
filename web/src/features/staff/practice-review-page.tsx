import { DocumentTitle } from '../../components/document-title.tsx';
import { t } from '../../i18n/i18n.ts';
import { canCurate } from '../account/account.api.ts';
import { PracticeReviewQueue } from '../practice/practice-review-queue.tsx';
import { StaffOnly } from './staff-layout.tsx';

/** /staff/practices: curators and admins read submitted good practices and decide on them. */
export default function StaffPracticeReviewPage() {
  return (
    <StaffOnly allowed={canCurate}>
      <DocumentTitle text={`${t('staff.practicesTab')} · ${t('staff.title')}`} />
      <PracticeReviewQueue />
    </StaffOnly>
  );
}
