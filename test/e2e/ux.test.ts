import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useRunningApp } from '../helpers/app.ts';
import { DESKTOP, fillDemoSignIn, PHONE, signInWithCookie, useBrowser, usePages } from '../helpers/browser.ts';

/*
 * What a newcomer meets, in headless Chromium against the built web app over the demo data: the
 * practice editor names every field to fix at once, a phone reaches every main section, members'
 * pages tell visitors what they hold, and the 404 page has ways on. UX_SCREENSHOTS=<dir> keeps a
 * screenshot of each at desktop and phone widths, to look at.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();

const MEMBER = { handle: 'linhnt', name: 'Nguyễn Thùy Linh' };

const open = usePages(browser, { timeout: 15_000 });
const pageFor = (viewport: { width: number; height: number }) => open({ viewport });

async function screenshot(page: Page, name: string) {
  const dir = process.env.UX_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}-${page.viewportSize()!.width}.png`) });
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Every field a practice needs before review, as the editor's summary names them, in form order. */
const MISSING_ON_EMPTY_SUBMIT = [
  'Tiêu đề: Vui lòng điền mục này.',
  'Tóm tắt: Cần điền mục này trước khi gửi thẩm định.',
  'Vấn đề: Cần điền mục này trước khi gửi thẩm định.',
  'Giải pháp: Cần điền mục này trước khi gửi thẩm định.',
  'Kết quả: Cần điền mục này trước khi gửi thẩm định.',
  'Tỉnh, thành phố: Cần chọn mục này trước khi gửi thẩm định.',
  'Cơ quan, đơn vị: Cần chọn mục này trước khi gửi thẩm định.',
  'Giai đoạn: Cần chọn mục này trước khi gửi thẩm định.',
  'Năm triển khai: Cần chọn mục này trước khi gửi thẩm định.',
  'Lĩnh vực: Chọn ít nhất một lĩnh vực trước khi gửi thẩm định.',
];

describe('Practice editor', () => {
  it('lists every missing field at once on an empty submit, in a focused summary linking to each field', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await pageFor(viewport);
      await signInWithCookie(page.context(), baseUrl(), MEMBER.handle);
      await page.goto(`${baseUrl()}/practices/new`);
      await page.getByRole('heading', { level: 1, name: 'Chia sẻ cách làm hay' }).waitFor();

      await page.getByRole('button', { name: 'Gửi thẩm định' }).click();
      const summary = page.locator('#practice-problems');
      await summary.waitFor();
      expect(await summary.getByRole('heading').innerText()).toBe('Chưa gửi được: hãy điền hoặc sửa các mục sau');
      expect(await summary.getByRole('link').allInnerTexts()).toEqual(MISSING_ON_EMPTY_SUBMIT);
      // Focus is on the summary, which sits above the first field.
      expect(await focusedId(page)).toBe('practice-problems');
      const [summaryBox, titleBox] = [await summary.boundingBox(), await page.locator('#practice-title').boundingBox()];
      expect(summaryBox!.y).toBeLessThan(titleBox!.y);
      // Each field says it beside itself too.
      for (const id of ['practice-title', 'practice-summary', 'practice-problem', 'practice-solution', 'practice-results', 'practice-place', 'practice-organization', 'practice-year']) {
        expect(await page.locator(`#${id}`).getAttribute('aria-invalid'), id).toBe('true');
        expect(await page.locator(`#${id}`).getAttribute('aria-describedby'), id).toContain(`${id}-error`);
      }
      expect(await page.locator('#practice-stage-error').innerText()).toBe('Cần chọn mục này trước khi gửi thẩm định.');
      expect(await page.locator('#practice-topics-error').innerText()).toBe('Chọn ít nhất một lĩnh vực trước khi gửi thẩm định.');
      await screenshot(page, 'editor-summary');

      // A link of the summary takes focus to its field: a select, and the first radio of a group.
      await summary.getByRole('link', { name: /^Năm triển khai:/ }).click();
      expect(await focusedId(page)).toBe('practice-year');
      await summary.getByRole('link', { name: /^Giai đoạn:/ }).click();
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('stage');
      // Fixing a field takes it off the list; the others stay.
      await summary.getByRole('link', { name: /^Tóm tắt:/ }).click();
      expect(await focusedId(page)).toBe('practice-summary');
      await page.keyboard.type('Số hóa hồ sơ đất đai của 12 xã vùng cao.');
      expect(await summary.getByRole('link').count()).toBe(MISSING_ON_EMPTY_SUBMIT.length - 1);
    }
  });

  it('lists what the API refuses in what was typed in the same round as the missing fields', async () => {
    const page = await pageFor(DESKTOP);
    await signInWithCookie(page.context(), baseUrl(), MEMBER.handle);
    await page.goto(`${baseUrl()}/practices/new`);
    await page.getByLabel('Tiêu đề', { exact: true }).fill(`Một cửa liên thông cấp xã ${String(Date.now()).slice(-6)}`);
    await page.getByRole('button', { name: 'Thêm liên kết' }).click();
    await page.getByLabel('Tên liên kết').fill('Quyết định ban hành');
    // Only the API checks the address's shape.
    await page.getByLabel('Địa chỉ web').fill('vanban.chinhphu.vn/quyet-dinh');

    await page.getByRole('button', { name: 'Gửi thẩm định' }).click();
    const summary = page.locator('#practice-problems');
    await summary.waitFor();
    const items = await summary.getByRole('link').allInnerTexts();
    expect(items).toContain('Liên kết 1, Địa chỉ web: Địa chỉ web phải bắt đầu bằng http:// hoặc https://.');
    expect(items).toEqual(expect.arrayContaining(MISSING_ON_EMPTY_SUBMIT.slice(1)));
    expect(items).toHaveLength(MISSING_ON_EMPTY_SUBMIT.length);
    expect(await focusedId(page)).toBe('practice-problems');
    await summary.getByRole('link', { name: /^Liên kết 1/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id.endsWith('-url'))).toBe(true);
  });
});

const MAIN_SECTIONS = ['Cách làm hay', 'Trưng bày', 'Danh bạ chuyên gia', 'Thảo luận', 'Chủ đề', 'Tỉnh, thành', 'Đặt câu hỏi'];

describe('Main navigation', () => {
  it('reaches every main section on a phone through a menu button that Escape closes, and keeps one row on a desktop', async () => {
    const page = await pageFor(PHONE);
    await page.goto(`${baseUrl()}/`);
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    const menu = nav.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');

    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    for (const name of MAIN_SECTIONS) {
      const link = nav.getByRole('link', { name, exact: true });
      expect(await link.isVisible(), name).toBe(true);
      const box = (await link.boundingBox())!;
      expect(box.x, name).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, name).toBeLessThanOrEqual(PHONE.width);
    }
    await screenshot(page, 'nav-open');

    // Escape closes the panel and gives focus back to the button.
    await nav.getByRole('link', { name: 'Thảo luận', exact: true }).focus();
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.getByRole('link', { name: 'Thảo luận', exact: true }).isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toBe('site-nav-links');

    // The last section, off-screen in a single row, is one tap away; the panel closes on the way.
    await menu.click();
    await nav.getByRole('link', { name: 'Tỉnh, thành', exact: true }).click();
    await page.waitForURL(/\/places$/);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await screenshot(page, 'nav-closed');

    // A desktop keeps every section in one row, without the button.
    const desktop = await pageFor(DESKTOP);
    await desktop.goto(`${baseUrl()}/`);
    const desktopNav = desktop.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(await desktopNav.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    for (const name of MAIN_SECTIONS) expect(await desktopNav.getByRole('link', { name, exact: true }).isVisible(), name).toBe(true);
    await screenshot(desktop, 'nav');
  });
});

describe('Members-only pages', () => {
  it('tell a visitor what Discussions holds and bring them back after signing in', async () => {
    const page = await pageFor(DESKTOP);
    await page.goto(`${baseUrl()}/threads?kind=question`);
    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 1, name: 'Thảo luận và hỏi đáp' }).waitFor();
    expect(await main.innerText()).toContain('Thảo luận là nơi các chuyên gia trong mạng lưới trao đổi kinh nghiệm');
    expect(new URL(page.url()).pathname).toBe('/threads');
    expect(await main.getByRole('link', { name: 'Đăng ký thành viên' }).getAttribute('href')).toBe('/sign-up?next=%2Fthreads%3Fkind%3Dquestion');
    expect(await main.getByRole('link', { name: 'Đăng nhập', exact: true }).getAttribute('href')).toBe('/sign-in?next=%2Fthreads%3Fkind%3Dquestion');
    await screenshot(page, 'members-threads');

    // In English too.
    await page.getByRole('button', { name: 'English' }).click();
    await main.getByRole('heading', { level: 1, name: 'Discussions and questions' }).waitFor();
    expect(await main.innerText()).toContain('Discussions are where the network’s experts share experience');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();

    await main.getByRole('link', { name: 'Đăng nhập', exact: true }).click();
    await page.waitForURL(/\/sign-in\?next=/);
    await fillDemoSignIn(page, MEMBER.handle);
    await page.waitForURL((url) => url.pathname + url.search === '/threads?kind=question');
    await page
      .locator('header')
      .getByRole('button', { name: `Tài khoản: ${MEMBER.name}` })
      .waitFor();
    expect(await main.getByRole('link', { name: 'Đăng ký thành viên' }).count()).toBe(0);
  });

  it('explain themselves on every members-only page a visitor can browse to', async () => {
    const pages = [
      { path: '/threads/new?kind=question', title: 'Đặt câu hỏi cho mạng lưới' },
      { path: '/threads/000000000000000000000000', title: 'Thảo luận này dành cho thành viên' },
      { path: '/practices/new', title: 'Chia sẻ cách làm hay' },
      { path: '/practices/mine', title: 'Cách làm hay của tôi' },
      { path: '/following', title: 'Theo dõi' },
      { path: '/bookmarks', title: 'Đã lưu' },
    ];
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await pageFor(viewport);
      for (const { path, title } of pages) {
        await page.goto(`${baseUrl()}${path}`);
        const main = page.getByRole('main');
        await main.getByRole('heading', { level: 1, name: title }).waitFor();
        expect(new URL(page.url()).pathname, path).toBe(path.split('?')[0]);
        expect(await main.getByRole('link', { name: 'Đăng nhập', exact: true }).getAttribute('href'), path).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
        expect(await main.getByRole('link', { name: 'Đăng ký thành viên' }).getAttribute('href'), path).toBe(`/sign-up?next=${encodeURIComponent(path)}`);
        expect(await main.innerText(), path).toContain('Đăng nhập xong, bạn sẽ quay lại đúng trang này.');
      }
      await screenshot(page, 'members-bookmarks');
    }
  });

  it('offer a visitor searching to sign in and come back to the same results, discussions included', async () => {
    const page = await pageFor(DESKTOP);
    await page.goto(`${baseUrl()}/search?q=${encodeURIComponent('dữ liệu')}`);
    const signIn = page.getByRole('main').getByRole('link', { name: 'Đăng nhập để tìm cả trong đó' });
    expect(await signIn.getAttribute('href')).toBe(`/sign-in?next=${encodeURIComponent(`/search?q=${encodeURIComponent('dữ liệu')}`)}`);
  });
});

describe('Not-found page', () => {
  it('offers home, a search and the main sections', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await pageFor(viewport);
      await page.goto(`${baseUrl()}/khong-co-trang-nay`);
      const main = page.getByRole('main');
      await main.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' }).waitFor();
      expect(await main.getByRole('link', { name: 'Về trang chủ' }).getAttribute('href')).toBe('/');
      const sections = main.getByRole('navigation', { name: 'Hoặc đi tới một mục chính' });
      for (const [name, href] of [
        ['Cách làm hay', '/practices'],
        ['Danh bạ chuyên gia', '/experts'],
        ['Thảo luận', '/threads'],
        ['Chủ đề', '/topics'],
        ['Tỉnh, thành', '/places'],
      ]) {
        expect(await sections.getByRole('link', { name, exact: true }).getAttribute('href'), name).toBe(href);
      }
      await screenshot(page, 'not-found');

      const search = main.getByRole('search').getByLabel('Tìm cách làm hay, thảo luận, chuyên gia');
      await search.fill('dữ liệu dùng chung');
      await search.press('Enter');
      await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === 'dữ liệu dùng chung');

      await page.goBack();
      await main.getByRole('link', { name: 'Về trang chủ' }).click();
      await page.waitForURL((url) => url.pathname === '/');
    }
  });
});
