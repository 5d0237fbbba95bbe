import { describe, expect, it } from 'vitest';
import { useRunningApp } from '../helpers/app.ts';
import { signInWithCookie, useBrowser, usePages } from '../helpers/browser.ts';

/*
 * Issue 13, item 2, in headless Chromium over the demo data: a member of the cybersecurity group
 * (members-only discussions) starts a discussion from the group's page; a member of the network
 * outside the group finds it nowhere (group page, thread list, search) and gets "not found" at its
 * address, while the group's members see it. Thread pages keep a live stream open: no networkidle.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();
const open = usePages(browser, { timeout: 15_000 });

const GROUP_PATH = '/groups/nhom-an-toan-an-ninh-mang';
const TITLE = 'Diễn tập ứng cứu sự cố mã độc tống tiền quý tới';
const WORD = 'tongtienquytoi';

describe('Group pages and members-only discussions', () => {
  it('list the five groups with their leads and who reads their discussions', async () => {
    const page = await open();
    await signInWithCookie(page.context(), baseUrl(), 'thuvt');
    await page.goto(`${baseUrl()}/groups`);
    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 1, name: 'Các nhóm của Tổ công tác' }).waitFor();
    await expect.poll(() => main.locator('.group-card').count()).toBe(5);
    const security = main.locator('.group-card').filter({ has: page.getByRole('link', { name: 'Nhóm an toàn, an ninh mạng' }) });
    expect(await security.textContent()).toContain('Nguyễn Quang Trung');
    expect(await security.textContent()).toContain('Thảo luận chỉ dành cho thành viên nhóm');
  });

  it('a member starts a members-only discussion in the group; a non-member finds it nowhere, a member sees it', async () => {
    const member = await open();
    // hau.dc: a member of the cybersecurity group.
    await signInWithCookie(member.context(), baseUrl(), 'hau.dc');
    await member.goto(`${baseUrl()}${GROUP_PATH}`);
    await member.getByRole('link', { name: 'Mở thảo luận trong nhóm này' }).click();
    await member.waitForURL(/\/threads\/new\?group=nhom-an-toan-an-ninh-mang$/);
    await member.getByText('chỉ thành viên nhóm đọc được').waitFor();
    await member.getByLabel('Tiêu đề', { exact: true }).fill(TITLE);
    await member.locator('#thread-body').fill(`Đề xuất kịch bản ${WORD} cho các tỉnh thí điểm.`);
    await member.getByRole('button', { name: 'Đăng chủ đề' }).click();
    await member.waitForURL(/\/threads\/(?!new)[^/?]+$/);
    const threadPath = new URL(member.url()).pathname;
    await member.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await member.getByRole('link', { name: 'Chỉ thành viên Nhóm an toàn, an ninh mạng' }).first().waitFor();

    // Someone outside the group: not on the group's page, not in the list, not in search, not at its address.
    const outsider = await open();
    await signInWithCookie(outsider.context(), baseUrl(), 'thuvt');
    await outsider.goto(`${baseUrl()}${GROUP_PATH}`);
    await outsider.getByText('Thảo luận của nhóm này chỉ dành cho thành viên nhóm.').waitFor();
    expect(await outsider.getByRole('link', { name: 'Mở thảo luận trong nhóm này' }).count()).toBe(0);
    expect(await outsider.getByText(TITLE).count()).toBe(0);

    await outsider.goto(`${baseUrl()}/threads`);
    await outsider.locator('.thread-row').first().waitFor();
    expect(await outsider.getByText(TITLE).count()).toBe(0);

    await outsider.goto(`${baseUrl()}/search?q=${WORD}`);
    await outsider.getByRole('heading', { name: 'Không tìm thấy kết quả nào' }).waitFor();
    expect(await outsider.getByText(TITLE).count()).toBe(0);

    await outsider.goto(`${baseUrl()}${threadPath}`);
    await outsider.getByRole('heading', { name: 'Không tìm thấy chủ đề' }).waitFor();
    expect(await outsider.getByText(TITLE).count()).toBe(0);

    // The group's lead sees it on the group's page and in the thread list.
    const lead = await open();
    await signInWithCookie(lead.context(), baseUrl(), 'trungnq');
    await lead.goto(`${baseUrl()}${GROUP_PATH}`);
    await lead.getByRole('link', { name: TITLE }).waitFor();
    await lead.goto(`${baseUrl()}/threads`);
    await lead.getByRole('link', { name: TITLE }).waitFor();
  });

  it('an admin finds a person by name without diacritics and adds them as a member; the search then no longer offers them', async () => {
    const admin = await open();
    await signInWithCookie(admin.context(), baseUrl(), 'tuantm');
    await admin.goto(`${baseUrl()}/groups/nhom-giai-phap-cong-nghe`);
    const search = admin.getByLabel('Tìm người để thêm vào nhóm');
    await search.fill('vu hoang nam');
    await admin.getByRole('button', { name: 'Thêm Vũ Hoàng Nam làm Thành viên' }).click();
    await admin.locator('.group-people').getByRole('link', { name: 'Vũ Hoàng Nam' }).waitFor();
    await search.fill('vu hoang nam');
    await admin
      .getByRole('status')
      .filter({ hasText: /người phù hợp|Không tìm thấy ai phù hợp/ })
      .waitFor({ state: 'attached' });
    expect(await admin.getByRole('button', { name: 'Thêm Vũ Hoàng Nam làm Thành viên' }).count()).toBe(0);
  });
});
