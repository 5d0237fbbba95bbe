import { escapeUTF8 } from 'entities';
import type { EmailContent, EmailLanguage } from './mailer.ts';

/*
 * The account emails, in Vietnamese and English: plain text for every reader, and the same words
 * as simple HTML (names and links escaped). A template holds no logic beyond its words.
 */

const SITE = { vi: 'Mạng lưới chuyên gia chuyển đổi số', en: 'Digital Transformation Expert Network' };

interface Parts {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; href: string };
  after: string[];
}

function render(language: EmailLanguage, parts: Parts): EmailContent {
  const text = [
    parts.greeting,
    '',
    ...parts.paragraphs.flatMap((p) => [p, '']),
    ...(parts.action ? [`${parts.action.label}: ${parts.action.href}`, ''] : []),
    ...parts.after.flatMap((p) => [p, '']),
    `— ${SITE[language]}`,
  ].join('\n');
  const paragraph = (p: string) => `<p>${escapeUTF8(p)}</p>`;
  const button = parts.action
    ? `<p><a href="${escapeUTF8(parts.action.href)}" style="display:inline-block;padding:10px 16px;background:#0b5cad;color:#fff;text-decoration:none;border-radius:4px">${escapeUTF8(parts.action.label)}</a></p><p style="font-size:13px;color:#555">${escapeUTF8(parts.action.href)}</p>`
    : '';
  const html = `<!doctype html><html lang="${language}"><body style="font-family:Arial,sans-serif;line-height:1.5;color:#1a1a1a">${paragraph(parts.greeting)}${parts.paragraphs.map(paragraph).join('')}${button}${parts.after.map(paragraph).join('')}<p style="color:#555">— ${escapeUTF8(SITE[language])}</p></body></html>`;
  return { subject: parts.subject, text, html };
}

export function passwordResetEmail(language: EmailLanguage, name: string, link: string, validMinutes: number): EmailContent {
  return language === 'en'
    ? render('en', {
        subject: 'Reset your password',
        greeting: `Hello ${name},`,
        paragraphs: [`Someone (we hope you) asked to reset the password of your account on the ${SITE.en}. The link below works once, for ${validMinutes} minutes.`],
        action: { label: 'Choose a new password', href: link },
        after: ['If you did not ask, ignore this email: your password stays as it is.'],
      })
    : render('vi', {
        subject: 'Đặt lại mật khẩu',
        greeting: `Xin chào ${name},`,
        paragraphs: [`Có người (chúng tôi mong là bạn) vừa yêu cầu đặt lại mật khẩu tài khoản của bạn trên ${SITE.vi}. Liên kết dưới đây dùng được một lần, trong ${validMinutes} phút.`],
        action: { label: 'Đặt mật khẩu mới', href: link },
        after: ['Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu của bạn giữ nguyên.'],
      });
}

export function verifyAddressEmail(language: EmailLanguage, name: string, link: string, validHours: number): EmailContent {
  return language === 'en'
    ? render('en', {
        subject: 'Confirm your email address',
        greeting: `Hello ${name},`,
        paragraphs: [`Welcome to the ${SITE.en}. Please confirm that this address is yours: the link works once, for ${validHours} hours.`],
        action: { label: 'Confirm my address', href: link },
        after: ['If you did not sign up, ignore this email.'],
      })
    : render('vi', {
        subject: 'Xác nhận địa chỉ email',
        greeting: `Xin chào ${name},`,
        paragraphs: [`Chào mừng bạn đến với ${SITE.vi}. Vui lòng xác nhận địa chỉ này là của bạn: liên kết dùng được một lần, trong ${validHours} giờ.`],
        action: { label: 'Xác nhận địa chỉ', href: link },
        after: ['Nếu bạn không đăng ký, hãy bỏ qua thư này.'],
      });
}

/** To the owner of an address someone tried to sign up with again. */
export function signUpAttemptEmail(language: EmailLanguage, name: string, resetLink: string): EmailContent {
  return language === 'en'
    ? render('en', {
        subject: 'Someone tried to sign up with your address',
        greeting: `Hello ${name},`,
        paragraphs: [`Someone just tried to create an account on the ${SITE.en} with this email address, which already has your account. No new account was made.`],
        action: { label: 'Forgot your password? Reset it', href: resetLink },
        after: ['If it was not you, you need do nothing: your account is unchanged.'],
      })
    : render('vi', {
        subject: 'Có người thử đăng ký bằng địa chỉ của bạn',
        greeting: `Xin chào ${name},`,
        paragraphs: [`Vừa có người thử tạo tài khoản trên ${SITE.vi} bằng địa chỉ email này, vốn đã là tài khoản của bạn. Không có tài khoản mới nào được tạo.`],
        action: { label: 'Quên mật khẩu? Đặt lại', href: resetLink },
        after: ['Nếu không phải bạn, bạn không cần làm gì: tài khoản của bạn không thay đổi.'],
      });
}
