import { featureTranslator } from '../../i18n/i18n.ts';

/*
 * Notifications, in both languages. Beside the feature (not in every visitor's first load): only
 * signed-in members have notifications. en is typed as vi, so a missing or extra key fails tsc.
 */

const number = new Intl.NumberFormat('vi-VN');

const vi = {
  bell: 'Thông báo',
  bellLabel: (n: number) => (n === 0 ? 'Thông báo, không có thông báo chưa đọc' : `${n >= 100 ? 'Hơn 99' : number.format(n)} thông báo chưa đọc`),
  pageTitle: 'Thông báo',
  intro: 'Những gì liên quan đến bạn: trả lời, nhắc tên, câu trả lời được chấp nhận, quyết định về cách làm hay, xác minh và đề xuất, nhiệm vụ được giao, cách làm hay mới trong chủ đề bạn theo dõi.',
  markAll: 'Đánh dấu tất cả là đã đọc',
  markRead: 'Đánh dấu đã đọc',
  unread: 'Chưa đọc',
  more: 'Xem thêm',
  emptyTitle: 'Chưa có thông báo',
  emptyBody: 'Khi có người trả lời, nhắc đến bạn hoặc quyết định về bài của bạn, thông báo sẽ hiện ở đây.',
  preferencesLink: 'Cách nhận thông báo',
  failed: 'Chưa lưu được. Vui lòng thử lại.',
  someone: 'Ban biên tập',
  sentence: {
    REPLY: (who: string, title: string) => `${who} đã trả lời bạn trong “${title}”`,
    MENTION: (who: string, title: string) => `${who} đã nhắc đến bạn trong “${title}”`,
    ANSWER: (who: string, title: string) => `${who} đã trả lời câu hỏi “${title}” của bạn`,
    ANSWER_ACCEPTED: (who: string, title: string) => `${who} đã chấp nhận câu trả lời của bạn cho “${title}”`,
    PRACTICE_PUBLISHED: (_who: string, title: string) => `Cách làm hay “${title}” của bạn đã được đăng`,
    PRACTICE_RETURNED: (_who: string, title: string) => `Cách làm hay “${title}” của bạn được gửi lại để hoàn thiện`,
    PRACTICE_FEATURED: (_who: string, title: string) => `Cách làm hay “${title}” của bạn được chọn làm nổi bật`,
    PRACTICE_COLLECTED: (_who: string, title: string) => `Cách làm hay của bạn được đưa vào bộ sưu tập: ${title}`,
    VERIFICATION_DECIDED: (_who: string, _title: string, outcome: string | null): string =>
      outcome === 'approved'
        ? 'Yêu cầu xác minh chuyên gia của bạn đã được chấp thuận'
        : outcome === 'declined'
          ? 'Yêu cầu xác minh chuyên gia của bạn chưa được chấp thuận'
          : 'Yêu cầu xác minh chuyên gia của bạn đã có kết quả',
    TOPIC_PRACTICE: (who: string, title: string) => `Cách làm hay mới trong chủ đề bạn theo dõi: “${title}” (${who})`,
    MESSAGE: (who: string, _title: string) => `${who} đã gửi cho bạn một tin nhắn`,
    TASK_ASSIGNED: (who: string, title: string) => `${who} đã giao cho bạn (hoặc nhóm của bạn) nhiệm vụ “${title}”`,
    PROPOSAL_DECIDED: (who: string, title: string, outcome: string | null): string =>
      outcome === 'accepted' ? `${who} đã nhận đề xuất “${title}” của bạn thành nhiệm vụ` : `${who} chưa nhận đề xuất “${title}” của bạn, kèm lý do`,
  },
  settingsTab: 'Thông báo',
  preferencesTitle: 'Cách nhận thông báo',
  preferencesIntro: 'Chọn cách bạn nhận từng loại thông báo. Email chỉ gửi tới địa chỉ đã xác nhận.',
  deliveries: { IN_APP: 'Trong ứng dụng', EMAIL: 'Ứng dụng và email', NONE: 'Không nhận' },
  kinds: {
    REPLY: 'Trả lời chủ đề hoặc bình luận của tôi',
    MENTION: 'Nhắc đến tôi (@tên)',
    ANSWER: 'Câu trả lời cho câu hỏi của tôi',
    ANSWER_ACCEPTED: 'Câu trả lời của tôi được chấp nhận',
    PRACTICE_PUBLISHED: 'Cách làm hay của tôi được đăng',
    PRACTICE_RETURNED: 'Cách làm hay của tôi được gửi lại',
    PRACTICE_FEATURED: 'Cách làm hay của tôi được nổi bật',
    PRACTICE_COLLECTED: 'Cách làm hay của tôi vào bộ sưu tập',
    VERIFICATION_DECIDED: 'Kết quả xác minh chuyên gia',
    TOPIC_PRACTICE: 'Cách làm hay mới trong chủ đề tôi theo dõi',
    MESSAGE: 'Tin nhắn mới',
    TASK_ASSIGNED: 'Nhiệm vụ giao cho tôi hoặc nhóm của tôi',
    PROPOSAL_DECIDED: 'Quyết định về đề xuất của tôi',
  },
  saved: 'Đã lưu',
};

const en: typeof vi = {
  bell: 'Notifications',
  bellLabel: (n: number) => (n === 0 ? 'Notifications, none unread' : `${n >= 100 ? 'More than 99' : n.toLocaleString('en')} unread notification${n === 1 ? '' : 's'}`),
  pageTitle: 'Notifications',
  intro: 'What concerns you: replies, mentions, accepted answers, decisions about your practices, verification and proposals, tasks given to you, new practices in topics you follow.',
  markAll: 'Mark all as read',
  markRead: 'Mark as read',
  unread: 'Unread',
  more: 'Show more',
  emptyTitle: 'No notifications yet',
  emptyBody: 'When someone replies, mentions you or decides on your work, it shows here.',
  preferencesLink: 'Notification preferences',
  failed: 'Not saved. Please try again.',
  someone: 'The editors',
  sentence: {
    REPLY: (who, title) => `${who} replied to you in “${title}”`,
    MENTION: (who, title) => `${who} mentioned you in “${title}”`,
    ANSWER: (who, title) => `${who} answered your question “${title}”`,
    ANSWER_ACCEPTED: (who, title) => `${who} accepted your answer to “${title}”`,
    PRACTICE_PUBLISHED: (_who, title) => `Your practice “${title}” was published`,
    PRACTICE_RETURNED: (_who, title) => `Your practice “${title}” was returned for improvements`,
    PRACTICE_FEATURED: (_who, title) => `Your practice “${title}” was featured`,
    PRACTICE_COLLECTED: (_who, title) => `Your practice was added to a collection: ${title}`,
    VERIFICATION_DECIDED: (_who, _title, outcome) =>
      outcome === 'approved'
        ? 'Your expert verification request was approved'
        : outcome === 'declined'
          ? 'Your expert verification request was not approved'
          : 'Your expert verification request was decided',
    TOPIC_PRACTICE: (who, title) => `A new practice in a topic you follow: “${title}” (${who})`,
    MESSAGE: (who) => `${who} sent you a message`,
    TASK_ASSIGNED: (who, title) => `${who} made you (or your group) responsible for the task “${title}”`,
    PROPOSAL_DECIDED: (who, title, outcome) => (outcome === 'accepted' ? `${who} turned your proposal “${title}” into a task` : `${who} declined your proposal “${title}”, saying why`),
  },
  settingsTab: 'Notifications',
  preferencesTitle: 'Notification preferences',
  preferencesIntro: 'Choose how you hear of each kind of notification. Email goes only to a confirmed address.',
  deliveries: { IN_APP: 'In the app', EMAIL: 'App and email', NONE: 'Off' },
  kinds: {
    REPLY: 'Replies to my threads or replies',
    MENTION: 'Mentions of me (@handle)',
    ANSWER: 'Answers to my questions',
    ANSWER_ACCEPTED: 'My answer accepted',
    PRACTICE_PUBLISHED: 'My practice published',
    PRACTICE_RETURNED: 'My practice returned',
    PRACTICE_FEATURED: 'My practice featured',
    PRACTICE_COLLECTED: 'My practice added to a collection',
    VERIFICATION_DECIDED: 'My expert verification decided',
    TOPIC_PRACTICE: 'New practices in topics I follow',
    MESSAGE: 'New messages',
    TASK_ASSIGNED: 'Tasks given to me or my group',
    PROPOSAL_DECIDED: 'Decisions on my proposals',
  },
  saved: 'Saved',
};

export const nt = featureTranslator({ vi, en });
