import { escapeUTF8 } from 'entities';
import type { EmailContent, EmailLanguage } from '../email/mailer.ts';
import type { NotificationKind } from './kinds.ts';

/*
 * A notification's email, in Vietnamese or English: one sentence saying who did what, a link to
 * it, and a link to the preferences that sent it. Plain text and the same words as simple HTML
 * (every name and title escaped; the mailer keeps header values on one line).
 */

const SITE = { vi: 'Mạng lưới chuyên gia chuyển đổi số', en: 'Digital Transformation Expert Network' };

type Sentence = (who: string, title: string, detail: string | null) => string;

const SENTENCES: Record<EmailLanguage, Record<NotificationKind, Sentence>> = {
  vi: {
    reply: (who, title) => `${who} đã trả lời bạn trong “${title}”.`,
    mention: (who, title) => `${who} đã nhắc đến bạn trong “${title}”.`,
    answer: (who, title) => `${who} đã trả lời câu hỏi “${title}” của bạn.`,
    answer_accepted: (who, title) => `${who} đã chấp nhận câu trả lời của bạn cho “${title}”.`,
    practice_published: (_who, title) => `Cách làm hay “${title}” của bạn đã được đăng.`,
    practice_returned: (_who, title) => `Cách làm hay “${title}” của bạn được gửi lại để hoàn thiện.`,
    practice_featured: (_who, title) => `Cách làm hay “${title}” của bạn được chọn làm nổi bật.`,
    practice_collected: (_who, title) => `Cách làm hay của bạn được đưa vào bộ sưu tập: ${title}.`,
    verification_decided: (_who, _title, detail) => (detail === 'approved' ? 'Yêu cầu xác minh chuyên gia của bạn đã được chấp thuận.' : 'Yêu cầu xác minh chuyên gia của bạn chưa được chấp thuận.'),
    topic_practice: (who, title) => `Cách làm hay mới trong chủ đề bạn theo dõi: “${title}” (${who}).`,
    message: (who) => `${who} đã gửi cho bạn một tin nhắn.`,
    task_assigned: (who, title) => `${who} đã giao cho bạn (hoặc nhóm của bạn) nhiệm vụ “${title}”.`,
    proposal_decided: (who, title, detail) => (detail === 'accepted' ? `${who} đã nhận đề xuất “${title}” của bạn thành nhiệm vụ.` : `${who} chưa nhận đề xuất “${title}” của bạn, kèm lý do.`),
  },
  en: {
    reply: (who, title) => `${who} replied to you in “${title}”.`,
    mention: (who, title) => `${who} mentioned you in “${title}”.`,
    answer: (who, title) => `${who} answered your question “${title}”.`,
    answer_accepted: (who, title) => `${who} accepted your answer to “${title}”.`,
    practice_published: (_who, title) => `Your practice “${title}” was published.`,
    practice_returned: (_who, title) => `Your practice “${title}” was returned for improvements.`,
    practice_featured: (_who, title) => `Your practice “${title}” was featured.`,
    practice_collected: (_who, title) => `Your practice was added to a collection: ${title}.`,
    verification_decided: (_who, _title, detail) => (detail === 'approved' ? 'Your expert verification request was approved.' : 'Your expert verification request was not approved.'),
    topic_practice: (who, title) => `A new practice in a topic you follow: “${title}” (${who}).`,
    message: (who) => `${who} sent you a message.`,
    task_assigned: (who, title) => `${who} made you (or your group) responsible for the task “${title}”.`,
    proposal_decided: (who, title, detail) => (detail === 'accepted' ? `${who} turned your proposal “${title}” into a task.` : `${who} declined your proposal “${title}”, saying why.`),
  },
};

const WORDS = {
  vi: { hello: 'Xin chào', open: 'Xem', why: 'Bạn nhận thư này theo cách nhận thông báo bạn đã chọn. Thay đổi tại đây', someone: 'Ban biên tập' },
  en: { hello: 'Hello', open: 'Open it', why: 'You get this email because of your notification preferences. Change them here', someone: 'The editors' },
};

export interface NotificationEmailParts {
  language: EmailLanguage;
  recipientName: string;
  kind: NotificationKind;
  actorName: string | null;
  title: string | null;
  detail: string | null;
  link: string;
  preferencesLink: string;
}

/** The sentence alone (also the subject). */
export const notificationSentence = (p: Pick<NotificationEmailParts, 'language' | 'kind' | 'actorName' | 'title' | 'detail'>) =>
  SENTENCES[p.language][p.kind](p.actorName ?? WORDS[p.language].someone, p.title ?? '', p.detail);

export function notificationEmail(p: NotificationEmailParts): EmailContent {
  const words = WORDS[p.language];
  const sentence = notificationSentence(p);
  const greeting = `${words.hello} ${p.recipientName},`;
  const text = [greeting, '', sentence, '', `${words.open}: ${p.link}`, '', `${words.why}: ${p.preferencesLink}`, '', `— ${SITE[p.language]}`].join('\n');
  const e = escapeUTF8;
  const html = `<!doctype html><html lang="${p.language}"><body style="font-family:Arial,sans-serif;line-height:1.5;color:#1a1a1a"><p>${e(greeting)}</p><p>${e(sentence)}</p><p><a href="${e(p.link)}" style="display:inline-block;padding:10px 16px;background:#0b5cad;color:#fff;text-decoration:none;border-radius:4px">${e(words.open)}</a></p><p style="font-size:13px;color:#555">${e(words.why)}: <a href="${e(p.preferencesLink)}">${e(p.preferencesLink)}</a></p><p style="color:#555">— ${e(SITE[p.language])}</p></body></html>`;
  return { subject: sentence, text, html };
}
