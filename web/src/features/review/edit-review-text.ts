import { featureTranslator } from '../../i18n/i18n.ts';

/*
 * The words about an edit of a published practice (its editor, its page, the desk's tab), in both
 * languages. Beside the feature rather than in i18n/vi.ts, which every visitor loads first: only
 * a practice's authors and curators read these. en is typed as vi, so a missing key fails tsc.
 */

const vi = {
  editorNote: (version: number) =>
    `Cách làm hay này đã công bố (phiên bản ${version}). Những gì bạn sửa được lưu thành một bản sửa: người đọc vẫn thấy bản đã công bố cho đến khi thẩm định viên duyệt bản sửa.`,
  editorWaitingNote: 'Bản sửa đang chờ thẩm định viên duyệt. Nếu sửa tiếp, bản sửa được rút về cho đến khi bạn gửi lại.',
  editorReturnedNote: (reason: string) => `Thẩm định viên đã trả lại bản sửa: ${reason}`,
  submitEdit: 'Gửi duyệt bản sửa',
  noEdit: 'Chưa có gì khác với bản đã công bố để gửi duyệt.',
  alreadyWaiting: 'Bản sửa này đã được gửi và đang chờ duyệt.',
  authorHeading: 'Bản sửa của bạn',
  notSent: (date: string) => `Bản sửa đã lưu lúc ${date} nhưng chưa gửi duyệt. Người đọc vẫn thấy bản đã công bố.`,
  waiting: (date: string) => `Bản sửa đã gửi lúc ${date} và đang chờ thẩm định viên duyệt. Người đọc vẫn thấy bản đã công bố.`,
  returned: (reason: string) => `Thẩm định viên đã trả lại bản sửa. Lý do: ${reason}`,
  continueEditing: 'Tiếp tục sửa',
  curatorHeading: 'Bản sửa chờ duyệt',
  curatorIntro: 'Tác giả đề nghị thay nội dung đang công bố bằng bản dưới đây. Người đọc chỉ thấy bản sửa sau khi được công bố.',
  curatorNotSent: 'Tác giả chưa gửi bản sửa này để duyệt.',
  curatorReturned: (reason: string) => `Bản sửa đã được trả lại cho tác giả. Lý do: ${reason}`,
  publishEdit: 'Công bố bản sửa',
  returnEdit: 'Trả lại bản sửa…',
  confirmReturn: 'Trả lại bản sửa',
  reason: 'Góp ý cho tác giả',
  reasonHint: 'Tác giả sẽ đọc được góp ý này. Cách làm hay vẫn được công bố như hiện tại.',
  proposedTitle: 'Tiêu đề đề nghị',
  proposedSummary: 'Tóm tắt đề nghị',
  deskKinds: 'Loại hồ sơ',
  deskNew: 'Gửi mới',
  deskTab: 'Bản sửa',
  deskEditsWaiting: 'Bản sửa chờ duyệt',
  editSubmitted: (date: string) => `Gửi bản sửa ${date}`,
  editPublished: 'Sửa (cần duyệt lại)',
};

const en: typeof vi = {
  editorNote: (version: number) => `This practice is published (version ${version}). What you change is saved as an edit: readers keep seeing the published version until a curator approves the edit.`,
  editorWaitingNote: 'The edit is waiting for a curator. Changing it again withdraws it until you send it again.',
  editorReturnedNote: (reason: string) => `A curator returned the edit: ${reason}`,
  submitEdit: 'Send the edit for review',
  noEdit: 'Nothing differs from the published version yet.',
  alreadyWaiting: 'This edit was sent and is waiting for review.',
  authorHeading: 'Your edit',
  notSent: (date: string) => `The edit was saved on ${date} but not sent for review. Readers still see the published version.`,
  waiting: (date: string) => `The edit was sent on ${date} and is waiting for a curator. Readers still see the published version.`,
  returned: (reason: string) => `A curator returned the edit. Reason: ${reason}`,
  continueEditing: 'Continue editing',
  curatorHeading: 'Edit awaiting review',
  curatorIntro: 'The authors propose to replace the published text with the version below. Readers see it only once it is published.',
  curatorNotSent: 'The authors have not sent this edit for review yet.',
  curatorReturned: (reason: string) => `The edit was returned to the authors. Reason: ${reason}`,
  publishEdit: 'Publish the edit',
  returnEdit: 'Return the edit…',
  confirmReturn: 'Return the edit',
  reason: 'Feedback for the authors',
  reasonHint: 'The authors will read this. The practice stays published as it is.',
  proposedTitle: 'Proposed title',
  proposedSummary: 'Proposed summary',
  deskKinds: 'Kind',
  deskNew: 'New',
  deskTab: 'Edits',
  deskEditsWaiting: 'Edits waiting',
  editSubmitted: (date: string) => `Edit sent ${date}`,
  editPublished: 'Edit (reviewed again)',
};

/** The translator of edits' words, following the interface language. */
export const te = featureTranslator({ vi, en });
