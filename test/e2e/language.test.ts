import type { Page, Response } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { useRunningApp } from '../helpers/app.ts';
import { useBrowser, usePages } from '../helpers/browser.ts';

/*
 * Only the chosen language's dictionary travels: English is a chunk of its own (en-<hash>.js),
 * fetched when a reader chooses English, in headless Chromium against the built web app.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();

const open = usePages(browser);
let page: Page;
beforeEach(async () => {
  page = await open();
});

/** A string only the English dictionary has, to recognise it in a script whatever its file name. */
const ENGLISH_ONLY = 'Skip to main content';
const englishChunk = /\/assets\/en-[^/]*\.js$/;

/** Every script the page loads, with its text, in order. */
function recordScripts(target: Page): { url: string; text: Promise<string> }[] {
  const scripts: { url: string; text: Promise<string> }[] = [];
  target.on('response', (response: Response) => {
    if (response.request().resourceType() === 'script') scripts.push({ url: response.url(), text: response.text() });
  });
  return scripts;
}

const carryingEnglish = async (scripts: { url: string; text: Promise<string> }[]) => {
  const found: string[] = [];
  for (const script of scripts) if ((await script.text).includes(ENGLISH_ONLY)) found.push(script.url);
  return found;
};

describe('Interface language', () => {
  it('never downloads the English dictionary for a Vietnamese visit, and fetches it on the switch', async () => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    const scripts = recordScripts(page);

    await page.goto(`${baseUrl()}/experts`);
    await page.getByRole('heading', { level: 1, name: 'Danh bạ chuyên gia' }).waitFor();
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Cách làm hay' }).click();
    await page.waitForURL(/\/practices$/);
    await page.getByRole('heading', { level: 1 }).waitFor();

    expect(requested.filter((url) => englishChunk.test(url))).toEqual([]);
    expect(await carryingEnglish(scripts), 'no script of the Vietnamese visit carries English').toEqual([]);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Good practices' }).waitFor();
    const english = await carryingEnglish(scripts);
    expect(english).toHaveLength(1);
    expect(english[0]).toMatch(englishChunk);
  });

  it('opens in the remembered English from the first paint', async () => {
    await page.goto(`${baseUrl()}/experts`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Expert directory' }).waitFor();

    // Whether the page ever showed Vietnamese, from its first render: the shell's skip link says it at once.
    await page.addInitScript(() => {
      const flags = { sawVietnamese: false };
      (window as unknown as { flags: typeof flags }).flags = flags;
      new MutationObserver(() => {
        if (document.body?.textContent?.includes('Bỏ qua, đến nội dung chính')) flags.sawVietnamese = true;
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Expert directory' }).waitFor();
    await page.getByRole('link', { name: 'Skip to main content' }).waitFor({ state: 'attached' });
    expect(await page.evaluate(() => (window as unknown as { flags: { sawVietnamese: boolean } }).flags.sawVietnamese)).toBe(false);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('stays in Vietnamese and says so when English cannot be fetched, and switches on retry', async () => {
    await page.route(englishChunk, (route) => route.abort('internetdisconnected'));
    await page.goto(`${baseUrl()}/experts`);
    await page.getByRole('heading', { level: 1, name: 'Danh bạ chuyên gia' }).waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    const notice = page.getByRole('alert').filter({ hasText: 'Chưa tải được giao diện tiếng Anh' });
    await notice.waitFor();
    expect(await notice.innerText()).toContain('The English interface could not be loaded');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Danh bạ chuyên gia');
    expect(await page.getByRole('button', { name: 'Tiếng Việt' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');

    // Not remembered: the next visit opens in Vietnamese without trying again.
    expect(await page.evaluate(() => localStorage.getItem('locale'))).toBeNull();

    await page.unroute(englishChunk);
    await notice.getByRole('button', { name: 'Thử lại' }).click();
    await page.getByRole('heading', { level: 1, name: 'Expert directory' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Chưa tải được giao diện tiếng Anh' }).count()).toBe(0);
  });
});
