import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
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

/** The screens the pages are tried on. */
export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 390, height: 844 };

export interface PageOptions {
  /** DESKTOP unless said. */
  viewport?: { width: number; height: number };
  /** How long each step may wait, in milliseconds (10 s unless said). */
  timeout?: number;
  /** Anything else the context needs (isMobile, hasTouch…). */
  context?: BrowserContextOptions;
}

/**
 * A page in a browser context of its own, as one person in Vietnamese: its own cookies, so its
 * own session. Close it with `page.context().close()`.
 */
export async function openPage(browser: Browser, options: PageOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: options.viewport ?? DESKTOP, locale: 'vi-VN', ...options.context });
  const page = await context.newPage();
  page.setDefaultTimeout(options.timeout ?? 10_000);
  return page;
}

/**
 * Opens pages (see {@link openPage}) that are closed after each test, so no session or route
 * leaks into the next: `const open = usePages(browser)`, then `await open()` in a test or a
 * beforeEach. `defaults` apply to every page the file opens.
 */
export function usePages(browser: () => Browser, defaults: PageOptions = {}): (options?: PageOptions) => Promise<Page> {
  const opened: Page[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((page) => page.context().close()));
  });
  return async (options = {}) => {
    const page = await openPage(browser(), { ...defaults, ...options });
    opened.push(page);
    return page;
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
