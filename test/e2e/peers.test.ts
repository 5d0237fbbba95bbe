import { describe, expect, it } from 'vitest';
import { demoThreadId } from '../../seeds/records.ts';
import { globalId } from '../helpers/accounts.ts';
import { useRunningApp } from '../helpers/app.ts';
import { signInWithCookie, useBrowser, usePages } from '../helpers/browser.ts';

/*
 * Issue 12's walk, as two people do it in headless Chromium over the demo data: a newcomer signs
 * up in a province, goes through the welcome steps, finds a peer by specialty, messages and
 * follows them, and follows a discussion; the peer, in a browser of their own, answers the
 * message and replies in that discussion; the newcomer sees both arrive without reloading.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();
const pageFor = usePages(browser);

const SPECIALTY = 'an-toan-thong-tin';
// A demo question (asked by someone else) that the newcomer follows.
const THREAD = globalId('Thread', String(demoThreadId('tieu-chi-nen-tang-dam-may')));

describe('A new member finds a peer and hears back', () => {
  it('signs up, is welcomed, finds a peer by specialty, messages and follows them, and sees their replies arrive live', async () => {
    const newcomer = await pageFor();
    const main = () => newcomer.getByRole('main');

    // Sign-up in a province, then the welcome steps: a position and a specialty, nothing else.
    await newcomer.goto(`${baseUrl()}/sign-up`);
    await newcomer.getByLabel('Họ và tên').fill('Vũ Thị Hằng');
    await newcomer.getByLabel('Email').fill(`hang.vt.${Date.now()}@stttt.quangninh.example.vn`);
    await newcomer.getByLabel('Mật khẩu', { exact: true }).fill('mat-khau-cua-hang-2026');
    await newcomer.getByLabel('Tỉnh, thành phố').selectOption({ label: 'Quảng Ninh' });
    await newcomer.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await newcomer.waitForURL(/\/welcome$/);
    await newcomer.getByLabel('Chức vụ').fill('Phó Giám đốc Trung tâm Thông tin');
    await main().getByRole('checkbox', { name: 'An toàn thông tin' }).check();
    await main().getByRole('button', { name: 'Lưu và tiếp tục' }).click();
    await main().getByRole('button', { name: 'Tiếp tục' }).click();
    await main().getByRole('button', { name: 'Xong, về trang chủ' }).click();
    await newcomer.waitForURL(`${baseUrl()}/`);

    // A peer by specialty, from the directory's filter.
    await newcomer.goto(`${baseUrl()}/experts`);
    await newcomer.getByRole('combobox', { name: 'Lĩnh vực chuyên môn' }).selectOption(SPECIALTY);
    await newcomer.waitForURL(new RegExp(`specialty=${SPECIALTY}`));
    const peerCard = main()
      .getByRole('article')
      .filter({ hasNot: newcomer.getByText('Vũ Thị Hằng') })
      .first();
    const peerName = (await peerCard.getByRole('heading').innerText()).trim();
    await peerCard.getByRole('link', { name: peerName }).click();
    await newcomer.getByRole('heading', { level: 1, name: peerName }).waitFor();
    const peerHandle = new URL(newcomer.url()).pathname.split('/').at(-1)!;

    // Follows them, then writes to them.
    await main()
      .getByRole('button', { name: /^Theo dõi/ })
      .first()
      .click();
    await main()
      .getByRole('button', { name: /^Đang theo dõi/ })
      .first()
      .waitFor();
    await newcomer.waitForFunction(() => !document.querySelector('.toggle-button[aria-busy="true"]'));
    await main().getByRole('link', { name: 'Nhắn tin' }).click();
    await newcomer.getByLabel('Tin nhắn của bạn').fill('Chào anh/chị, Quảng Ninh đang xây dựng trung tâm giám sát an toàn thông tin. Xin được trao đổi kinh nghiệm.');
    await main().getByRole('button', { name: 'Gửi' }).click();
    await newcomer.waitForURL(/\/messages\/[^/]+$/);
    const conversationUrl = newcomer.url();
    await main().getByText('Quảng Ninh đang xây dựng trung tâm giám sát').waitFor();

    // Follows a discussion and keeps it open.
    await newcomer.goto(`${baseUrl()}/threads/${THREAD}`);
    await main()
      .getByRole('button', { name: /^Theo dõi/ })
      .click();
    await main()
      .getByRole('button', { name: /^Đang theo dõi/ })
      .waitFor();
    await newcomer.waitForFunction(() => !document.querySelector('.toggle-button[aria-busy="true"]'));
    const bell = newcomer.locator('header a.notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Thông báo, không có thông báo chưa đọc');
    const messages = newcomer.locator('header a.messages-link');
    await expect.poll(() => messages.getAttribute('aria-label')).toBe('Tin nhắn');

    // The peer, in a browser of their own, replies in that discussion: the newcomer, who never
    // reloaded, sees the reply appear on the open page and the bell count it.
    const peer = await pageFor();
    await signInWithCookie(peer.context(), baseUrl(), peerHandle);
    await peer.goto(`${baseUrl()}/threads/${THREAD}`);
    const reply = `Đơn vị tôi đánh giá nhà cung cấp theo bộ tiêu chí an toàn thông tin cấp độ 3 (${Date.now()}).`;
    await peer.getByLabel('Câu trả lời của bạn').fill(reply);
    await peer.getByRole('main').getByRole('button', { name: 'Gửi câu trả lời' }).click();
    await peer.getByRole('main').getByText(reply).waitFor();
    await main().getByText(reply).waitFor({ timeout: 15_000 });
    await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 15_000 }).toBe('1 thông báo chưa đọc');

    // The message waits unread for the peer; their answer raises the newcomer's messages count, live too.
    await peer.goto(`${baseUrl()}/messages`);
    await expect.poll(() => peer.locator('header a.messages-link').getAttribute('aria-label')).toBe('Tin nhắn, 1 chưa đọc');
    await peer
      .getByRole('main')
      .getByRole('link', { name: /Vũ Thị Hằng/ })
      .click();
    await peer.getByLabel('Tin nhắn của bạn').fill('Rất sẵn lòng. Tôi gửi chị quy trình ứng cứu sự cố của đơn vị.');
    await peer.getByRole('main').getByRole('button', { name: 'Gửi' }).click();
    await peer.getByRole('main').getByText('quy trình ứng cứu sự cố').waitFor();
    await expect.poll(() => messages.getAttribute('aria-label'), { timeout: 15_000 }).toBe('Tin nhắn, 1 chưa đọc');
    await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 15_000 }).toBe('2 thông báo chưa đọc');

    // Reading the conversation clears its count.
    await newcomer.goto(conversationUrl);
    await main().getByText('quy trình ứng cứu sự cố').waitFor();
    await expect.poll(() => messages.getAttribute('aria-label')).toBe('Tin nhắn');
  });
});
