// The demo's edit of a published practice waiting for review, so that the desk's "Bản sửa" tab has
// work for a person trying the curator role: Huế's author updates Hue-S's results with the 2026
// figures and sends them. Written through the services the API calls, as the author would.
import { submitPractice } from '../schema/commands/submit-practice.ts';
import type { Context, Viewer } from '../schema/context.ts';
import { ConflictError } from '../schema/errors.ts';
import { Expert } from '../schema/expert/model.ts';
import { Practice, type PracticeDoc } from '../schema/practice/model.ts';
import { pendingEditOf, sameText } from '../schema/practice/pending-edit.ts';
import { updatePractice } from '../schema/practice/service.ts';
import { ReviewEvent } from '../schema/review/model.ts';
import { demoExpertId, stableId } from './records.ts';
import type { SyncReport } from './sync.ts';

/** The published demo practice that has the edit (seeds/data/practices.json), and its author. */
export const DEMO_EDITED_PRACTICE = stableId('practice', 'hue-s-nen-tang-cong-dan-so-2020');
const AUTHOR = 'khanhtc';

/** What the author changed: the figures, as of 2026 (Huế has been a city under the central government since 2025). */
export const DEMO_EDIT = {
  results: [
    'Số liệu cập nhật đến tháng 10/2026, sau 6 năm vận hành:',
    '',
    '- hơn 1,1 triệu lượt tải, phần lớn người dân thành phố đã cài ứng dụng;',
    '- trên 410.000 phản ánh được tiếp nhận từ khi vận hành, tỷ lệ xử lý xong đạt 97,5%, thời gian xử lý trung bình giảm còn 1,8 ngày;',
    '- 11 ứng dụng riêng lẻ được dừng phát triển, gộp vào Hue-S, tiết kiệm ước tính 1,2 tỷ đồng mỗi năm chi phí duy trì;',
    '- trong đợt mưa lũ cuối tháng 10/2025, cảnh báo được gửi đến hơn 700.000 người dùng trong vòng 10 phút.',
  ].join('\n'),
  beneficiaries: 'Hơn 1,1 triệu người đã tải ứng dụng (phần lớn người dân thành phố Huế) và du khách đến Huế.',
};

/** Whether the practice's edit is the demo's, sent to the curators. */
const hasDemoEdit = (practice: PracticeDoc) => {
  const edit = pendingEditOf(practice);
  return Boolean(edit?.submittedAt) && sameText(edit!.fields, { ...practice, ...DEMO_EDIT });
};

/**
 * Adds the demo edit when it was never sent (once sent, what curators and the author did with it
 * is theirs: a normal load only reads); with `reset`, puts it back as shipped, waiting for a
 * curator, over the published text that the practices' reset put back first.
 */
export async function loadDemoPendingEdit(options: { reset?: boolean } = {}): Promise<SyncReport[]> {
  const report: SyncReport = { collection: Practice.collection.collectionName, inserted: 0, updated: 0, unchanged: 0 };
  const practice = await Practice.findById(DEMO_EDITED_PRACTICE).lean<PracticeDoc>();
  // Unpublished or hidden by a person since: no edit to send.
  if (practice?.status !== 'published') return [report];
  if (options.reset) {
    if (hasDemoEdit(practice)) return [report];
    // Another edit goes, as the reset of the practice took its other changes.
    if (practice.pendingEdit) await Practice.updateOne({ _id: practice._id }, { $set: { pendingEdit: null } });
  } else if (practice.pendingEdit || (await ReviewEvent.exists({ practice: practice._id, kind: 'edit-submitted' }))) return [report];

  const author = await Expert.findById(demoExpertId(AUTHOR)).lean();
  if (!author) return [report];
  // The services read the request's viewer only.
  const viewer = { id: String(author._id), handle: author.handle, role: author.role, verified: true, sessionId: '' } as Viewer;
  const asAuthor = { viewer } as Context;
  const id = String(practice._id);
  try {
    await updatePractice(asAuthor, { id, ...DEMO_EDIT });
    await submitPractice(asAuthor, { id });
  } catch (error) {
    // Another server loading the demo at the same start sent it first.
    if (error instanceof ConflictError) return [report];
    throw error;
  }
  report.updated = 1;
  return [report];
}
