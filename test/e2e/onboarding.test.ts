import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Onboarding } from '../../schema/onboarding/model.ts';
import { useRunningApp } from '../helpers/app.ts';
import { openPage, useBrowser } from '../helpers/browser.ts';

/*
 * A new member's first minutes, in headless Chromium over the demo data: sign up in a province,
 * the welcome steps (specialties, a topic, a suggested person), then a home page that shows what
 * they follow and people they should know.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();

let page: Page;
beforeAll(async () => {
  page = await openPage(browser());
});
afterAll(async () => {
  await page.context().close();
});

const main = () => page.getByRole('main');
const TOPIC = 'Dữ liệu số và nền tảng chia sẻ dữ liệu';

describe('Onboarding', () => {
  it('welcomes a new member through specialties, a topic and a suggested person to a home page worth reading', async () => {
    await page.goto(`${baseUrl()}/sign-up`);
    await page.getByLabel('Họ và tên').fill('Phạm Quốc Hưng');
    await page.getByLabel('Email').fill(`hung.pq.${Date.now()}@so-khcn.example.vn`);
    await page.getByLabel('Mật khẩu', { exact: true }).fill('mot-cau-rat-de-nho');
    await page.getByLabel('Tỉnh, thành phố').selectOption({ label: 'Đà Nẵng' });
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();

    // Step 1: where they work and their specialties, saved through the profile.
    await page.waitForURL(/\/welcome$/);
    await page.getByRole('heading', { level: 1, name: 'Chào mừng bạn đến với mạng lưới' }).waitFor();
    await page.getByLabel('Chức vụ').fill('Trưởng phòng Chuyển đổi số');
    await main().getByRole('checkbox', { name: 'An toàn thông tin' }).check();
    await main().getByRole('checkbox', { name: TOPIC }).check();
    await main().getByRole('button', { name: 'Lưu và tiếp tục' }).click();

    // Step 2: a topic to follow.
    await main().getByRole('heading', { level: 2, name: 'Chủ đề bạn quan tâm' }).waitFor();
    const topic = main().getByRole('listitem').filter({ hasText: TOPIC });
    await topic.getByRole('button', { name: /^Theo dõi/ }).click();
    await topic.getByRole('button', { name: /^Đang theo dõi/ }).waitFor();
    await page.waitForFunction(() => !document.querySelector('.toggle-button[aria-busy="true"]'));
    await main().getByRole('button', { name: 'Tiếp tục' }).click();

    // Step 3: people they should know, each with why; they follow the first.
    const people = main().getByRole('list', { name: 'Những người bạn nên biết' });
    const first = people.getByRole('listitem').first();
    await first.waitFor();
    expect(await first.locator('.suggestion-why').innerText()).toMatch(/cùng chuyên môn|cùng tỉnh Đà Nẵng|tỉnh lân cận/);
    const followedName = (await first.locator('.suggestion-name').innerText()).trim();
    await first.getByRole('button', { name: /^Theo dõi/ }).click();
    await first.getByRole('button', { name: /^Đang theo dõi/ }).waitFor();
    await page.waitForFunction(() => !document.querySelector('.toggle-button[aria-busy="true"]'));
    await main().getByRole('button', { name: 'Xong, về trang chủ' }).click();

    // Home: the follows' updates (not "nothing new") and more people to know.
    await page.waitForURL(`${baseUrl()}/`);
    const updates = main().getByRole('list', { name: 'Mới trong những gì bạn theo dõi' });
    await updates.getByRole('listitem').first().waitFor();
    expect(await main().getByText('Chưa có gì mới').count()).toBe(0);
    const suggestions = main().getByRole('list', { name: 'Những người bạn nên biết' });
    await suggestions.getByRole('listitem').first().waitFor();
    expect(await suggestions.getByText(followedName, { exact: true }).count()).toBe(0);
    // Recorded, so that they are not sent there again.
    expect((await Onboarding.find().lean()).map((o) => o.outcome)).toEqual(['completed']);

    // Coming back to the welcome page later works.
    await page.goto(`${baseUrl()}/welcome`);
    await page.getByRole('heading', { level: 1, name: 'Chào mừng bạn đến với mạng lưới' }).waitFor();
  });
});
