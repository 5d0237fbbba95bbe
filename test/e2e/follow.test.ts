import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useRunningApp } from '../helpers/app.ts';
import { openPage, PHONE, signInThroughPage, useBrowser } from '../helpers/browser.ts';

/*
 * Following, saving and "this helped me" as a member uses them, in headless Chromium over the
 * demo data. One sign-in for the whole file (sign-in is limited per address).
 */

const baseUrl = useRunningApp();
const browser = useBrowser();

/** A member of the demo data with no staff role, and a colleague in another place to follow. */
const MEMBER = { handle: 'linhnt', name: 'Nguyễn Thùy Linh' };
const FOLLOWED = { handle: 'ha.ltt', name: 'Lê Thị Thu Hà' };

let page: Page;

beforeAll(async () => {
  page = await openPage(browser(), { viewport: PHONE });
  await signInThroughPage(page, baseUrl(), MEMBER.handle);
});
afterAll(async () => {
  await page.context().close();
});

const main = () => page.getByRole('main');

describe('Following', () => {
  it('follows an expert from their profile, and shows it at once and after a reload', async () => {
    await page.goto(`${baseUrl()}/experts/${FOLLOWED.handle}`);
    await page.getByRole('heading', { level: 1, name: FOLLOWED.name }).waitFor();
    // The profile's own button (the similar experts further down have theirs).
    const profileHeader = main().locator('header.profile-header');
    const follow = profileHeader.getByRole('button', { name: /^Theo dõi/ });
    expect(await follow.getAttribute('aria-pressed')).toBe('false');
    const before = Number(await follow.locator('.toggle-count').innerText());
    await follow.click();
    const following = profileHeader.getByRole('button', { name: /^Đang theo dõi/ });
    expect(await following.getAttribute('aria-pressed')).toBe('true');
    // Shown at once; reloaded only once the server has it.
    await page.waitForFunction(() => !document.querySelector('.toggle-button[aria-busy="true"]'));
    await page.reload();
    await profileHeader.getByRole('button', { name: `Đang theo dõi ${before + 1}` }).waitFor();
  });

  it('lists what changed in what one follows, and what one follows', async () => {
    await page.goto(`${baseUrl()}/following`);
    await page.getByRole('heading', { level: 1, name: 'Theo dõi' }).waitFor();
    const updates = main().getByRole('list', { name: 'Có gì mới' });
    await updates.getByRole('listitem').first().waitFor();
    expect(await updates.getByRole('listitem').count()).toBeGreaterThan(3);
    // Why each one is there is said in words.
    expect(await updates.locator('.follow-update-why').first().innerText()).toMatch(/chủ đề|của|thảo luận bạn theo dõi/);
    await main().getByRole('link', { name: FOLLOWED.name }).waitFor();

    // Marking them seen takes the "new" marks away.
    const markSeen = main().getByRole('button', { name: 'Đánh dấu đã xem' });
    if (await markSeen.count()) {
      await markSeen.click();
      await markSeen.waitFor({ state: 'detached' });
      expect(await updates.locator('.chip-new').count()).toBe(0);
    }
  });
});

describe('Saving and endorsing', () => {
  it('saves a practice, finds it among the saved ones, and says it helped', async () => {
    await page.goto(`${baseUrl()}/practices`);
    const first = main().locator('.practice-card a').first();
    const title = (await first.innerText()).trim();
    await first.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    const helped = main().getByRole('button', { name: /^Hữu ích với tôi/ });
    const count = Number(await helped.locator('.toggle-count').innerText());
    await helped.click();
    await main()
      .getByRole('button', { name: `Bạn thấy hữu ích ${count + 1}` })
      .waitFor();

    await main().getByRole('button', { name: 'Lưu', exact: true }).click();
    await main().getByRole('button', { name: 'Đã lưu', exact: true }).waitFor();
    await page.waitForFunction(() => !document.querySelector('.toggle-button[aria-busy="true"]'));
    // This reader is counted once, however often they come back.
    // Counted as soon as the page is read, this reader included.
    const readers = await main()
      .getByText(/^[1-9][\d.]* người đã đọc$/)
      .innerText();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(
      await main()
        .getByText(/người đã đọc$/)
        .innerText(),
    ).toBe(readers);

    await page.goto(`${baseUrl()}/bookmarks`);
    await page.getByRole('heading', { level: 1, name: 'Đã lưu' }).waitFor();
    await main().getByRole('link', { name: title }).waitFor();
    await main().getByRole('button', { name: 'Đã lưu', exact: true }).click();
    await main().getByRole('button', { name: 'Lưu', exact: true }).waitFor();
  });

  it('sends a signed-out reader who wants to save to sign in', async () => {
    const guestPage = await openPage(browser());
    await guestPage.goto(`${baseUrl()}/practices`);
    await guestPage.getByRole('main').locator('.practice-card a').first().click();
    await guestPage.getByRole('main').getByRole('link', { name: 'Lưu', exact: true }).click();
    await guestPage.waitForURL(/\/sign-in\?next=%2Fpractices%2F/);
    await guestPage.context().close();
  });
});
