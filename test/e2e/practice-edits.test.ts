import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findExpertByHandle } from '../../schema/expert/service.ts';
import { Practice } from '../../schema/practice/model.ts';
import { globalId } from '../helpers/accounts.ts';
import { useRunningApp } from '../helpers/app.ts';
import { signInWithCookie, useBrowser, usePages } from '../helpers/browser.ts';

/*
 * An edit of a published practice in headless Chromium: its author edits and sends it, the
 * public page keeps the published title, a curator reads the proposed version and publishes it,
 * and the public page then reads the new title. The editor saves the edit as it is typed, like a
 * draft's, and a reload finds it there, still unsent.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();
const open = usePages(browser, { timeout: 15_000 });

const AUTHOR = { handle: 'linhnt' };
const CURATOR = { handle: 'ha.ltt' };

async function as(handle: string): Promise<Page> {
  const page = await open();
  await signInWithCookie(page.context(), baseUrl(), handle);
  return page;
}

/** A published practice of the author's; its global id and title. */
async function publishedPractice(): Promise<{ id: string; title: string }> {
  const author = await findExpertByHandle(AUTHOR.handle);
  const title = `Tra cứu hồ sơ đất đai tại xã ${String(Date.now()).slice(-6)}`;
  const practice = await Practice.create({
    title,
    summary: 'Số hóa hồ sơ đất đai của 12 xã vùng cao, tra cứu ngay tại xã.',
    problem: 'Người dân đi hơn 40 km để tra cứu hồ sơ.',
    solution: 'Quét, đánh chỉ mục và kết nối cơ sở dữ liệu đất đai với bộ phận một cửa.',
    results: 'Thời gian tra cứu giảm từ 3 ngày xuống 15 phút.',
    lessons: 'Chuẩn hóa danh mục trước khi quét.',
    stage: 'operating',
    year: 2025,
    organization: 'tt-cds-da-nang',
    place: 'da-nang',
    topics: ['du-lieu-so'],
    authors: [author!._id],
    status: 'published',
    publishedAt: new Date(),
    version: 1,
  });
  return { id: globalId('Practice', String(practice._id)), title };
}

const heading = (page: Page) => page.locator('h1#page-title');

describe('Edits of a published practice', () => {
  it('are written and sent by the author while the public page keeps the published title, and replace it once a curator publishes them', async () => {
    const { id, title } = await publishedPractice();
    const newTitle = `${title} (mở rộng toàn tỉnh)`;

    const author = await as(AUTHOR.handle);
    await author.goto(`${baseUrl()}/practices/${id}/edit`);
    await author.getByText('người đọc vẫn thấy bản đã công bố', { exact: false }).first().waitFor();
    await author.getByLabel('Tiêu đề', { exact: true }).fill(newTitle);
    await author.getByRole('button', { name: 'Gửi duyệt bản sửa' }).click();
    await author.waitForURL((url) => url.pathname === `/practices/${id}`);
    // The author's page says the edit waits, and still reads the published title.
    await author.getByText('đang chờ thẩm định viên duyệt', { exact: false }).first().waitFor();
    expect(await heading(author).innerText()).toBe(title);

    const visitor = await open();
    await visitor.goto(`${baseUrl()}/practices/${id}`);
    await heading(visitor).waitFor();
    expect(await heading(visitor).innerText()).toBe(title);
    expect(await visitor.getByText(newTitle).count()).toBe(0);

    // The curator finds it on the desk's tab of edits, and opens it.
    const curator = await as(CURATOR.handle);
    await curator.goto(`${baseUrl()}/staff/practices`);
    await curator.getByRole('link', { name: 'Bản sửa', exact: true }).click();
    await curator.waitForURL((url) => url.searchParams.get('kind') === 'edit');
    await curator.getByRole('link', { name: title, exact: true }).click();
    await curator.waitForURL((url) => url.pathname === `/practices/${id}`);
    const panel = curator.getByRole('region', { name: 'Bản sửa chờ duyệt' });
    await panel.getByText(newTitle, { exact: true }).waitFor();
    await panel.getByRole('button', { name: 'Công bố bản sửa' }).click();
    await curator.getByRole('heading', { name: newTitle, level: 1 }).waitFor();

    await visitor.reload();
    await visitor.getByRole('heading', { name: newTitle, level: 1 }).waitFor();
  });

  it('keep what the author types as it is typed, unsent, through a reload, while the public page keeps the published text', async () => {
    const { id, title } = await publishedPractice();
    const newTitle = `${title} (bản đang viết)`;

    const author = await as(AUTHOR.handle);
    await author.goto(`${baseUrl()}/practices/${id}/edit`);
    const titleField = author.getByLabel('Tiêu đề', { exact: true });
    await titleField.fill(newTitle);
    // Saved after the pause in typing, without pressing anything.
    await author.getByText(/^Đã lưu lúc \d{2}:\d{2}$/).waitFor();
    await author.reload();
    await author.getByText('người đọc vẫn thấy bản đã công bố', { exact: false }).first().waitFor();
    expect(await titleField.inputValue()).toBe(newTitle);

    // Not sent: the author's page says so, and everyone reads the published title.
    await author.goto(`${baseUrl()}/practices/${id}`);
    await author.getByText('chưa gửi duyệt', { exact: false }).first().waitFor();
    expect(await heading(author).innerText()).toBe(title);
    const visitor = await open();
    await visitor.goto(`${baseUrl()}/practices/${id}`);
    await heading(visitor).waitFor();
    expect(await heading(visitor).innerText()).toBe(title);
    expect(await visitor.getByText(newTitle).count()).toBe(0);
  });
});
