import { describe, expect, it } from 'vitest';
import { useRunningApp } from '../helpers/app.ts';
import { signInWithCookie, useBrowser, usePages } from '../helpers/browser.ts';

/*
 * The enterprises directory in headless Chromium over the demo data: a visitor narrows it by
 * capability and pilot province, opens a profile and follows one of its practices, whose page
 * names the enterprise back; a curator adds a capability to a profile.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();
const open = usePages(browser, { timeout: 15_000 });

describe('Enterprises', () => {
  it('are filtered by capability and pilot province without signing in, and a profile leads to its practices and back', async () => {
    const page = await open();
    await page.goto(`${baseUrl()}/enterprises`);
    await page.getByRole('heading', { level: 1, name: 'Doanh nghiệp đồng hành' }).waitFor();
    await page.getByRole('status').filter({ hasText: '14 doanh nghiệp' }).waitFor();

    await page.getByRole('checkbox', { name: /^Mật mã và chữ ký số/ }).check();
    await page.getByRole('status').filter({ hasText: '3 doanh nghiệp' }).waitFor();
    const cards = page.locator('.enterprise-card h2');
    await expect.poll(() => cards.allTextContents()).toEqual(['BKAV', 'VNCS', 'VNPT']);
    // The counts beside the choices follow the filter: of the three, two do cybersecurity.
    await page.getByRole('checkbox', { name: 'An toàn, an ninh mạng (2)', exact: true }).waitFor();

    await page.getByLabel('Tỉnh thí điểm đồng hành').selectOption('ninh-binh');
    await page.getByRole('status').filter({ hasText: '1 doanh nghiệp' }).waitFor();
    await expect.poll(() => cards.allTextContents()).toEqual(['BKAV']);
    expect(page.url()).toContain('cap=CRYPTOGRAPHY');
    expect(page.url()).toContain('place=ninh-binh');

    await page.getByRole('link', { name: 'BKAV' }).click();
    await page.getByRole('heading', { level: 1, name: 'BKAV' }).waitFor();
    await page.getByText('Thành viên Liên minh phát triển Hệ sinh thái sản phẩm an toàn, an ninh mạng Việt Nam từ 2019').waitFor();
    const pilots = page.getByRole('region', { name: 'Đồng hành với tỉnh thí điểm' });
    expect(await pilots.getByRole('listitem').allTextContents()).toEqual(['Ninh Bình: Rà quét mã độc máy trạm cấp xã']);

    const practices = page.getByRole('region', { name: 'Thực tiễn đã tham gia' });
    await practices.getByRole('link', { name: /^Rà quét mã độc/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Rà quét mã độc/ }).waitFor();
    const line = page.locator('.practice-enterprises');
    await line.getByRole('link', { name: 'BKAV' }).waitFor();
    expect(await line.textContent()).toBe('Doanh nghiệp đồng hành: BKAV');
  });

  it('finds an enterprise by words typed without diacritics', async () => {
    const page = await open();
    await page.goto(`${baseUrl()}/enterprises`);
    await page.getByRole('status').filter({ hasText: '14 doanh nghiệp' }).waitFor();
    await page.getByLabel('Tìm theo tên hoặc mô tả').fill('ke toan ngan sach');
    await page.getByLabel('Tìm theo tên hoặc mô tả').press('Enter');
    await page.getByRole('status').filter({ hasText: '1 doanh nghiệp' }).waitFor();
    await expect.poll(() => page.locator('.enterprise-card h2').allTextContents()).toEqual(['MISA']);
  });

  it('lets a curator add a capability to a profile, which the directory then counts', async () => {
    const page = await open();
    // ha.ltt: a curator of the demo.
    await signInWithCookie(page.context(), baseUrl(), 'ha.ltt');
    await page.goto(`${baseUrl()}/enterprises/hpt`);
    const editor = page.getByRole('region', { name: 'Sửa hồ sơ doanh nghiệp' });
    await editor.waitFor();
    await editor.getByRole('checkbox', { name: 'Trí tuệ nhân tạo' }).check();
    await editor.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await editor.getByText('Đã lưu hồ sơ.').waitFor();
    await page.getByRole('region', { name: 'Năng lực' }).getByText('Trí tuệ nhân tạo').waitFor();

    await page.goto(`${baseUrl()}/enterprises?cap=AI`);
    await expect.poll(() => page.locator('.enterprise-card h2').allTextContents()).toContain('HPT');
  });
});
