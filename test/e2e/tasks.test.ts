import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useRunningApp } from '../helpers/app.ts';
import { signInWithCookie, useBrowser, usePages } from '../helpers/browser.ts';

/*
 * Issue 13's walk, in headless Chromium over the demo data: a member of the cybersecurity group
 * proposes a task on its board, the group's lead accepts it and assigns it to a member with a due
 * day, and the assignee reports progress and closes it; the proposer sees the outcome.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();
const open = usePages(browser, { timeout: 15_000 });

const BOARD = '/groups/nhom-an-toan-an-ninh-mang';
const TITLE = 'Bộ câu hỏi tự đánh giá an toàn thông tin cho cấp xã';
/** Ten days on, in Vietnam's calendar (the date field's value). */
const dueDay = new Date(Date.now() + 7 * 3_600_000 + 10 * 86_400_000).toISOString().slice(0, 10);

/** The field is marked invalid and its own message, tied to it, says `message`. */
async function expectFieldError(field: Locator, message: string) {
  await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
  const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
  const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
  expect(errorId).toBeTruthy();
  expect(await field.page().locator(`[id="${errorId}"]`).textContent()).toBe(message);
}

async function pageOf(handle: string, path: string) {
  const page = await open();
  await signInWithCookie(page.context(), baseUrl(), handle);
  // Never wait for the network to go quiet: the header's bell keeps a stream open.
  await page.goto(`${baseUrl()}${path}`);
  return page;
}

describe('Tasks and proposals', () => {
  it('a member proposes, a lead accepts and assigns it with a due day, the assignee reports progress and closes it', async () => {
    // dangth: a verified member of the cybersecurity group.
    const member = await pageOf('dangth', BOARD);
    const propose = member.getByRole('form', { name: 'Đề xuất công việc' });
    await propose.getByLabel('Tên công việc').fill(TITLE);
    await propose.getByLabel('Mô tả (Markdown)').fill('Soạn **20 câu hỏi** để xã tự đánh giá trước khi kết nối hệ thống một cửa.');
    await propose.getByLabel('Vì sao việc này quan trọng').fill('Cấp xã chưa có đội an toàn thông tin.');
    await propose.getByRole('button', { name: 'Gửi đề xuất' }).click();
    await propose.getByText('Đã gửi đề xuất. Trưởng nhóm sẽ xem xét.').waitFor();
    const waitingForMember = member.getByRole('listitem').filter({ has: member.getByRole('heading', { level: 4, name: TITLE }) });
    await waitingForMember.getByText('Đang chờ').waitFor();
    // A member cannot decide on it.
    expect(await waitingForMember.getByRole('button', { name: 'Nhận và giao việc' }).count()).toBe(0);

    // trungnq leads the group: accepts it, assigns it to nhungtth with a due day.
    const lead = await pageOf('trungnq', BOARD);
    const proposal = lead.getByRole('listitem').filter({ has: lead.getByRole('heading', { level: 4, name: TITLE }) });
    const accept = proposal.getByRole('form', { name: 'Nhận và giao việc' });
    await accept.getByLabel('Chịu trách nhiệm').selectOption({ label: 'Trịnh Thị Hồng Nhung' });
    await accept.getByLabel('Hạn hoàn thành').fill(dueDay);
    await accept.getByRole('button', { name: 'Nhận và giao việc' }).click();
    // The card leaves the waiting list with its forms; the board says it was accepted.
    await lead.getByRole('status').getByText('Đã nhận đề xuất thành nhiệm vụ.').waitFor();
    const column = lead.getByRole('region', { name: /^Chưa bắt đầu/ });
    await column.getByRole('link', { name: TITLE }).waitFor();
    expect(await column.getByRole('listitem').filter({ hasText: TITLE }).textContent()).toContain(`Trịnh Thị Hồng Nhung · Hạn: ${dueDay}`);

    // nhungtth opens it from the board, starts it, writes progress, closes it.
    const assignee = await pageOf('nhungtth', BOARD);
    await assignee
      .getByRole('region', { name: /^Chưa bắt đầu/ })
      .getByRole('link', { name: TITLE })
      .click();
    await assignee.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(await assignee.locator('.task-facts').textContent()).toContain(dueDay);
    await assignee.getByRole('button', { name: 'Bắt đầu thực hiện' }).click();
    await assignee.locator('.task-status').getByText('Đang thực hiện').waitFor();
    await assignee.getByLabel('Đã làm gì, việc tiếp theo (Markdown)').fill('Đã có 20 câu hỏi, *Hà Nam* thử ở 3 xã.');
    await assignee.getByRole('button', { name: 'Ghi tiến độ' }).click();
    await assignee.locator('.task-note em', { hasText: 'Hà Nam' }).waitFor();
    // The API refuses a plain-http document: its message is under the address field, not the form's.
    const linkForm = assignee.getByRole('form', { name: 'Gắn kết quả' });
    await linkForm.getByLabel('Địa chỉ').fill('http://example.org/bo-cau-hoi.pdf');
    await linkForm.getByLabel('Tên tài liệu').fill('Bộ câu hỏi (bản PDF)');
    await linkForm.getByRole('button', { name: 'Gắn kết quả' }).click();
    await expectFieldError(linkForm.getByLabel('Địa chỉ'), 'Địa chỉ tài liệu phải bắt đầu bằng https://');
    expect(await assignee.locator('.task-links').count()).toBe(0);
    await assignee.getByRole('button', { name: 'Đánh dấu hoàn thành' }).click();
    await assignee.locator('.task-status').getByText('Đã hoàn thành').waitFor();
    // Closed: only a lead reopens it, so the assignee is offered nothing more.
    expect(await assignee.getByRole('button', { name: 'Mở lại' }).count()).toBe(0);

    // The proposer sees it accepted, and the task done on the board.
    await member.reload();
    const decided = member.getByRole('listitem').filter({ has: member.getByRole('heading', { level: 4, name: TITLE }) });
    await decided.getByText('Đã nhận thành nhiệm vụ').waitFor();
    await member
      .getByRole('region', { name: /^Đã hoàn thành/ })
      .getByRole('link', { name: TITLE })
      .waitFor();
  });

  it('a refused task shows each problem under its own field, and nothing is created', async () => {
    const lead = await pageOf('trungnq', BOARD);
    const create = lead.getByRole('form', { name: 'Tạo nhiệm vụ' });
    await create.getByLabel('Tên công việc').fill('Rà');
    await create.getByLabel('Hạn hoàn thành').fill('2020-01-01');
    await create.getByRole('button', { name: 'Tạo nhiệm vụ' }).click();
    await expectFieldError(create.getByLabel('Tên công việc'), 'Cần ít nhất 5 ký tự.');
    await expectFieldError(create.getByLabel('Chịu trách nhiệm'), 'Chọn một thành viên hoặc một nhóm chịu trách nhiệm.');
    await expectFieldError(create.getByLabel('Hạn hoàn thành'), 'Hạn hoàn thành không được ở quá khứ.');
    await create.getByRole('alert').getByText('Chưa lưu được: vui lòng sửa các mục được đánh dấu.').waitFor();
    // Focus goes to the first field at fault.
    expect(await create.getByLabel('Tên công việc').evaluate((input) => input === document.activeElement)).toBe(true);
    expect(
      await lead
        .getByRole('region', { name: /^Chưa bắt đầu/ })
        .getByRole('link', { name: 'Rà', exact: true })
        .count(),
    ).toBe(0);
  });
});
