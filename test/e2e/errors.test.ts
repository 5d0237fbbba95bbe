import type { Page, Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useRunningApp } from '../helpers/app.ts';
import { openPage, signInThroughPage, useBrowser } from '../helpers/browser.ts';

/*
 * What a signed-in member sees when the API fails, in headless Chromium over the demo data:
 * the page says the service is unavailable and offers to try again, and never turns into the
 * header of a signed-out visitor. The failures are made by answering `/graphql` in the browser
 * (playwright's page.route), as a proxy or a restarting database would. One sign-in for the
 * whole file (sign-in is limited per address); the last test signs out.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();

const MEMBER = { handle: 'linhnt', name: 'Nguyễn Thùy Linh' };

let page: Page;

beforeAll(async () => {
  page = await openPage(browser());
  await signInThroughPage(page, baseUrl(), MEMBER.handle);
});
afterEach(async () => {
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});
afterAll(async () => {
  await page.context().close();
});

const header = () => page.locator('header.site-header');
const accountButton = () => header().getByRole('button', { name: `Tài khoản: ${MEMBER.name}` });
const signInLink = () => header().getByRole('link', { name: 'Đăng nhập' });
const notice = () => page.locator('.outage-notice[role="alert"]');

/** Fails every API request with `fail` until the test ends (or unroute). */
const failApi = (fail: (route: Route) => Promise<void>) => page.route('**/graphql', fail);

const unavailableAnswer = (route: Route) =>
  route.fulfill({
    status: 200,
    contentType: 'application/graphql-response+json',
    body: JSON.stringify({
      errors: [{ message: 'The service is briefly unavailable.', extensions: { code: 'UNAVAILABLE', retryAfterSeconds: 5 } }],
    }),
  });

/** The header of someone the API said is signed out: never to be shown while it cannot be asked. */
async function expectNoSignedOutHeader() {
  expect(await signInLink().count()).toBe(0);
  expect(await header().getByRole('link', { name: 'Đăng ký' }).count()).toBe(0);
}

describe('Errors', () => {
  it('says the service is unavailable, not signed out, when the API answers 503, and comes back on "try again"', async () => {
    await failApi((route) => route.fulfill({ status: 503, contentType: 'text/html', body: '<h1>503 Service Unavailable</h1>' }));
    await page.goto(`${baseUrl()}/experts`);

    await notice().filter({ hasText: 'Dịch vụ tạm thời gián đoạn' }).waitFor();
    expect(await notice().innerText()).toContain('Trạng thái đăng nhập của bạn không thay đổi.');
    await expectNoSignedOutHeader();
    // The directory says it could not load, not that no expert matches.
    await page.getByRole('main').getByRole('button', { name: 'Thử lại' }).waitFor();
    expect(await page.getByText('Không có chuyên gia nào phù hợp').count()).toBe(0);

    // While the API still fails, trying again keeps saying so.
    await notice().getByRole('button', { name: 'Thử lại' }).click();
    await notice().getByRole('button', { name: 'Thử lại' }).waitFor();
    await expectNoSignedOutHeader();

    await page.unrouteAll({ behavior: 'wait' });
    await notice().getByRole('button', { name: 'Thử lại' }).click();
    await accountButton().waitFor();
    await notice().waitFor({ state: 'detached' });
    await page.getByRole('main').locator('.expert-card').first().waitFor();
    await expectNoSignedOutHeader();
  });

  it('keeps the member signed in and says so when the API answers UNAVAILABLE while moving between pages', async () => {
    await page.goto(`${baseUrl()}/experts`);
    await accountButton().waitFor();
    await failApi(unavailableAnswer);

    await page.locator('nav.site-nav').getByRole('link', { name: 'Thảo luận' }).click();
    await notice().filter({ hasText: 'Vui lòng thử lại sau khoảng 5 giây.' }).waitFor();
    // The API told who is signed in earlier in this visit; a failed read does not undo that.
    expect(await accountButton().isVisible()).toBe(true);
    await expectNoSignedOutHeader();

    await page.unrouteAll({ behavior: 'wait' });
    await notice().getByRole('button', { name: 'Thử lại' }).click();
    await notice().waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1, name: 'Thảo luận' }).waitFor();
  });

  it('does not send a member to sign in when a members-only page cannot reach the API', async () => {
    await failApi((route) => route.abort('connectionrefused'));
    await page.goto(`${baseUrl()}/following`);

    await notice().filter({ hasText: 'Không kết nối được tới máy chủ.' }).waitFor();
    await page.getByRole('main').getByRole('button', { name: 'Thử lại' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/following');
    await expectNoSignedOutHeader();

    await page.unrouteAll({ behavior: 'wait' });
    await page.getByRole('main').getByRole('button', { name: 'Thử lại' }).click();
    await page.getByRole('heading', { level: 1, name: 'Theo dõi' }).waitFor();
    await accountButton().waitFor();
    await notice().waitFor({ state: 'detached' });
  });

  it('says a sign-out that failed did not happen, keeps the member signed in, and signs out on a second try', async () => {
    await page.goto(`${baseUrl()}/experts`);
    await accountButton().waitFor();
    // Only the sign-out fails: the rest of the page works.
    await failApi((route) => (route.request().postData()?.includes('mutation SignOut') ? route.abort('connectionrefused') : route.fallback()));

    await accountButton().click();
    await header().getByRole('button', { name: 'Đăng xuất' }).click();
    await header().getByRole('alert').filter({ hasText: 'Chưa đăng xuất được' }).waitFor();
    expect(await header().getByRole('alert').innerText()).toContain('Bạn vẫn đang đăng nhập trên trình duyệt này.');
    expect(new URL(page.url()).pathname).toBe('/experts');
    expect(await accountButton().isVisible()).toBe(true);
    // Still signed in for the server too: a reload shows the member's menu.
    await page.unrouteAll({ behavior: 'wait' });
    await page.reload();
    await accountButton().waitFor();

    await failApi((route) => (route.request().postData()?.includes('mutation SignOut') ? unavailableAnswer(route) : route.fallback()));
    await accountButton().click();
    await header().getByRole('button', { name: 'Đăng xuất' }).click();
    const retry = header().getByRole('button', { name: 'Thử đăng xuất lại' });
    await retry.waitFor();
    await page.unrouteAll({ behavior: 'wait' });
    await retry.click();
    await signInLink().waitFor();
    await page.waitForURL(/\/experts$/);
    expect(await accountButton().count()).toBe(0);
  });
});
