import { describe, expect, it } from 'vitest';
import { useRunningApp } from '../helpers/app.ts';
import { signInWithCookie, useBrowser, usePages } from '../helpers/browser.ts';

/*
 * The help desk's walk, in headless Chromium over the demo data: a province's member sends a
 * request; the desk triages it to the cybersecurity group and its lead answers; it counts in the
 * month's figures; published, it is in the FAQ that anyone reads signed out.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();
const open = usePages(browser, { timeout: 20_000 });

const TITLE = 'Phân quyền tài khoản quản trị hệ thống LGSP của tỉnh: nên tách theo vai trò nào?';
const CYBER = 'Nhóm an toàn, an ninh mạng';

/** The "requests" figure of the first-response row of the month's table. */
async function firstResponseCount(page: Awaited<ReturnType<typeof open>>) {
  const row = page.getByRole('row', { name: /Thời gian phản hồi đầu tiên/ });
  await row.waitFor();
  return Number(await row.getByRole('cell').first().textContent());
}

describe('Help desk', () => {
  it('takes a province’s request, triaged to the cybersecurity group and answered by it, into the figures and, published, the FAQ', async () => {
    // thuvt: a verified member of Quảng Ninh's Department of Science and Technology.
    const asker = await open();
    await signInWithCookie(asker.context(), baseUrl(), 'thuvt');
    await asker.goto(`${baseUrl()}/helpdesk`);
    await asker.getByRole('heading', { level: 1, name: 'Trung tâm giải đáp về chính phủ điện tử' }).waitFor();
    await asker
      .getByText(/Đang mở cửa|Đóng cửa, mở lại lúc/)
      .first()
      .waitFor();
    const form = asker.getByRole('form', { name: 'Gửi yêu cầu' });
    await expect.poll(() => form.getByLabel('Hỏi thay mặt đơn vị').inputValue()).toBe('so-khcn-quang-ninh');
    await form.getByLabel('Câu hỏi', { exact: true }).fill(TITLE);
    await form.getByLabel(/Nội dung chi tiết/).fill('Tỉnh có 12 sở dùng chung LGSP; hiện mỗi sở một tài khoản quản trị toàn quyền.');
    await form.getByLabel('An toàn thông tin').check();
    await form.getByRole('button', { name: 'Gửi yêu cầu' }).click();
    // The request is a question thread, with its status block.
    await asker.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const block = asker.getByRole('region', { name: /Yêu cầu gửi Trung tâm giải đáp/ });
    await block.getByText('Mới', { exact: true }).waitFor();
    const threadUrl = asker.url();

    // The desk (namvh, a lead of the standing group) triages it to the cybersecurity group's lead.
    const desk = await open();
    await signInWithCookie(desk.context(), baseUrl(), 'namvh');
    await desk.goto(`${baseUrl()}/helpdesk`);
    const before = await firstResponseCount(desk);
    const item = desk.getByRole('listitem').filter({ has: desk.getByRole('link', { name: TITLE }) });
    await item.waitFor();
    await item.getByLabel('Nhóm', { exact: true }).selectOption({ label: CYBER });
    await expect.poll(async () => item.getByLabel('Người trả lời').locator('option').count()).toBeGreaterThan(1);
    await item.getByLabel('Người trả lời').selectOption({ label: 'Nguyễn Quang Trung' });
    await item.getByRole('button', { name: 'Phân công' }).click();
    await item.getByText('Đã phân công.').waitFor();

    // trungnq answers: the request is answered, its first response measured in service hours.
    const responder = await open();
    await signInWithCookie(responder.context(), baseUrl(), 'trungnq');
    await responder.goto(threadUrl);
    const responderBlock = responder.getByRole('region', { name: /Yêu cầu gửi Trung tâm giải đáp/ });
    await responderBlock.getByText('Đã phân công', { exact: true }).waitFor();
    await responder
      .getByRole('textbox', { name: /Câu trả lời của bạn|Trả lời/ })
      .first()
      .fill('Tách ba vai trò: quản trị hệ thống, quản trị kết nối của từng sở và giám sát nhật ký; không sở nào giữ tài khoản toàn quyền.');
    await responder
      .getByRole('button', { name: /Gửi câu trả lời|Gửi trả lời/ })
      .first()
      .click();
    await responder.reload();
    await responderBlock.getByText('Đã trả lời', { exact: true }).waitFor();
    await responderBlock.getByText('Phản hồi đầu tiên sau').waitFor();

    // The month's figures count it.
    await desk.reload();
    await expect.poll(() => firstResponseCount(desk)).toBe(before + 1);

    // The asker accepts the answer; the desk publishes it; anyone reads it signed out.
    await asker.reload();
    await asker.getByRole('button', { name: 'Chấp nhận câu trả lời này' }).click();
    await asker.getByText('Câu trả lời được chấp nhận').first().waitFor();
    await desk.goto(threadUrl);
    const deskBlock = desk.getByRole('region', { name: /Yêu cầu gửi Trung tâm giải đáp/ });
    await deskBlock.getByRole('button', { name: 'Công bố vào hỏi đáp' }).click();
    await deskBlock.getByRole('button', { name: 'Gỡ khỏi hỏi đáp' }).waitFor();

    const visitor = await open();
    await visitor.goto(`${baseUrl()}/helpdesk/faq?q=${encodeURIComponent('phan quyen tai khoan LGSP')}`);
    const entry = visitor.getByRole('article', { name: TITLE });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('Sở Khoa học và Công nghệ tỉnh Quảng Ninh');
    expect(await entry.textContent()).toContain('giám sát nhật ký');
  });

  it('lets the desk edit a published answer in the FAQ, which anyone then reads, and refuses an edit made on a version someone else changed', async () => {
    const QUESTION = 'Quy chế quản lý dữ liệu của tỉnh cần những nội dung bắt buộc nào?';
    const faqUrl = `${baseUrl()}/helpdesk/faq?q=${encodeURIComponent('quy che quan ly du lieu')}`;
    // Two members of the standing group open the same entry's editor.
    const editorOf = async (handle: string) => {
      const page = await open();
      await signInWithCookie(page.context(), baseUrl(), handle);
      await page.goto(faqUrl);
      const article = page.getByRole('article', { name: QUESTION });
      await article.getByRole('button', { name: 'Sửa mục này' }).click();
      return article.getByRole('form', { name: 'Sửa mục hỏi đáp' });
    };
    const first = await editorOf('namvh');
    const second = await editorOf('thaohtp');

    await first.getByLabel('Trả lời', { exact: true }).fill('Quy chế cần: phân loại dữ liệu, trách nhiệm của từng sở, **chia sẻ qua LGSP** và lưu trữ nhật ký khai thác.');
    await first.getByLabel('Chỉ ghi loại đơn vị', { exact: false }).check();
    await first.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await first.page().getByText('Đã lưu. Hỏi đáp hiển thị bản mới.').waitFor();

    // The second read the entry before the first saved: nothing of theirs is saved, and they are told.
    await second.getByLabel('Trả lời', { exact: true }).fill('Một câu trả lời viết trên bản cũ.');
    await second.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await second.getByRole('alert').getByText('Việc này không còn phù hợp với tình trạng hiện tại.', { exact: false }).waitFor();
    await second.getByText('Người khác vừa sửa mục này', { exact: false }).waitFor();

    const visitor = await open();
    await visitor.goto(faqUrl);
    const entry = visitor.getByRole('article', { name: QUESTION });
    await entry.getByText('chia sẻ qua LGSP').waitFor();
    const text = await entry.textContent();
    expect(text).not.toContain('bản cũ');
    expect(text).toContain('Đơn vị hỏi: Một sở khoa học và công nghệ');
    expect(await entry.getByRole('button', { name: 'Sửa mục này' }).count()).toBe(0);
  });
});
