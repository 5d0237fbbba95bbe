import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { useRunningApp } from '../helpers/app.ts';
import { useBrowser, usePages } from '../helpers/browser.ts';

/*
 * The expert directory as a person uses it, in headless Chromium against the built web app
 * (web/dist) served by the whole product over the demo data.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();

const open = usePages(browser);
let page: Page;
beforeEach(async () => {
  page = await open();
});

/** Asks the API what the page should show, so the test follows the demo data as it grows. */
async function api<T>(query: string): Promise<T> {
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data: T };
  return body.data;
}

const resultCount = () => page.getByRole('status').filter({ hasText: /^[\d.,]+ (chuyên gia|experts?)$/ });
const countIn = async (text: string) => Number((text.match(/^[\d.,]+/)?.[0] ?? '').replace(/[.,]/g, ''));

describe('Expert directory', () => {
  it('lists people with the Vietnamese interface when opened', async () => {
    await page.goto(`${baseUrl()}/experts`);

    await page.getByRole('heading', { level: 1, name: 'Danh bạ chuyên gia' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await page.title()).toBe('Danh bạ chuyên gia · Mạng lưới chuyên gia chuyển đổi số');

    const { experts } = await api<{ experts: { totalCount: number } }>('{ experts { totalCount } }');
    await resultCount()
      .filter({ hasText: `${experts.totalCount.toLocaleString('vi-VN')} chuyên gia` })
      .waitFor();
    expect(await page.getByRole('article').count()).toBe(Math.min(20, experts.totalCount));
    expect(await page.getByRole('button', { name: 'Tiếng Việt' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('combobox', { name: 'Tỉnh, thành phố' }).isVisible()).toBe(true);
  });

  it('finds people of a merged province when filtering by its successor, and opens a profile', async () => {
    // Someone recorded under Quảng Nam, merged into Đà Nẵng in 2025.
    const { experts } = await api<{ experts: { edges: { node: { handle: string; name: string; organization: { name: string } } }[] } }>(
      '{ experts(filter: { place: "quang-nam" }, first: 1) { edges { node { handle name organization { name } } } } }',
    );
    const person = experts.edges[0]?.node;
    expect(person, 'the demo data has someone recorded under Quảng Nam').toBeDefined();
    if (!person) return;

    await page.goto(`${baseUrl()}/experts`);
    const total = await countIn(await resultCount().innerText());

    await page.getByRole('combobox', { name: 'Tỉnh, thành phố' }).selectOption({ label: 'Đà Nẵng' });
    await page.waitForURL(/\/experts\?place=da-nang$/);
    const card = page.getByRole('article').filter({ has: page.getByRole('link', { name: person.name, exact: true }) });
    await card.waitFor();
    expect(await card.innerText()).toContain('(nay thuộc Đà Nẵng)');
    expect(await countIn(await resultCount().innerText())).toBeLessThan(total);

    await card.getByRole('link', { name: person.name, exact: true }).click();
    await page.waitForURL(new RegExp(`/experts/${person.handle.replace(/\./g, '\\.')}$`));
    await page.getByRole('heading', { level: 1, name: person.name }).waitFor();
    expect(await page.getByRole('link', { name: person.organization.name }).isVisible()).toBe(true);
    expect(await page.title()).toBe(`${person.name} · Mạng lưới chuyên gia chuyển đổi số`);

    // Back returns to the filtered list.
    await page.goBack();
    await page.waitForURL(/\/experts\?place=da-nang$/);
    expect(await page.getByRole('combobox', { name: 'Tỉnh, thành phố' }).inputValue()).toBe('da-nang');
  });

  it('switches to English and remembers the choice', async () => {
    await page.goto(`${baseUrl()}/experts?place=da-nang`);
    await page.getByRole('heading', { level: 1, name: 'Danh bạ chuyên gia' }).waitFor();

    const english = page.getByRole('button', { name: 'English' });
    await english.click();
    await page.getByRole('heading', { level: 1, name: 'Expert directory' }).waitFor();
    expect(await english.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // The choices arrive with their data; the select must then show the filter in force.
    await expect.poll(() => page.getByRole('combobox', { name: 'Province or city' }).inputValue()).toBe('da-nang');
    await page.getByRole('button', { name: 'Clear filters' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Expert directory' }).waitFor();
    await expect.poll(() => page.getByRole('combobox', { name: 'Province or city' }).inputValue()).toBe('da-nang');
    await page.getByText('(now part of Đà Nẵng)').first().waitFor();
  });

  it('searches as one types and keeps the words in the address', async () => {
    await page.goto(`${baseUrl()}/experts`);
    await resultCount().waitFor();

    await page.getByLabel('Tìm theo tên, chức vụ hoặc cơ quan').fill('quang nam');
    await page.waitForURL(/\/experts\?q=quang(\+|%20)nam$/);
    await page.getByRole('article').filter({ hasText: 'Quảng Nam' }).first().waitFor();

    await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
    await page.waitForURL(/\/experts$/);
    expect(await page.getByLabel('Tìm theo tên, chức vụ hoặc cơ quan').inputValue()).toBe('');
  });

  it('says so when nobody has the handle', async () => {
    await page.goto(`${baseUrl()}/experts/khong-co-ai`);
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy chuyên gia' }).waitFor();
    await page.getByRole('link', { name: 'Về danh bạ chuyên gia' }).click();
    await page.getByRole('heading', { level: 1, name: 'Danh bạ chuyên gia' }).waitFor();
  });
});
