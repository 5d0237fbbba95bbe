import { featureTranslator } from '../../i18n/i18n.ts';
import { formErrorText, type FormProblem } from '../../lib/form.ts';

/*
 * Private messages, in both languages. Beside the feature (only signed-in members read them);
 * en is typed as vi, so a missing or extra key fails tsc.
 */

const vi = {
  title: 'Tin nhắn',
  headerLink: 'Tin nhắn',
  headerUnread: (count: number) => `Tin nhắn, ${count} chưa đọc`,
  empty: 'Bạn chưa có cuộc trò chuyện nào. Tìm đồng nghiệp trong danh bạ chuyên gia và bấm “Nhắn tin” trên trang của họ.',
  findPeople: 'Tìm chuyên gia',
  unread: (count: number) => `${count} chưa đọc`,
  you: 'Bạn',
  group: (count: number) => `Nhóm ${count} người`,
  hiddenMessage: 'Tin nhắn đã bị điều hành viên ẩn.',
  noMessages: 'Chưa có tin nhắn.',
  back: 'Tất cả tin nhắn',
  with: (names: string) => `Trò chuyện với ${names}`,
  composer: 'Tin nhắn của bạn',
  composerHint: 'Hỗ trợ Markdown. Chỉ những người trong cuộc trò chuyện đọc được.',
  send: 'Gửi',
  sending: 'Đang gửi…',
  leave: 'Rời nhóm',
  leaveConfirm: 'Rời nhóm này? Bạn sẽ không nhận thêm tin nhắn của nhóm.',
  report: 'Báo cáo',
  reportTitle: 'Báo cáo tin nhắn với điều hành viên',
  reportIntro: 'Điều hành viên sẽ đọc được tin nhắn này và vài tin trước đó, không gì khác. Người viết không biết ai đã báo cáo.',
  reasonLegend: 'Lý do',
  reasons: { SPAM: 'Quảng cáo, tin rác', HARASSMENT: 'Quấy rối', INAPPROPRIATE: 'Nội dung không phù hợp', OTHER: 'Lý do khác' },
  note: 'Ghi chú (bắt buộc khi chọn “Lý do khác”)',
  sendReport: 'Gửi báo cáo',
  cancel: 'Hủy',
  reported: 'Đã gửi báo cáo tới điều hành viên.',
  messageButton: 'Nhắn tin',
  newTitle: (name: string) => `Nhắn tin cho ${name}`,
  block: 'Chặn',
  unblock: 'Bỏ chặn',
  blockConfirm: (name: string) => `Chặn ${name}? Họ sẽ không thể nhắn tin riêng cho bạn.`,
  blockedNote: 'Bạn đã chặn người này.',
  blockedTab: 'Người đã chặn',
  blockedIntro: 'Những người này không thể bắt đầu trò chuyện với bạn hay nhắn tin riêng cho bạn. Họ không được báo là đã bị chặn.',
  blockedEmpty: 'Bạn chưa chặn ai.',
  notReceiving: 'Người này hiện không nhận tin nhắn từ bạn.',
  tooLong: 'Tin nhắn quá dài.',
  required: 'Hãy viết nội dung tin nhắn.',
  queueTitle: 'Tin nhắn bị báo cáo',
  queueIntro: 'Chỉ tin nhắn bị báo cáo và vài tin trước đó hiện ở đây; phần còn lại của cuộc trò chuyện vẫn riêng tư.',
  queueEmpty: 'Không có tin nhắn nào bị báo cáo.',
  reportedBy: (reporter: string, author: string) => `${reporter} báo cáo tin nhắn của ${author}`,
  context: 'Các tin trước đó',
  decisionReason: 'Lý do quyết định (ghi vào nhật ký)',
  hide: 'Ẩn tin nhắn',
  keep: 'Giữ lại',
};

const en: typeof vi = {
  title: 'Messages',
  headerLink: 'Messages',
  headerUnread: (count: number) => `Messages, ${count} unread`,
  empty: 'You have no conversations yet. Find a peer in the expert directory and press “Message” on their page.',
  findPeople: 'Find experts',
  unread: (count: number) => `${count} unread`,
  you: 'You',
  group: (count: number) => `Group of ${count}`,
  hiddenMessage: 'A moderator hid this message.',
  noMessages: 'No messages yet.',
  back: 'All messages',
  with: (names: string) => `Conversation with ${names}`,
  composer: 'Your message',
  composerHint: 'Markdown works. Only the people in this conversation read it.',
  send: 'Send',
  sending: 'Sending…',
  leave: 'Leave group',
  leaveConfirm: 'Leave this group? You will get no more of its messages.',
  report: 'Report',
  reportTitle: 'Report a message to the moderators',
  reportIntro: 'Moderators will read this message and the few before it, nothing else. Its writer is not told who reported it.',
  reasonLegend: 'Reason',
  reasons: { SPAM: 'Advertising, spam', HARASSMENT: 'Harassment', INAPPROPRIATE: 'Inappropriate content', OTHER: 'Something else' },
  note: 'Note (required for “Something else”)',
  sendReport: 'Send report',
  cancel: 'Cancel',
  reported: 'Your report reached the moderators.',
  messageButton: 'Message',
  newTitle: (name: string) => `Message ${name}`,
  block: 'Block',
  unblock: 'Unblock',
  blockConfirm: (name: string) => `Block ${name}? They will not be able to message you privately.`,
  blockedNote: 'You blocked this person.',
  blockedTab: 'Blocked people',
  blockedIntro: 'These people cannot start a conversation with you or message you privately. They are not told they are blocked.',
  blockedEmpty: 'You have not blocked anyone.',
  notReceiving: 'This person is not receiving messages from you at the moment.',
  tooLong: 'The message is too long.',
  required: 'Write something first.',
  queueTitle: 'Reported messages',
  queueIntro: 'Only the reported message and the few before it show here; the rest of the conversation stays private.',
  queueEmpty: 'No reported messages.',
  reportedBy: (reporter: string, author: string) => `${reporter} reported a message by ${author}`,
  context: 'The messages before it',
  decisionReason: 'Reason for the decision (goes to the audit log)',
  hide: 'Hide message',
  keep: 'Keep',
};

export const mt = featureTranslator({ vi, en });

/** What went wrong with a message's sending, said without blame. */
export function messageProblemText(problem: FormProblem | undefined): string | undefined {
  if (!problem) return undefined;
  const body = problem.fields.body;
  if (body === 'TOO_LONG') return mt('tooLong');
  if (body === 'REQUIRED') return mt('required');
  if (problem.form?.code === 'NOT_AUTHORIZED') return mt('notReceiving');
  return formErrorText(problem.form ?? { code: 'VALIDATION_FAILED' });
}
