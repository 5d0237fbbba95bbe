import { featureTranslator } from '../../i18n/i18n.ts';
import { REPLICATION_LIMITS } from '../../../../schema/field-limits.ts';

/*
 * The words of a practice's replications, in both languages. They live beside the feature: the
 * Vietnamese dictionary (i18n/vi.ts) is in every visitor's first load, and these show only on a
 * practice's page. en is typed as vi, so a missing or extra key fails tsc.
 */

const vi = {
  heading: 'Đã được nhân rộng',
  intro: 'Những nơi đã áp dụng thực hành này, do thành viên của đơn vị áp dụng ghi lại.',
  count: (n: number) => (n === 0 ? 'Chưa có nơi nào ghi nhận đã áp dụng' : `Đã được nhân rộng ở ${n} nơi`),
  empty: 'Chưa có đơn vị nào ghi nhận đã áp dụng thực hành này.',
  when: (month: number, year: number) => `Tháng ${month}/${year}`,
  changes: 'Điều chỉnh khi áp dụng',
  result: 'Kết quả',
  recordedBy: (name: string) => `Ghi nhận bởi ${name}`,
  formHeading: 'Đơn vị tôi đã áp dụng thực hành này',
  formIntro: 'Thành viên đã được xác minh ghi nhận cho đơn vị của mình; biên tập viên có thể ghi nhận thay một đơn vị.',
  editHeading: 'Sửa ghi nhận',
  organization: 'Đơn vị đã áp dụng',
  place: 'Nơi áp dụng',
  month: 'Tháng bắt đầu áp dụng',
  year: 'Năm',
  monthOption: (month: number) => `Tháng ${month}`,
  changesLabel: 'Đã điều chỉnh những gì so với cách làm gốc',
  changesHint: `Ngắn gọn, từ ${REPLICATION_LIMITS.changesMin} đến ${REPLICATION_LIMITS.changes} ký tự.`,
  resultLabel: 'Kết quả đạt được',
  resultHint: 'Nên có số liệu: thời gian xử lý, số hồ sơ, chi phí…',
  submit: 'Ghi nhận',
  save: 'Lưu',
  cancel: 'Hủy',
  edit: 'Sửa',
  remove: 'Xóa',
  confirmRemove: 'Xóa ghi nhận này?',
  recorded: 'Đã ghi nhận. Cảm ơn đơn vị đã chia sẻ.',
  saved: 'Đã lưu thay đổi.',
  removed: 'Đã xóa ghi nhận.',
  verifyToRecord: 'Thành viên đã được xác minh có thể ghi nhận đơn vị mình đã áp dụng thực hành này.',
  error: {
    OWN_PRACTICE: 'Đơn vị xây dựng thực hành này không thể ghi nhận là đã áp dụng nó.',
    TAKEN: 'Đơn vị này đã ghi nhận rồi: hãy sửa ghi nhận có sẵn.',
    FORMER: 'Đơn vị này đã được sáp nhập: hãy chọn đơn vị kế thừa.',
    IN_FUTURE: 'Thời điểm áp dụng không thể ở tương lai.',
    REQUIRED: 'Hãy chọn hoặc điền mục này.',
    TOO_SHORT: `Cần ít nhất ${REPLICATION_LIMITS.changesMin} ký tự.`,
    NOT_AUTHORIZED: 'Chỉ thành viên đã xác minh của đơn vị này, hoặc biên tập viên, mới ghi nhận được.',
  },
};

const en: typeof vi = {
  heading: 'Replicated',
  intro: 'Where this practice has been adopted, as recorded by members of the adopting organisations.',
  count: (n: number) => (n === 0 ? 'No adoption recorded yet' : n === 1 ? 'Adopted in 1 place' : `Adopted in ${n} places`),
  empty: 'No organisation has recorded adopting this practice yet.',
  when: (month: number, year: number) => `${new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${year}`,
  changes: 'What they changed',
  result: 'Result',
  recordedBy: (name: string) => `Recorded by ${name}`,
  formHeading: 'My organisation adopted this practice',
  formIntro: 'Verified members record it for their own organisation; curators may record it on an organisation’s behalf.',
  editHeading: 'Edit the record',
  organization: 'Adopting organisation',
  place: 'Where',
  month: 'Month adopted',
  year: 'Year',
  monthOption: (month: number) => new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' }),
  changesLabel: 'What you changed from the original',
  changesHint: `Briefly, ${REPLICATION_LIMITS.changesMin} to ${REPLICATION_LIMITS.changes} characters.`,
  resultLabel: 'Result',
  resultHint: 'Figures help: processing time, number of applications, cost…',
  submit: 'Record',
  save: 'Save',
  cancel: 'Cancel',
  edit: 'Edit',
  remove: 'Remove',
  confirmRemove: 'Remove this record?',
  recorded: 'Recorded. Thank you for sharing.',
  saved: 'Changes saved.',
  removed: 'Record removed.',
  verifyToRecord: 'Verified members can record that their organisation adopted this practice.',
  error: {
    OWN_PRACTICE: 'The organisation that made this practice cannot record adopting it.',
    TAKEN: 'This organisation has already recorded it: edit the existing record.',
    FORMER: 'This organisation was merged: choose its successor.',
    IN_FUTURE: 'An adoption cannot be dated in the future.',
    REQUIRED: 'Choose or fill in this field.',
    TOO_SHORT: `At least ${REPLICATION_LIMITS.changesMin} characters.`,
    NOT_AUTHORIZED: 'Only a verified member of this organisation, or a curator, can record it.',
  },
};

export const rt = featureTranslator({ vi, en });
