import { describe, expect, it } from 'vitest';
import { stableId } from '../../seeds/records.ts';
import { globalId } from '../helpers/accounts.ts';
import { useRunningApp } from '../helpers/app.ts';
import { signInWithCookie, useBrowser, usePages } from '../helpers/browser.ts';

/*
 * Reporting a practice, in headless Chromium over the demo data: once a member has reported
 * someone else's published practice, its page says so, after a reload too, so that they are not
 * offered to report it again as if for the first time.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();
const open = usePages(browser, { timeout: 15_000 });

// Phú Quốc's smart tourism, by sondt; linhnt is a member who is not one of its authors.
const practiceId = globalId('Practice', String(stableId('practice', 'du-lich-thong-minh-phu-quoc-2021')));
const MEMBER = 'linhnt';

describe('Flagging a practice', () => {
  it('leaves its page saying “Đã báo cáo” after a reload', async () => {
    const page = await open();
    await signInWithCookie(page.context(), baseUrl(), MEMBER);
    await page.goto(`${baseUrl()}/practices/${practiceId}`);
    const flagButton = page.getByRole('button', { name: 'Báo cáo cách làm hay này vi phạm' });
    expect((await flagButton.innerText()).trim()).toBe('Báo cáo');

    await flagButton.click();
    const dialog = page.getByRole('dialog', { name: 'Báo cáo nội dung vi phạm' });
    await dialog.getByRole('radio', { name: 'Thông tin sai' }).check();
    await dialog.getByLabel('Ghi chú cho điều hành viên').fill('Số liệu khách du lịch năm 2023 không khớp báo cáo của tỉnh');
    await dialog.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await dialog.getByRole('status').getByText('Đã nhận báo cáo của bạn').waitFor();
    await dialog.getByRole('button', { name: 'Đóng' }).click();

    await page.reload();
    await flagButton.waitFor();
    await expect.poll(async () => (await flagButton.innerText()).trim(), { timeout: 5_000 }).toBe('Đã báo cáo');
  });
});
