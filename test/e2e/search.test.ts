import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { useRunningApp } from '../helpers/app.ts';
import { PHONE, useBrowser, usePages } from '../helpers/browser.ts';

/*
 * Search as people use it, in headless Chromium against the built web app over the demo data:
 * typed without diacritics in the header box, narrowed to practices, one opened.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();

const open = usePages(browser);
let page: Page;

const header = () => page.locator('header.site-header');
const main = () => page.getByRole('main');

describe('Search', () => {
  beforeEach(async () => {
    page = await open();
  });

  it('finds practices typed without diacritics from the header box, filters to practices and opens one', async () => {
    await page.goto(`${baseUrl()}/experts`);
    const box = header().getByRole('searchbox', { name: 'Tìm trên toàn mạng lưới' });
    await box.fill('chuyen doi so');
    await box.press('Enter');

    await page.waitForURL(/\/search\?q=chuyen\+doi\+so$/);
    await expect.poll(() => main().locator('.search-result').count()).toBeGreaterThan(1);
    // The matches are marked on the words as written, diacritics and all.
    const firstMarks = await main().locator('.search-result').first().locator('mark').allTextContents();
    expect(firstMarks.map((m) => m.toLowerCase())).toContain('chuyển đổi số');
    // Signed out: no discussions tab, and a word on why.
    const tabs = main().getByRole('navigation', { name: 'Loại kết quả' });
    await expect
      .poll(() => tabs.getByRole('link').allTextContents())
      .toEqual([expect.stringMatching(/^Tất cả\d+$/), expect.stringMatching(/^Cách làm hay\d+$/), expect.stringMatching(/^Chuyên gia\d+$/)]);

    await tabs.getByRole('link', { name: /^Cách làm hay/ }).click();
    await page.waitForURL(/kind=practice/);
    await expect.poll(() => tabs.getByRole('link', { name: /^Cách làm hay/ }).getAttribute('aria-current')).toBe('page');
    await expect.poll(async () => new Set(await main().locator('.search-result-kind').allTextContents())).toEqual(new Set(['Cách làm hay']));

    const first = main().locator('.search-result-title a').first();
    const title = (await first.textContent())!.trim();
    await first.click();
    await page.waitForURL(/\/practices\/[A-Za-z0-9_-]+$/);
    await expect.poll(() => main().getByRole('heading', { level: 1 }).textContent()).toBe(title);
  });

  it('says so when nothing matches and when the words cannot be used', async () => {
    await page.goto(`${baseUrl()}/search?q=${encodeURIComponent('xyzkhongtontai')}`);
    await main().getByText('Không tìm thấy kết quả nào').waitFor();

    await page.goto(`${baseUrl()}/search?q=${encodeURIComponent('{ } $')}`);
    await main().getByRole('alert').waitFor();
    expect(await main().getByRole('alert').textContent()).toContain('Hãy gõ ít nhất một từ để tìm');

    // Too many words for the API: its typed error becomes a message with a way out.
    await page.goto(`${baseUrl()}/search?q=${encodeURIComponent(Array.from({ length: 13 }, (_, i) => `tu${i}`).join(' '))}`);
    await main().getByRole('alert').waitFor();
    expect(await main().getByRole('alert').textContent()).toContain('quá nhiều từ');
  });

  it('keeps the header box usable on a phone', async () => {
    page = await open({ viewport: PHONE, context: { isMobile: true, hasTouch: true } });
    await page.goto(`${baseUrl()}/practices`);
    const box = header().getByRole('searchbox', { name: 'Tìm trên toàn mạng lưới' });
    const size = await box.boundingBox();
    expect(size!.width).toBeGreaterThan(250);
    await box.fill('CĐS');
    await header().getByRole('button', { name: 'Tìm' }).click();
    await page.waitForURL(/\/search\?q=C%C4%90S$/);
    await expect.poll(() => main().locator('.search-result mark').count()).toBeGreaterThan(0);
    // The page fits the phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
