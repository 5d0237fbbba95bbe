import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoReplyId, demoThreadId } from '../../seeds/records.ts';
import { globalId } from '../helpers/accounts.ts';
import { useRunningApp } from '../helpers/app.ts';
import { signInWithCookie, useBrowser, usePages } from '../helpers/browser.ts';

/*
 * Community moderation in headless Chromium over the demo data: a member reports a reply and a
 * thread; a moderator opens the queue ("Báo cáo vi phạm"), hides both with a reason; the reply
 * leaves the thread (its place says it was hidden) and the thread leaves search.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();
const pageFor = usePages(browser);

const MEMBER = 'linhnt';
const MODERATOR = 'thang.dv';
// A demo question with a reply by someone else (seeds/data/threads.json).
const THREAD_KEY = 'ra-quet-lo-hong-cong-cu-mo';
const REPLY_TEXT = 'Về kỹ thuật, các công cụ mã nguồn mở phổ biến';
// Another demo thread, reported as a whole.
const OTHER_THREAD_KEY = 'tieu-chi-nen-tang-dam-may';

const threadPath = (key: string) => `/threads/${globalId('Thread', String(demoThreadId(key)))}`;

async function signedIn(handle: string): Promise<Page> {
  const page = await pageFor();
  await signInWithCookie(page.context(), baseUrl(), handle);
  return page;
}

/** Reports what the button opens a dialog for, and returns what the dialog then says. */
async function report(page: Page, button: ReturnType<Page['getByRole']>, reason: string, note = '') {
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Báo cáo nội dung vi phạm' });
  await dialog.getByRole('radio', { name: reason }).check();
  if (note) await dialog.getByLabel('Ghi chú cho điều hành viên').fill(note);
  await dialog.getByRole('button', { name: 'Gửi báo cáo' }).click();
  const answer = dialog.getByRole('status');
  await answer.waitFor();
  const text = await answer.innerText();
  await dialog.getByRole('button', { name: 'Đóng' }).click();
  return text;
}

describe('Moderation', () => {
  it('takes a member’s report of a reply and a thread to the moderators’ queue, where hiding takes them out of the thread and of search', async () => {
    const member = await signedIn(MEMBER);
    await member.goto(`${baseUrl()}${threadPath(THREAD_KEY)}`);
    const reply = member.locator(`#reply-${String(demoReplyId(THREAD_KEY, 'r1'))}`);
    await reply.getByText(REPLY_TEXT).waitFor();
    const flagReply = reply.getByRole('button', { name: 'Báo cáo trả lời này vi phạm' });
    expect(await report(member, flagReply, 'Lộ dữ liệu cá nhân', 'Có số điện thoại cá nhân trong trả lời')).toContain('Đã nhận báo cáo');
    // A second report of the same reply is received, and counts once.
    expect(await report(member, flagReply, 'Quảng cáo, tin rác')).toContain('mỗi người chỉ được tính một lần');

    await member.goto(`${baseUrl()}${threadPath(OTHER_THREAD_KEY)}`);
    const otherTitle = (await member.getByRole('heading', { level: 1 }).innerText()).trim();
    await report(member, member.getByRole('button', { name: 'Báo cáo chủ đề này vi phạm' }), 'Lạc đề');
    const searchFor = `/search?q=${encodeURIComponent('tiêu chí nền tảng đám mây')}`;
    await member.goto(`${baseUrl()}${searchFor}`);
    await member.getByRole('link', { name: otherTitle }).first().waitFor();

    // The moderator's queue: the reply, with its reasons, its note and the way to it.
    const moderator = await signedIn(MODERATOR);
    await moderator.goto(`${baseUrl()}/staff/flags`);
    await moderator.getByRole('heading', { level: 2, name: 'Báo cáo vi phạm' }).waitFor();
    // The staff tab's count comes in its own request, after the page.
    await moderator.getByRole('link', { name: /^Báo cáo vi phạm \(\d+\)$/ }).waitFor();
    const replyRow = moderator.getByRole('listitem').filter({ has: moderator.locator('.flag-queue-excerpt', { hasText: REPLY_TEXT }) });
    await replyRow.getByText('1 người báo cáo').waitFor();
    await replyRow.getByText('Lộ dữ liệu cá nhân: 1').waitFor();
    await replyRow.getByText('Ghi chú của người báo cáo').click();
    await replyRow.getByText('Có số điện thoại cá nhân trong trả lời').waitFor();
    await replyRow.getByRole('button', { name: /^Ẩn / }).click();
    await replyRow.getByLabel('Lý do (ghi vào nhật ký)').fill('Lộ số điện thoại cá nhân');
    await replyRow.getByRole('button', { name: 'Ẩn', exact: true }).click();
    // Decided, it leaves the queue.
    await replyRow.waitFor({ state: 'detached' });

    const threadRow = moderator.getByRole('listitem').filter({ has: moderator.getByRole('heading', { name: otherTitle }) });
    await threadRow.getByRole('button', { name: /^Ẩn / }).click();
    await threadRow.getByLabel('Lý do (ghi vào nhật ký)').fill('Lạc đề, đã chuyển nội dung sang chủ đề khác');
    await threadRow.getByRole('button', { name: 'Ẩn', exact: true }).click();
    await threadRow.waitFor({ state: 'detached' });

    // The member: the reply's place says it was hidden, its text is gone; the thread is gone from search.
    await member.goto(`${baseUrl()}${threadPath(THREAD_KEY)}`);
    await reply.getByText('Trả lời đã bị điều hành viên ẩn').waitFor();
    expect(await member.getByText(REPLY_TEXT).count()).toBe(0);
    await member.goto(`${baseUrl()}${searchFor}`);
    await member.getByRole('heading', { level: 1 }).first().waitFor();
    // The results are in once their count (or the empty state) shows (the bell's live connection never lets the network idle).
    await member
      .getByRole('main')
      .getByText(/^[\d.]+ kết quả$|^Không tìm thấy kết quả nào$/)
      .first()
      .waitFor();
    expect(await member.getByRole('link', { name: otherTitle }).count()).toBe(0);
    await member.goto(`${baseUrl()}${threadPath(OTHER_THREAD_KEY)}`);
    await member.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await member.getByRole('heading', { level: 1, name: otherTitle }).count()).toBe(0);

    // The moderator still reads the reply, marked hidden, and finds it under "Đã ẩn" to restore it.
    await moderator.goto(`${baseUrl()}${threadPath(THREAD_KEY)}`);
    await moderator
      .locator(`#reply-${String(demoReplyId(THREAD_KEY, 'r1'))}`)
      .getByText(REPLY_TEXT)
      .waitFor();
    await moderator.goto(`${baseUrl()}/staff/flags?state=hidden`);
    await moderator.getByRole('heading', { name: otherTitle }).waitFor();
  });

  it('keeps a new member’s first thread and reply waiting until a moderator approves them, seen meanwhile by their author only', async () => {
    const newcomer = await pageFor();
    const name = 'Đinh Thị Mai Phương';
    await newcomer.goto(`${baseUrl()}/sign-up`);
    await newcomer.getByLabel('Họ và tên').fill(name);
    await newcomer.getByLabel('Email').fill(`phuong.dtm.${Date.now()}@stttt.example.vn`);
    await newcomer.getByLabel('Mật khẩu', { exact: true }).fill('mot-cau-rat-de-nho');
    await newcomer.getByLabel('Tỉnh, thành phố').selectOption({ label: 'Đà Nẵng' });
    await newcomer.getByRole('button', { name: 'Tạo tài khoản' }).click();
    // New members are welcomed first (test/e2e/onboarding.test.ts).
    await newcomer.waitForURL(/\/welcome$/);

    // Her first thread: posted, and on its page she is told it waits for approval.
    const title = `Kinh nghiệm số hóa hồ sơ một cửa cấp xã ${String(Date.now()).slice(-6)}`;
    await newcomer.goto(`${baseUrl()}/threads/new`);
    await newcomer.getByLabel('Tiêu đề', { exact: true }).fill(title);
    await newcomer.getByRole('textbox', { name: /^Nội dung/ }).fill('Xã tôi đang số hóa hồ sơ một cửa, xin được học hỏi cách làm của các tỉnh.');
    await newcomer.getByRole('button', { name: /^Đăng/ }).click();
    await newcomer.waitForURL((url) => /^\/threads\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'));
    const newThreadPath = new URL(newcomer.url()).pathname;
    await newcomer.getByRole('heading', { level: 1, name: title }).waitFor();
    await newcomer.getByRole('note').filter({ hasText: 'Đang chờ duyệt' }).waitFor();

    // Her first reply, in a demo thread: she sees it marked as waiting; another member does not see it.
    const replyText = 'Tỉnh tôi cũng gặp lỗ hổng này, xin phép hỏi thêm về cách rà quét.';
    await newcomer.goto(`${baseUrl()}${threadPath(THREAD_KEY)}`);
    await newcomer.getByLabel('Câu trả lời của bạn').fill(replyText);
    await newcomer.getByRole('button', { name: 'Gửi câu trả lời' }).click();
    const ownReply = newcomer.getByRole('article').filter({ hasText: replyText });
    await ownReply.getByText('Đang chờ duyệt').waitFor();

    const member = await signedIn(MEMBER);
    await member.goto(`${baseUrl()}${threadPath(THREAD_KEY)}`);
    // The thread's replies are shown (a thread page keeps a live connection, so the network never idles).
    await member.locator('.reply-list').first().waitFor();
    expect(await member.getByText(replyText).count()).toBe(0);
    await member.goto(`${baseUrl()}${newThreadPath}`);
    await member.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await member.getByRole('heading', { level: 1, name: title }).count()).toBe(0);

    // The moderator finds both under "Chờ duyệt" and approves them.
    const moderator = await signedIn(MODERATOR);
    await moderator.goto(`${baseUrl()}/staff/flags`);
    await moderator.getByRole('link', { name: 'Chờ duyệt' }).click();
    const threadRow = moderator.getByRole('listitem').filter({ has: moderator.getByRole('heading', { name: title }) });
    await threadRow.getByText('Xã tôi đang số hóa hồ sơ một cửa').waitFor();
    await threadRow.getByRole('button', { name: `Duyệt ${title}`, exact: true }).click();
    await threadRow.waitFor({ state: 'detached' });
    const replyRow = moderator.getByRole('listitem').filter({ hasText: replyText });
    await replyRow.getByRole('button', { name: /^Duyệt / }).click();
    await replyRow.waitFor({ state: 'detached' });
    await moderator.getByText('Không có bài nào của thành viên mới đang chờ duyệt.').waitFor();

    // Now everyone reads them.
    await member.goto(`${baseUrl()}${newThreadPath}`);
    await member.getByRole('heading', { level: 1, name: title }).waitFor();
    await member.goto(`${baseUrl()}${threadPath(THREAD_KEY)}`);
    await member.getByText(replyText).waitFor();
    expect(await member.getByText('Đang chờ duyệt').count()).toBe(0);
  });
});
