import { describe, expect, it } from 'vitest';
import { stableId } from '../../seeds/records.ts';
import { globalId } from '../helpers/accounts.ts';
import { useRunningApp } from '../helpers/app.ts';
import { signInWithCookie, useBrowser, usePages } from '../helpers/browser.ts';

/*
 * "We adopted this practice", in headless Chromium over the demo data: a verified member of a
 * province's department records that it adopted another province's practice; the practice page
 * lists it for everyone.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();
const open = usePages(browser, { timeout: 15_000 });

// Bình Định's LGSP link to the population database, adopted in the demo by Bắc Ninh and Hà Nội.
const practiceId = globalId('Practice', String(stableId('practice', 'lgsp-ket-noi-csdl-dan-cu-binh-dinh-2022')));
const ADOPTER = 'Sở Khoa học và Công nghệ tỉnh Quảng Ninh';

describe('Replications', () => {
  it('are recorded by a verified member for their organisation, checked inline first, then listed on the practice page for everyone', async () => {
    const page = await open();
    // thuvt: a verified member of Quảng Ninh's Department of Science and Technology.
    await signInWithCookie(page.context(), baseUrl(), 'thuvt');
    await page.goto(`${baseUrl()}/practices/${practiceId}`);
    await page.getByRole('link', { name: 'Đã được nhân rộng ở 2 nơi' }).waitFor();
    const section = page.getByRole('region', { name: 'Đã được nhân rộng' });
    await section.getByRole('heading', { level: 3, name: 'Sở Khoa học và Công nghệ tỉnh Bắc Ninh' }).waitFor();

    const form = section.getByRole('form', { name: 'Đơn vị tôi đã áp dụng thực hành này' });
    // The member's own organisation and province are chosen already.
    await expect.poll(() => form.getByLabel('Cơ quan, đơn vị', { exact: true }).inputValue()).toBe('so-khcn-quang-ninh');
    expect(await form.getByLabel('Tỉnh, thành phố', { exact: true }).inputValue()).toBe('quang-ninh');

    // Too short: said beside the field, and nothing is recorded.
    const changes = form.getByLabel('Đã điều chỉnh những gì so với cách làm gốc');
    await changes.fill('Ít chữ');
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    await form.getByText('Cần ít nhất 10 ký tự.').waitFor();
    expect(await changes.getAttribute('aria-invalid')).toBe('true');
    expect(await section.getByRole('heading', { level: 3, name: ADOPTER }).count()).toBe(0);

    await form.getByLabel('Tháng bắt đầu áp dụng').selectOption('3');
    await form.getByLabel('Năm', { exact: true }).selectOption('2025');
    await changes.fill('Kết nối qua LGSP của tỉnh, bắt đầu với 15 thủ tục về hộ tịch');
    await form.getByLabel(/Kết quả đạt được/).fill('12.000 hồ sơ không phải nộp lại giấy tờ trong 6 tháng');
    await form.getByRole('button', { name: 'Ghi nhận' }).click();

    const mine = section.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: ADOPTER }) });
    await mine.waitFor();
    expect(await mine.textContent()).toContain('Quảng Ninh · Tháng 3/2025');
    expect(await mine.textContent()).toContain('12.000 hồ sơ không phải nộp lại giấy tờ trong 6 tháng');
    await page.getByRole('link', { name: 'Đã được nhân rộng ở 3 nơi' }).waitFor();

    // Its recorder edits it.
    await mine.getByRole('button', { name: 'Sửa' }).click();
    await mine.getByLabel(/Kết quả đạt được/).fill('15.000 hồ sơ không phải nộp lại giấy tờ trong 8 tháng');
    await mine.getByRole('button', { name: 'Lưu' }).click();
    await mine.getByText('15.000 hồ sơ không phải nộp lại giấy tờ trong 8 tháng').waitFor();

    // A visitor who is not signed in sees it, and no form.
    const visitor = await open();
    await visitor.goto(`${baseUrl()}/practices/${practiceId}`);
    const shown = visitor.getByRole('region', { name: 'Đã được nhân rộng' });
    await shown.getByRole('heading', { level: 3, name: ADOPTER }).waitFor();
    expect(await shown.getByRole('form').count()).toBe(0);
    expect(await shown.getByRole('button', { name: 'Sửa' }).count()).toBe(0);
  });
});
