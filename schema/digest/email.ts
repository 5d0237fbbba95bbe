import { escapeUTF8 } from 'entities';
import type { EmailContent, EmailLanguage } from '../email/mailer.ts';

/*
 * The weekly digest's words, Vietnamese and English: plain text and the same as simple HTML, every
 * title and name escaped. The service decides what goes in; this only lays it out.
 */

export interface DigestItem {
  title: string;
  link: string;
}

export interface DigestParts {
  language: EmailLanguage;
  name: string;
  /** What the digest covers, already in the member's words ("An toàn thông tin, Quảng Ninh"). */
  scope: string;
  practices: DigestItem[];
  threads: DigestItem[];
  questions: DigestItem[];
  unsubscribeLink: string;
}

const WORDS = {
  vi: {
    site: 'Mạng lưới chuyên gia chuyển đổi số',
    subject: 'Tuần này trong chủ đề và tỉnh của bạn',
    greeting: (name: string) => `Xin chào ${name},`,
    intro: (scope: string) => `Những gì mới trong tuần qua về ${scope}:`,
    practices: 'Thực tiễn mới được công bố',
    threads: 'Thảo luận sôi nổi',
    questions: 'Câu hỏi chưa có câu trả lời được chấp nhận',
    why: 'Bạn nhận thư này vì đã bật bản tin hằng tuần. Huỷ đăng ký (không cần đăng nhập)',
  },
  en: {
    site: 'Digital Transformation Expert Network',
    subject: 'This week in your topics and province',
    greeting: (name: string) => `Hello ${name},`,
    intro: (scope: string) => `What is new this past week in ${scope}:`,
    practices: 'Newly published practices',
    threads: 'Active discussions',
    questions: 'Questions still without an accepted answer',
    why: 'You get this because the weekly digest is on. Unsubscribe (no sign-in needed)',
  },
} as const;

export function digestEmail(p: DigestParts): EmailContent {
  const w = WORDS[p.language];
  const sections = [
    [w.practices, p.practices],
    [w.threads, p.threads],
    [w.questions, p.questions],
  ].filter(([, items]) => (items as DigestItem[]).length) as [string, DigestItem[]][];
  const text = [
    w.greeting(p.name),
    '',
    w.intro(p.scope),
    '',
    ...sections.flatMap(([heading, items]) => [heading, ...items.map((item) => `- ${item.title}: ${item.link}`), '']),
    `${w.why}: ${p.unsubscribeLink}`,
    '',
    `— ${w.site}`,
  ].join('\n');
  const e = escapeUTF8;
  const html = `<!doctype html><html lang="${p.language}"><body style="font-family:Arial,sans-serif;line-height:1.5;color:#1a1a1a"><p>${e(w.greeting(p.name))}</p><p>${e(w.intro(p.scope))}</p>${sections
    .map(([heading, items]) => `<h2 style="font-size:16px">${e(heading)}</h2><ul>${items.map((item) => `<li><a href="${e(item.link)}">${e(item.title)}</a></li>`).join('')}</ul>`)
    .join('')}<p style="font-size:13px;color:#555">${e(w.why)}: <a href="${e(p.unsubscribeLink)}">${e(p.unsubscribeLink)}</a></p><p style="color:#555">— ${e(w.site)}</p></body></html>`;
  return { subject: w.subject, text, html };
}
