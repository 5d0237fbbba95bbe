import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { findExpertByHandle } from '../../schema/expert/service.ts';
import { sessionCookieFor } from './graphql.ts';
import { DEMO_PASSWORD } from './server-process.ts';

export const CHROMIUM = '/usr/bin/chromium';

/** Headless Debian Chromium with the flags this closed network needs (DESIGN.md section 8). */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      // playwright gives every launch a fresh, empty profile of its own.
    });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser did not start');
    return browser;
  };
}

export { DEMO_PASSWORD };
export const demoEmail = (handle: string) => `${handle}@demo.chuyengia.example`;

/** Fills in the sign-in page the browser is on as a demo member, and sends it. */
export async function fillDemoSignIn(page: Page, handle: string): Promise<void> {
  await page.getByLabel('Email').fill(demoEmail(handle));
  await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
}

/** Signs the page in as a demo member through the sign-in page, as a person would. */
export async function signInThroughPage(page: Page, baseUrl: string, handle: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await fillDemoSignIn(page, handle);
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

/** Gives a browser a member's session cookie directly, for tests about something other than signing in. */
export async function signInWithCookie(context: BrowserContext, baseUrl: string, handle: string): Promise<void> {
  const expert = await findExpertByHandle(handle);
  const token = (await sessionCookieFor(String(expert!._id))).split('=')[1]!;
  await context.addCookies([{ name: 'session', value: token, url: baseUrl }]);
}
