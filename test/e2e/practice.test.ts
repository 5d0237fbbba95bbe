import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { useRunningApp } from '../helpers/app.ts';
import { fillDemoSignIn, PHONE, useBrowser, usePages } from '../helpers/browser.ts';

/*
 * Good practices as people use them, in headless Chromium against the built web app (web/dist)
 * served by the whole product over the demo data: a member writes one, a curator publishes it,
 * anyone finds it without diacritics, another member discusses it and asks a question about it,
 * the writer answers and the asker accepts. Sign-in is limited to 6 attempts a minute per
 * address: this file signs in four times.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();

/** Members (no staff role) and a curator of the demo data. */
const MEMBER = { handle: 'linhnt', name: 'Nguyễn Thùy Linh' };
const READER = { handle: 'namvh', name: 'Vũ Hoàng Nam' };
const CURATOR = { handle: 'ha.ltt', name: 'Lê Thị Thu Hà' };

const open = usePages(browser);
let page: Page;
beforeEach(async () => {
  page = await open();
});

const header = () => page.locator('header.site-header');
const main = () => page.getByRole('main');
const accountButton = (name: string) => header().getByRole('button', { name: `Tài khoản: ${name}` });

const signIn = (handle: string) => fillDemoSignIn(page, handle);

async function signOut(name: string) {
  await accountButton(name).click();
  await header().getByRole('button', { name: 'Đăng xuất' }).click();
  await header().getByRole('link', { name: 'Đăng nhập' }).waitFor();
}

describe('Practice', () => {
  it('is written with autosave, submitted, published by a curator, found without diacritics, discussed, and asked and answered about', async () => {
    // Digits keep this run's practice apart from the demo data's and from earlier runs'.
    const title = `Chuyển đổi số hồ sơ đất đai ở xã vùng cao ${String(Date.now()).slice(-6)}`;

    // A signed-out writer is told what the editor is for, signs in from there, and comes back to it.
    await page.goto(`${baseUrl()}/practices/new`);
    await main().getByRole('link', { name: 'Đăng nhập', exact: true }).click();
    await page.waitForURL(/\/sign-in\?next=%2Fpractices%2Fnew$/);
    await signIn(MEMBER.handle);
    await page.waitForURL(/\/practices\/new$/);
    await page.getByRole('heading', { level: 1, name: 'Chia sẻ cách làm hay' }).waitFor();
    await page.getByText('Bản nháp sẽ tự lưu khi có tiêu đề từ 5 ký tự.').waitFor();

    // The draft is created once it has a title, and the editor moves to its own address.
    const titleField = page.getByLabel('Tiêu đề', { exact: true });
    await titleField.fill(title);
    await page.getByText(/^Đã lưu lúc \d{2}:\d{2}$/).waitFor();
    await page.waitForURL(/\/practices\/[^/]+\/edit$/);
    const editUrl = page.url();
    expect(await titleField.inputValue()).toBe(title);

    // More changes are saved after a pause in typing; the preview is the server's rendering.
    await page.getByLabel('Tóm tắt', { exact: true }).fill('Số hóa toàn bộ hồ sơ đất đai của 12 xã vùng cao, tra cứu ngay tại xã thay vì về huyện.');
    const problem = page.getByLabel('Vấn đề', { exact: true });
    await problem.fill('Người dân phải đi **hơn 40 km** để tra cứu hồ sơ:\n\n- hồ sơ giấy thất lạc;\n- mỗi lần tra cứu mất một ngày.');
    await page.getByRole('region', { name: 'Xem trước: Vấn đề' }).locator('strong', { hasText: 'hơn 40 km' }).waitFor();
    await page.getByLabel('Giải pháp', { exact: true }).fill('1. Quét và đánh chỉ mục hồ sơ.\n2. Kết nối cơ sở dữ liệu đất đai với bộ phận một cửa của xã.');
    await page.getByText('Có thay đổi chưa lưu').waitFor();
    await page.getByText(/^Đã lưu lúc \d{2}:\d{2}$/).waitFor();

    // Submitting an incomplete practice says what is missing, beside each field.
    await page.getByRole('button', { name: 'Gửi thẩm định' }).click();
    await page.getByRole('alert').filter({ hasText: 'Chưa gửi được' }).waitFor();
    const results = page.getByLabel('Kết quả', { exact: true });
    expect(await results.getAttribute('aria-invalid')).toBe('true');
    expect(await results.getAttribute('aria-describedby')).toContain('practice-results-error');
    expect(await page.locator('#practice-results-error').innerText()).toBe('Cần điền mục này trước khi gửi thẩm định.');
    expect(await page.locator('#practice-topics-error').innerText()).toBe('Chọn ít nhất một lĩnh vực trước khi gửi thẩm định.');
    expect(new URL(page.url()).pathname).toBe(new URL(editUrl).pathname);

    // Completed, it goes to the curators.
    await results.fill('| Chỉ số | Trước | Sau |\n|---|---:|---:|\n| Thời gian tra cứu | 1 ngày | 15 phút |');
    expect(await results.getAttribute('aria-invalid')).toBeNull();
    await page.getByLabel('Tỉnh, thành phố').selectOption({ label: 'Đà Nẵng' });
    await page.getByLabel('Cơ quan, đơn vị', { exact: true }).selectOption({ label: 'Trung tâm Chuyển đổi số thành phố Đà Nẵng' });
    await page.getByRole('radio', { name: /Đang vận hành/ }).check();
    await page.getByLabel('Năm triển khai').selectOption('2025');
    await page.getByRole('checkbox', { name: 'Dữ liệu số và nền tảng chia sẻ dữ liệu' }).check();
    await page.getByRole('button', { name: 'Gửi thẩm định' }).click();

    await page.waitForURL((url) => /^\/practices\/[^/]+$/.test(url.pathname));
    const practiceUrl = page.url();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('Đang chờ thẩm định', { exact: true }).waitFor();
    await signOut(MEMBER.name);

    // A curator finds it in the review queue and publishes it.
    await page.goto(`${baseUrl()}/sign-in?next=%2Fstaff%2Fpractices`);
    await signIn(CURATOR.handle);
    await page.waitForURL(/\/staff\/practices$/);
    await page.getByRole('heading', { name: 'Cách làm hay chờ thẩm định' }).waitFor();
    await main()
      .getByRole('link', { name: `Mở để thẩm định: ${title}` })
      .click();
    await page.waitForURL(practiceUrl);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await main().getByRole('button', { name: 'Công bố', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Đã công bố cách làm hay này.' }).waitFor();
    expect(await page.getByText('Đang chờ thẩm định', { exact: true }).count()).toBe(0);
    await signOut(CURATOR.name);

    // Anyone finds it, typing without diacritics.
    await page.goto(`${baseUrl()}/practices`);
    await page.getByRole('heading', { level: 1, name: 'Cách làm hay' }).waitFor();
    await page.getByLabel('Tìm trong cách làm hay').pressSequentially('chuyen doi so');
    await page.waitForURL(/[?&]q=chuyen(\+|%20)doi(\+|%20)so(&|$)/);
    const found = main().getByRole('link', { name: title });
    await found.waitFor();
    await found.click();
    await page.waitForURL(practiceUrl);
    await page.getByRole('heading', { level: 2, name: 'Kết quả' }).waitFor();
    expect(await page.locator('.prose table td', { hasText: '15 phút' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: MEMBER.name }).count()).toBe(1);

    // The whole network's search finds it too, from the header, words typed without diacritics.
    const box = header().getByRole('searchbox', { name: 'Tìm trên toàn mạng lưới' });
    await box.fill('ho so dat dai xa vung cao');
    await box.press('Enter');
    await page.waitForURL(/\/search\?q=ho\+so\+dat\+dai/);
    const hit = main().locator('.search-result', { has: page.getByRole('link', { name: title }) });
    await hit.waitFor();
    expect((await hit.locator('mark').allTextContents()).map((m) => m.toLowerCase())).toContain('hồ sơ đất đai');
    await hit.getByRole('link', { name: title }).click();
    await page.waitForURL(practiceUrl);

    // A member discusses it under the practice...
    await main().getByRole('link', { name: 'Đăng nhập để đọc và góp ý' }).click();
    await signIn(READER.handle);
    await page.waitForURL(practiceUrl);
    const discussion = page.locator('section.practice-discussion');
    const comment = 'Xã vùng cao không có mạng ổn định thì tra cứu thế nào?';
    await discussion.getByLabel('Ý kiến của bạn').fill(comment);
    await discussion.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await discussion.locator('.reply-body', { hasText: comment }).waitFor();

    // ...then asks the network a question about it, mentioning its writer...
    await page.goto(`${baseUrl()}/threads/new?kind=question`);
    const question = `Số hóa hồ sơ đất đai cấp xã: quét trước hay chuẩn hóa dữ liệu trước? ${String(Date.now()).slice(-6)}`;
    await page.getByLabel('Tiêu đề', { exact: true }).fill(question);
    await page.getByRole('textbox', { name: /^Nội dung/ }).fill(`Đọc cách làm của @${MEMBER.handle}, tôi muốn hỏi thứ tự các bước.`);
    await page.getByRole('checkbox', { name: 'Dữ liệu số và nền tảng chia sẻ dữ liệu' }).check();
    await page.getByRole('button', { name: 'Đăng câu hỏi' }).click();
    await page.waitForURL((url) => /^\/threads\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'));
    const threadUrl = page.url();
    await page.getByRole('heading', { level: 1, name: question }).waitFor();
    expect(
      await main()
        .locator('a.mention', { hasText: `@${MEMBER.handle}` })
        .getAttribute('href'),
    ).toBe(`/experts/${MEMBER.handle}`);

    // ...the writer, told of the mention among their updates, answers in their own browser...
    {
      const writerPage = await open({ viewport: PHONE });
      await writerPage.goto(`${baseUrl()}/sign-in?next=%2Ffollowing`);
      await fillDemoSignIn(writerPage, MEMBER.handle);
      await writerPage.waitForURL(/\/following$/);
      const update = writerPage.getByRole('main').locator('.follow-update', { has: writerPage.getByRole('link', { name: question }) });
      await update.getByText('nhắc đến bạn').waitFor();
      await update.getByRole('link', { name: question }).click();
      await writerPage.waitForURL(threadUrl);
      await writerPage.getByLabel('Câu trả lời của bạn').fill('Chuẩn hóa danh mục thửa đất trước, rồi mới quét: quét trước thì phải đánh chỉ mục lại.');
      await writerPage.getByRole('button', { name: 'Gửi câu trả lời' }).click();
      await writerPage.locator('article.reply .reply-body', { hasText: 'Chuẩn hóa danh mục thửa đất trước' }).waitFor();
    }

    // ...and the asker accepts the answer.
    await page.reload();
    const answer = page.locator('article.reply').filter({ has: page.locator('.reply-body', { hasText: 'Chuẩn hóa danh mục thửa đất trước' }) });
    await answer.getByRole('button', { name: 'Chấp nhận câu trả lời này' }).click();
    await answer.getByText('Câu trả lời được chấp nhận').waitFor();
    await page.locator('.thread-header').getByText('Đã có lời giải').waitFor();
  }, 120_000);
});
