import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { useRunningApp } from '../helpers/app.ts';
import { DEMO_PASSWORD, useBrowser, usePages } from '../helpers/browser.ts';

/*
 * Accounts as a person uses them, in headless Chromium against the built web app (web/dist)
 * served by the whole product over the demo data. Sign-in is limited to 6 attempts a minute
 * per address, so the file signs in three times in all.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();

/** A curator of the demo data (seeds/data/demo-accounts.json). */
const DEMO_EMAIL = 'ha.ltt@demo.chuyengia.example';

const open = usePages(browser);
let page: Page;
beforeEach(async () => {
  page = await open();
});

const header = () => page.locator('header.site-header');
const accountButton = (name: string) => header().getByRole('button', { name: `Tài khoản: ${name}` });

async function signOut(name: string) {
  await accountButton(name).click();
  await header().getByRole('button', { name: 'Đăng xuất' }).click();
  await header().getByRole('link', { name: 'Đăng nhập' }).waitFor();
}

async function fillSignIn(email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
}

describe('Account', () => {
  it('signs up, signs out, signs in again and edits the profile when a new person joins', async () => {
    const name = 'Ngô Thị Thanh Hương';
    const email = `huong.ntt.${Date.now()}@so-tttt.example.vn`;
    const password = 'mot-cau-rat-de-nho';

    await page.goto(`${baseUrl()}/experts`);
    await header().getByRole('link', { name: 'Đăng ký' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng ký tham gia mạng lưới' }).waitFor();

    // Mistakes are shown beside their fields, each tied to its field.
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByRole('alert').filter({ hasText: 'vui lòng sửa các mục được đánh dấu' }).waitFor();
    const nameField = page.getByLabel('Họ và tên');
    expect(await nameField.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await nameField.getAttribute('aria-describedby'))?.split(' ') ?? [];
    expect(describedBy).toContain('sign-up-name-error');
    expect(await page.locator('#sign-up-name-error').innerText()).toBe('Vui lòng điền mục này.');

    await nameField.fill(name);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
    await page.getByLabel('Tỉnh, thành phố').selectOption({ label: 'Đà Nẵng' });
    await page.getByRole('checkbox', { name: 'Dữ liệu số và nền tảng chia sẻ dữ liệu' }).check();
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();

    // Welcomed first (test/e2e/onboarding.test.ts): skipping comes home; the menu leads to the new profile.
    await page.waitForURL(/\/welcome$/);
    await page.getByRole('button', { name: 'Bỏ qua, để sau' }).click();
    await page.waitForURL(`${baseUrl()}/`);
    await accountButton(name).click();
    await header().getByRole('link', { name: 'Hồ sơ của tôi' }).click();
    await page.waitForURL(/\/experts\/[a-z0-9._-]+$/);
    const profileUrl = page.url();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await accountButton(name).waitFor();
    expect(await header().locator('.account-name').innerText()).toBe(name);
    expect(await page.getByRole('link', { name: 'Sửa hồ sơ của bạn' }).isVisible()).toBe(true);

    await signOut(name);
    await page.waitForURL(/\/experts$/);
    expect(await accountButton(name).count()).toBe(0);

    // Signing in from the header comes back to the page it was opened from.
    await header().getByRole('link', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/sign-in\?next=%2Fexperts$/);
    await fillSignIn(email, password);
    await page.waitForURL(/\/experts$/);
    await accountButton(name).waitFor();

    await accountButton(name).click();
    await header().getByRole('link', { name: 'Cài đặt tài khoản' }).click();
    await page.waitForURL(/\/settings$/);
    await page.getByRole('heading', { name: 'Thông tin hồ sơ' }).waitFor();
    const position = 'Phó Giám đốc Trung tâm Chuyển đổi số';
    const bio = 'Phụ trách nền tảng tích hợp, chia sẻ dữ liệu của thành phố sau hợp nhất.';
    await page.getByLabel('Chức vụ').fill(position);
    await page.getByLabel('Giới thiệu').fill(bio);
    // A link row: the new row's label takes the focus; a second row removed gives it back to the first.
    await page.getByRole('button', { name: 'Thêm liên kết' }).click();
    await page.keyboard.type('Cổng dữ liệu thành phố');
    await page.getByLabel('Địa chỉ web').fill('https://data.danang.gov.vn');
    await page.getByRole('button', { name: 'Thêm liên kết' }).click();
    await page.getByRole('button', { name: 'Bỏ liên kết 2' }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toMatch(/^links\.\w+\.label$/);
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu hồ sơ.' }).waitFor();

    await page.getByRole('main').getByRole('link', { name: 'Xem hồ sơ công khai' }).first().click();
    await page.waitForURL(profileUrl);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByText(position, { exact: true }).waitFor();
    await page.getByText(bio, { exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Cổng dữ liệu thành phố' }).getAttribute('href')).toBe('https://data.danang.gov.vn');
    expect(await page.getByText('Đà Nẵng', { exact: true }).count()).toBeGreaterThan(0);

    await signOut(name);
    await page.goto(profileUrl);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(await page.getByRole('link', { name: 'Sửa hồ sơ của bạn' }).count()).toBe(0);
  });

  it('says the email or password is wrong when signing in with a wrong password', async () => {
    await page.goto(`${baseUrl()}/sign-in`);
    await fillSignIn(DEMO_EMAIL, 'khong-phai-mat-khau');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Email hoặc mật khẩu không đúng.');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await header().getByRole('link', { name: 'Đăng nhập' }).isVisible()).toBe(true);
  });

  it('sends a signed-out visitor of /settings to sign in, then back', async () => {
    await page.goto(`${baseUrl()}/settings/security`);
    await page.waitForURL(/\/sign-in\?next=%2Fsettings%2Fsecurity$/);
    await page.getByText('Vui lòng đăng nhập để tiếp tục.').waitFor();

    await fillSignIn(DEMO_EMAIL, DEMO_PASSWORD);
    await page.waitForURL(/\/settings\/security$/);
    await page.getByRole('heading', { level: 1, name: 'Cài đặt tài khoản' }).waitFor();
    await page.getByRole('button', { name: 'Đăng xuất Trình duyệt này' }).waitFor();
    await accountButton('Lê Thị Thu Hà').waitFor();
  });
});
