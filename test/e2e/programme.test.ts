import { describe, expect, it } from 'vitest';
import { useRunningApp } from '../helpers/app.ts';
import { signInWithCookie, useBrowser, usePages } from '../helpers/browser.ts';

/*
 * The programme's reports in headless Chromium over the demo data: Quảng Ninh's reporting member
 * files the current half-year's report (a unit error shown inline first), submits it, finds it
 * locked with a way to start a correction, and its value appears on the criterion's map and table.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();
const open = usePages(browser, { timeout: 15_000 });

const QUANG_NINH = 'Sở Khoa học và Công nghệ tỉnh Quảng Ninh';

describe('Programme reports', () => {
  it('are filed by a province’s reporting member and show on the criterion’s map and table', async () => {
    const page = await open();
    // anh.ltv: a member of Quảng Ninh's digital transformation centre, its department's reporting member in the demo.
    await signInWithCookie(page.context(), baseUrl(), 'anh.ltv');
    await page.goto(`${baseUrl()}/programme/report`);
    await page.getByRole('heading', { level: 1, name: 'Gửi báo cáo' }).waitFor();
    const form = page.getByRole('form', { name: /Quảng Ninh · 6 tháng cuối năm 2026/ });
    await form.waitFor();

    // A percent over 100 is refused beside the field before anything is sent.
    const ct01 = form.getByLabel(/^Giá trị/).first();
    await ct01.fill('120');
    await form.getByText('Giá trị nằm ngoài khoảng cho phép (tỷ lệ 0–100, số lượng ≥ 0).').first().waitFor();
    expect(await ct01.getAttribute('aria-invalid')).toBe('true');
    await form.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByText('Có giá trị chưa hợp lệ; xem các ô được đánh dấu.').waitFor();

    await ct01.fill('97,5');
    await form.getByLabel('Tình trạng').first().selectOption('ACHIEVED');
    await form.getByLabel('Minh chứng').first().fill('https://dichvucong.quangninh.example/bao-cao-2026');
    await form.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByText('Đã gửi báo cáo.').waitFor();
    await form.getByText('Phiên bản 1 đã gửi và đã khoá.', { exact: false }).waitFor();
    await form.getByRole('button', { name: 'Tạo bản sửa' }).waitFor();
    expect(await form.getByRole('button', { name: 'Lưu nháp' }).count()).toBe(0);
    expect(await ct01.isDisabled()).toBe(true);

    // Another member reads it on the criterion's page: a row in the table and Quảng Ninh's tile on the map.
    const reader = await open();
    await signInWithCookie(reader.context(), baseUrl(), 'thuvt');
    await reader.goto(`${baseUrl()}/programme/criteria/CT01?period=2026-H2`);
    const table = reader.getByRole('table', { name: /Giá trị tiêu chí CT01/ });
    const row = table.getByRole('row').filter({ has: reader.getByRole('rowheader', { name: QUANG_NINH }) });
    await row.waitFor();
    expect(await row.textContent()).toContain('97,5%');
    expect(await row.textContent()).toContain('Đạt');
    const map = reader.getByRole('group', { name: /Bản đồ 34 tỉnh, thành phố/ });
    const tile = map.getByRole('link', { name: 'Quảng Ninh: 97,5% (Đạt)', exact: true });
    expect(await tile.textContent()).toContain('97,5%');
    // Its tile leads to the organisation's progress; a unit that has not reported is read, not linked.
    expect(await tile.getAttribute('href')).toBe('/programme/organizations/so-khcn-quang-ninh');
    await map.getByRole('img', { name: 'Hà Nội: Chưa báo cáo', exact: true }).waitFor();
    await reader.getByText('1/1 (100%)').waitFor();
    // The CSV link downloads these figures.
    expect(await reader.getByRole('link', { name: 'Tải về CSV' }).getAttribute('download')).toBe('CT01-2026-H2.csv');

    // Quảng Ninh's progress over time: the new half-year beside the demo's two.
    await row.getByRole('link', { name: QUANG_NINH }).click();
    const progress = reader.getByRole('table', { name: `Tiến độ của ${QUANG_NINH}` });
    await progress.getByRole('columnheader', { name: '6 tháng cuối năm 2026' }).waitFor();
    expect(await progress.getByRole('columnheader').count()).toBe(4);
    expect(
      await progress
        .getByRole('row')
        .filter({ has: reader.getByRole('link', { name: 'CT01' }) })
        .textContent(),
    ).toContain('97,5%');
  });
  it('tell a visitor to sign in, lead an admin to the criteria administration and keep it from other members', async () => {
    const visitor = await open();
    await visitor.goto(`${baseUrl()}/programme`);
    await visitor.getByRole('heading', { level: 1, name: 'Tiêu chí và báo cáo chương trình' }).waitFor();
    await visitor.getByText('Đăng nhập để xem tiến độ từng tiêu chí', { exact: false }).waitFor();
    expect(await visitor.getByRole('link', { name: 'Đăng nhập' }).count()).toBeGreaterThan(0);

    const admin = await open();
    await signInWithCookie(admin.context(), baseUrl(), 'tuantm');
    await admin.goto(`${baseUrl()}/programme`);
    await admin.getByRole('link', { name: 'Quản trị bộ tiêu chí' }).click();
    await admin.getByRole('heading', { level: 2, name: 'Các phiên bản bộ tiêu chí' }).waitFor();

    // A reporting member is chosen from the organisations that report, and a bad choice is refused under its field.
    const reporters = admin.getByRole('form', { name: 'Thành viên báo cáo' });
    const organization = reporters.getByLabel('Cơ quan báo cáo');
    await reporters.getByRole('button', { name: 'Giao việc báo cáo' }).click();
    await reporters.locator('#reporter-organization-error').getByText('Vui lòng', { exact: false }).waitFor();
    expect(await organization.getAttribute('aria-invalid')).toBe('true');
    expect(await organization.locator('option', { hasText: 'Bộ Công an' }).count()).toBe(1);
    // A centre files no report of its own: only its department is offered.
    expect(await organization.locator('option', { hasText: 'Trung tâm Chuyển đổi số tỉnh Quảng Ninh' }).count()).toBe(0);
    await organization.selectOption({ label: QUANG_NINH });
    // Nobody chosen yet: the person is asked for under its field.
    await reporters.getByRole('button', { name: 'Giao việc báo cáo' }).click();
    await reporters.locator('#reporter-person-error').waitFor();
    expect(await reporters.getByLabel('Thành viên báo cáo (tìm theo tên)').getAttribute('aria-invalid')).toBe('true');
    // linhnt works at the national department, not in Quảng Ninh: found by name, chosen, refused under the field.
    await reporters.getByLabel('Thành viên báo cáo (tìm theo tên)').fill('nguyen thuy linh');
    await reporters.getByRole('button', { name: 'Chọn Nguyễn Thùy Linh' }).click();
    await reporters.getByRole('link', { name: 'Nguyễn Thùy Linh' }).waitFor();
    await reporters.getByRole('button', { name: 'Giao việc báo cáo' }).click();
    await reporters.locator('#reporter-person-error').getByText('Thành viên này không thuộc cơ quan đã chọn (hay một đơn vị trực thuộc).').waitFor();
    await reporters.getByRole('alert').getByText('Chưa lưu được: vui lòng sửa các mục được đánh dấu.').waitFor();
    expect(await admin.getByRole('row').filter({ hasText: QUANG_NINH }).filter({ hasText: 'Nguyễn Thùy Linh' }).count()).toBe(0);

    const member = await open();
    await signInWithCookie(member.context(), baseUrl(), 'linhnt');
    await member.goto(`${baseUrl()}/programme`);
    await member.getByRole('heading', { level: 2, name: /Nghị quyết 17\/NQ-CP/ }).waitFor();
    expect(await member.getByRole('link', { name: 'Quản trị bộ tiêu chí' }).count()).toBe(0);
    await member.goto(`${baseUrl()}/programme/admin`);
    await member.getByText('Chỉ quản trị viên mới quản lý bộ tiêu chí và người báo cáo.').waitFor();
  });
});
