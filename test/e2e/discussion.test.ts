import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useRunningApp } from '../helpers/app.ts';
import { fillDemoSignIn, PHONE, useBrowser, usePages } from '../helpers/browser.ts';

/*
 * Discussions and questions as members use them, in headless Chromium against the built web app
 * over the demo data: one asks, another answers, a third votes and replies, the asker accepts;
 * and a comment under a good practice. Each person has their own browser context (their own
 * session), so each signs in once: five sign-ins, under the limit of 6 a minute per address.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();

const ASKER = { handle: 'linhnt', name: 'Nguyễn Thùy Linh' };
const ANSWERER = { handle: 'namvh', name: 'Vũ Hoàng Nam' };
const VOTER = { handle: 'thaohtp', name: 'Hồ Thị Phương Thảo' };
const MODERATOR = { handle: 'thang.dv', name: 'Đỗ Văn Thắng' };

const pageFor = usePages(browser);

/** Opens `path` signed out, signs in from the page's offer to visitors, and waits to be back. */
async function visitSignedIn(page: Page, path: string, handle: string) {
  await page.goto(`${baseUrl()}${path}`);
  await page.getByRole('main').getByRole('link', { name: 'Đăng nhập', exact: true }).click();
  await page.waitForURL(/\/sign-in\?next=/);
  await fillDemoSignIn(page, handle);
  await page.waitForURL((url) => url.pathname + url.search === path);
}

const replyArticle = (page: Page, text: string) => page.locator('article.reply').filter({ has: page.locator('.reply-body', { hasText: text }) });

describe('Discussion', () => {
  it('takes a question, an answer, a vote, nested replies, an edit, a removal and the asker’s acceptance', async () => {
    const title = `Kết nối LGSP của tỉnh với NDXP cần những bước nào? ${String(Date.now()).slice(-6)}`;

    // The asker is sent to sign in and comes back to the form, set to ask a question.
    const asker = await pageFor();
    await visitSignedIn(asker, '/threads/new?kind=question', ASKER.handle);
    await asker.getByRole('heading', { level: 1, name: 'Đặt câu hỏi' }).waitFor();
    expect(await asker.getByRole('radio', { name: /Câu hỏi/ }).isChecked()).toBe(true);

    // A title too short is refused beside the field.
    await asker.getByLabel('Tiêu đề', { exact: true }).fill('LGSP?');
    await asker.getByRole('button', { name: 'Đăng câu hỏi' }).click();
    const titleError = asker.locator('#thread-title-error');
    await titleError.waitFor();
    expect(await titleError.innerText()).toBe('Tiêu đề cần ít nhất 10 ký tự.');
    expect(await asker.getByLabel('Tiêu đề', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    await asker.getByLabel('Tiêu đề', { exact: true }).fill(title);
    await asker.getByRole('textbox', { name: /^Nội dung/ }).fill('Tỉnh đã có LGSP, cần kết nối **NDXP** để chia sẻ dữ liệu dân cư.');
    await asker.getByRole('region', { name: 'Xem trước: Nội dung' }).locator('strong', { hasText: 'NDXP' }).waitFor();
    await asker.getByRole('checkbox', { name: 'Dữ liệu số và nền tảng chia sẻ dữ liệu' }).check();
    await asker.getByLabel('Tỉnh, thành phố').selectOption({ label: 'Đà Nẵng' });
    await asker.getByRole('button', { name: 'Đăng câu hỏi' }).click();
    await asker.waitForURL((url) => /^\/threads\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'));
    const threadPath = new URL(asker.url()).pathname;
    await asker.getByRole('heading', { level: 1, name: title }).waitFor();
    await asker.getByText('Chưa có câu trả lời nào. Nếu bạn biết, hãy trả lời bên dưới.').waitFor();

    // Another member answers; nobody votes for their own answer.
    const answerer = await pageFor();
    await visitSignedIn(answerer, threadPath, ANSWERER.handle);
    await answerer.getByLabel('Câu trả lời của bạn').fill('Đăng ký kết nối qua Cục Chuyển đổi số quốc gia, rồi thử trên môi trường kiểm thử.');
    await answerer.getByRole('button', { name: 'Gửi câu trả lời' }).click();
    const answer = replyArticle(answerer, 'Đăng ký kết nối qua Cục');
    await answer.waitFor();
    expect(await answer.getByRole('button', { name: /Hữu ích/ }).count()).toBe(0);
    expect(await answer.getByText('0 lượt bình chọn').count()).toBe(1);

    // A third member votes (the count changes at once), then replies under the answer, and under that.
    const voter = await pageFor({ viewport: PHONE });
    await visitSignedIn(voter, threadPath, VOTER.handle);
    const voted = replyArticle(voter, 'Đăng ký kết nối qua Cục');
    const vote = voted.getByRole('button', { name: /Hữu ích/ });
    // A vote that cannot be sent is taken back, and says so.
    await voter.route('**/graphql', (route) => (route.request().postData()?.includes('mutation VoteForAnswer') ? route.abort() : route.continue()));
    await vote.click();
    await voted.getByRole('alert').waitFor();
    await voted.getByRole('button', { name: /Hữu ích\s*0/ }).waitFor();
    expect(await voted.getByRole('button', { name: /Hữu ích/ }).getAttribute('aria-pressed')).toBe('false');
    await voter.unroute('**/graphql');
    await vote.click();
    await voted.getByRole('button', { name: /Đã bình chọn\s*1/ }).waitFor();
    expect(await voted.getByRole('button', { name: /Đã bình chọn/ }).getAttribute('aria-pressed')).toBe('true');

    await voted.getByRole('button', { name: `Trả lời ${ANSWERER.name}` }).click();
    await voter.getByLabel(`Trả lời ${ANSWERER.name}`).fill('Môi trường kiểm thử mở cả cuối tuần không?');
    await voter.getByRole('button', { name: 'Gửi phản hồi' }).first().click();
    const nested = replyArticle(voter, 'Môi trường kiểm thử mở cả cuối tuần không?');
    await nested.waitFor();
    // Nested: it sits in the answer's list of replies, indented under it.
    expect(await voter.locator('.reply-children article.reply', { has: voter.locator('.reply-body', { hasText: 'Môi trường kiểm thử' }) }).count()).toBe(1);

    await nested.getByRole('button', { name: `Trả lời ${VOTER.name}` }).click();
    await voter.getByLabel(`Trả lời ${VOTER.name}`).fill('Bổ sung: cần cả chứng thư số của đơn vị.');
    await voter.getByRole('button', { name: 'Gửi phản hồi' }).first().click();
    await replyArticle(voter, 'Bổ sung: cần cả chứng thư số').waitFor();

    // Editing shows "edited", and readers can open the earlier text.
    await nested.getByRole('button', { name: 'Sửa' }).click();
    const editBox = voter.getByLabel('Sửa phản hồi');
    await editBox.fill('Môi trường kiểm thử có mở vào cuối tuần không ạ?');
    await voter.getByRole('button', { name: 'Lưu thay đổi' }).click();
    const edited = replyArticle(voter, 'có mở vào cuối tuần không ạ?');
    await edited.getByText('đã sửa', { exact: true }).click();
    await edited.locator('.edited-versions', { hasText: 'Môi trường kiểm thử mở cả cuối tuần không?' }).waitFor();

    // Removing it leaves "reply removed" in its place, and its reply stays.
    await edited.getByRole('button', { name: 'Xóa' }).click();
    await voter.getByRole('group', { name: 'Xóa phản hồi này?' }).getByRole('button', { name: 'Xóa' }).click();
    await voter.locator('.reply-removed', { hasText: 'Phản hồi đã bị xóa' }).waitFor();
    expect(await voter.getByText('có mở vào cuối tuần không ạ?').count()).toBe(0);
    expect(await replyArticle(voter, 'Bổ sung: cần cả chứng thư số').count()).toBe(1);

    // The asker accepts the answer; it is marked, and the vote counted.
    await asker.reload();
    const accepted = replyArticle(asker, 'Đăng ký kết nối qua Cục');
    await accepted.getByRole('button', { name: 'Chấp nhận câu trả lời này' }).click();
    await accepted.getByText('Câu trả lời được chấp nhận').waitFor();
    expect(await accepted.getByRole('button', { name: /Hữu ích\s*1/ }).count()).toBe(1);
    await asker.locator('.thread-header').getByText('Đã có lời giải').waitFor();

    // The list shows it answered; the unanswered tab no longer does.
    await asker.goto(`${baseUrl()}/threads?show=questions`);
    const row = asker.locator('article.thread-row', { has: asker.getByRole('link', { name: title }) });
    await row.getByText('Đã có lời giải').waitFor();
    // The answer and the reply under it; the removed one no longer counts.
    expect(await row.getByText('2 phản hồi').count()).toBe(1);
    await asker.getByRole('link', { name: 'Chưa có lời giải' }).click();
    await asker.waitForURL(/show=unanswered/);
    await asker.locator('.result-count').waitFor();
    expect(await asker.getByRole('link', { name: title }).count()).toBe(0);

    await asker.screenshot({ path: '/tmp/discussion-list.png' });
    await voter.goto(`${baseUrl()}${threadPath}`);
    await voter.getByRole('heading', { level: 1, name: title }).waitFor();
    await voter.screenshot({ path: '/tmp/discussion-thread-phone.png', fullPage: true });
  });

  it('takes comments under a published practice from members, and offers sign-in to others', async () => {
    const reader = await pageFor();
    await reader.goto(`${baseUrl()}/practices`);
    const first = reader.locator('.practice-card-title a').first();
    const practiceTitle = (await first.innerText()).trim();
    await first.click();
    await reader.getByRole('heading', { level: 1, name: practiceTitle }).waitFor();
    const section = reader.locator('section.practice-discussion');
    await section.getByRole('link', { name: 'Đăng nhập để đọc và góp ý' }).click();
    await reader.waitForURL(/\/sign-in\?next=%2Fpractices%2F/);
    await fillDemoSignIn(reader, ANSWERER.handle);
    await reader.waitForURL(/\/practices\/[^/]+$/);

    const comment = `Đơn vị mình áp dụng được cho cấp xã không? ${String(Date.now()).slice(-6)}`;
    await section.getByLabel('Ý kiến của bạn').fill(comment);
    await section.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await section.locator('.reply-body', { hasText: comment }).waitFor();
    await section.getByRole('link', { name: 'Mở trang thảo luận (1 phản hồi)' }).click();
    await reader.waitForURL(/\/threads\/[^/]+$/);
    await reader.getByRole('heading', { level: 1, name: practiceTitle }).waitFor();
    await reader.locator('.thread-practice').getByRole('link', { name: practiceTitle }).waitFor();
    await reader.locator('.reply-body', { hasText: comment }).waitFor();
    await reader.goto(`${baseUrl()}/threads?show=discussions`);
    await reader
      .locator('article.thread-row', { hasText: `Về cách làm hay: ${practiceTitle}` })
      .first()
      .waitFor();
  });

  it('lets a moderator edit a thread, keeping its earlier title, and lock it so that nothing more is posted', async () => {
    const moderator = await pageFor();
    await visitSignedIn(moderator, '/threads?show=discussions', MODERATOR.handle);
    await moderator.locator('.thread-row-title a').first().click();
    await moderator.waitForURL(/\/threads\/[^/]+$/);
    const heading = moderator.getByRole('heading', { level: 1 });
    const before = (await heading.innerText()).trim();

    await moderator.locator('.thread-tools').getByRole('button', { name: 'Sửa' }).click();
    await moderator.getByRole('heading', { level: 1, name: 'Sửa chủ đề' }).waitFor();
    const newTitle = `${before.slice(0, 150)} (đã gộp chủ đề trùng)`;
    await moderator.getByLabel('Tiêu đề', { exact: true }).fill(newTitle);
    await moderator.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await moderator.getByRole('heading', { level: 1, name: newTitle }).waitFor();
    await moderator.getByText('đã sửa', { exact: true }).first().click();
    await moderator.locator('.edited-title', { hasText: before }).waitFor();

    // Locking asks for the reason the audit log keeps.
    await moderator.getByRole('button', { name: 'Khóa chủ đề' }).click();
    await moderator.getByLabel('Lý do (ghi vào nhật ký)').fill('Trùng với chủ đề khác, đã gộp');
    await moderator.getByRole('form', { name: 'Khóa chủ đề' }).getByRole('button', { name: 'Khóa' }).click();
    await moderator.getByText('Chủ đề đã bị khóa', { exact: true }).waitFor();
    expect(await moderator.getByLabel('Phản hồi của bạn').count()).toBe(0);
    expect(await moderator.getByRole('button', { name: /^Trả lời/ }).count()).toBe(0);
    expect(await moderator.locator('.thread-tools').getByRole('button', { name: 'Sửa' }).count()).toBe(0);

    await moderator.getByRole('button', { name: 'Mở khóa chủ đề' }).click();
    await moderator.getByLabel('Lý do (ghi vào nhật ký)').fill('Đã xử lý xong phần trùng');
    await moderator.getByRole('form', { name: 'Mở khóa chủ đề' }).getByRole('button', { name: 'Mở khóa' }).click();
    await moderator.getByLabel('Phản hồi của bạn').waitFor();
    expect(await moderator.getByText('Chủ đề đã bị khóa', { exact: true }).count()).toBe(0);
  });
});
