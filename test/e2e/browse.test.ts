import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { useRunningApp } from '../helpers/app.ts';
import { PHONE, signInWithCookie, useBrowser, usePages } from '../helpers/browser.ts';

/*
 * Browsing the network as a visitor and as a member, in headless Chromium against the built web
 * app over the demo data: the home page, a topic, a province and a former province.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();

const open = usePages(browser, { timeout: 15_000 });
let page: Page;
beforeEach(async () => {
  page = await open();
});

/** Asks the API what the page should show, so the test follows the demo data as it grows. */
async function api<T>(query: string): Promise<T> {
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' },
    body: JSON.stringify({ query }),
  });
  return ((await response.json()) as { data: T }).data;
}

type Titles = { edges: { node: { title: string; place: { code: string; name: string } | null } }[] };

/** Signs this browser in as a demo member, as if through the sign-in page. */
const signInAs = (handle: string) => signInWithCookie(page.context(), baseUrl(), handle);

describe('Home page', () => {
  it('shows the latest published practice and invites a visitor to join when signed out', async () => {
    const { practices } = await api<{ practices: Titles }>('{ practices(first: 1) { edges { node { title place { code name } } } } }');
    const latest = practices.edges[0]!.node.title;

    await page.goto(`${baseUrl()}/`);
    await page.getByRole('heading', { level: 1, name: 'Mạng lưới chuyên gia chuyển đổi số Việt Nam' }).waitFor();
    await page.getByRole('link', { name: latest, exact: true }).first().waitFor();
    await page.getByRole('heading', { name: 'Tham gia thảo luận cùng mạng lưới' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Thảo luận sôi nổi' }).count()).toBe(0);

    // The quick links lead where people start.
    const quick = page.getByRole('navigation', { name: 'Bắt đầu nhanh' });
    expect(await quick.getByRole('link', { name: /Chia sẻ cách làm hay/ }).getAttribute('href')).toBe('/practices/new');
    expect(await quick.getByRole('link', { name: /Đặt câu hỏi/ }).getAttribute('href')).toBe('/threads/new?kind=question');
    expect(await quick.getByRole('link', { name: /Tìm đồng nghiệp/ }).getAttribute('href')).toBe('/experts');
  });

  it('shows the active discussions and the unresolved questions when a member is signed in', async () => {
    await signInAs('thang.dv');
    await page.goto(`${baseUrl()}/`);
    await page.getByRole('heading', { name: 'Thảo luận sôi nổi' }).waitFor();
    await page.getByRole('heading', { name: 'Câu hỏi chưa có lời giải' }).waitFor();
    expect(await page.locator('section[aria-labelledby="home-active"] li').count()).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { name: 'Tham gia thảo luận cùng mạng lưới' }).count()).toBe(0);
  });

  it('fits a phone’s width without sideways scrolling', async () => {
    page = await open({ viewport: PHONE });
    for (const path of ['/', '/topics', '/places', '/places/da-nang']) {
      await page.goto(`${baseUrl()}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.locator('.topic-card, .place-card, .practice-card').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
  });
});

describe('Topic page', () => {
  it('lists a practice of the topic and its experts when reached from the topics page', async () => {
    const { topic, practices } = await api<{ topic: { name: string }; practices: Titles }>(
      '{ topic(slug: "du-lieu-so") { name } practices(filter: { topic: "du-lieu-so" }, first: 1) { edges { node { title place { code name } } } } }',
    );

    await page.goto(`${baseUrl()}/topics`);
    await page.getByRole('heading', { level: 1, name: 'Chủ đề' }).waitFor();
    await page.getByRole('link', { name: topic.name, exact: true }).click();
    await page.waitForURL(/\/topics\/du-lieu-so$/);
    await page.getByRole('heading', { level: 1, name: topic.name }).waitFor();
    await page.getByRole('link', { name: practices.edges[0]!.node.title, exact: true }).waitFor();
    expect(await page.getByRole('link', { name: /^Xem cả [\d.]+ cách làm hay/ }).getAttribute('href')).toBe('/practices?topic=du-lieu-so');
    expect(await page.getByRole('link', { name: /^Xem cả [\d.]+ chuyên gia/ }).getAttribute('href')).toBe('/experts?specialty=du-lieu-so');
    // Discussions are for members: a visitor is asked to sign in instead.
    await page.getByRole('heading', { name: 'Thảo luận dành cho thành viên' }).waitFor();
  });

  it('lists the topic’s threads when a member is signed in', async () => {
    await signInAs('thang.dv');
    await page.goto(`${baseUrl()}/topics/du-lieu-so`);
    await page.getByRole('heading', { name: 'Thảo luận và hỏi đáp' }).waitFor();
    await page.getByRole('link', { name: /^Xem cả [\d.]+ thảo luận/ }).waitFor();
    expect(await page.getByRole('heading', { name: 'Thảo luận dành cho thành viên' }).count()).toBe(0);
  });

  it('shows the new topic’s threads when a member follows a topic link from one topic to another', async () => {
    await signInAs('thang.dv');
    await page.goto(`${baseUrl()}/topics/du-lieu-so`);
    await page.locator('a[href="/threads?topic=du-lieu-so"]').waitFor();
    const other = page.locator('section[aria-labelledby="topic-practices"] a.chip-link:not([href="/topics/du-lieu-so"])').first();
    const href = (await other.getAttribute('href'))!;
    const slug = href.split('/').pop()!;
    await other.click();
    await page.waitForURL(new RegExp(`/topics/${slug}$`));
    await page.locator(`a[href="/threads?topic=${slug}"]`).waitFor();
    expect(await page.locator('a[href="/threads?topic=du-lieu-so"]').count()).toBe(0);
  });

  it('shows the not-found page when the slug names no topic', async () => {
    await page.goto(`${baseUrl()}/topics/khong-co-chu-de-nay`);
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' }).waitFor();
  });
});

describe('Province page', () => {
  it('lists a practice recorded under Quảng Nam on the Đà Nẵng page', async () => {
    const { practices } = await api<{ practices: Titles }>('{ practices(filter: { place: "da-nang" }, first: 6) { edges { node { title place { code name } } } } }');
    const fromQuangNam = practices.edges.find((edge) => edge.node.place?.code === 'quang-nam')?.node;
    expect(fromQuangNam, 'the demo data has a recent practice recorded under Quảng Nam').toBeDefined();

    await page.goto(`${baseUrl()}/places`);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Đà Nẵng', exact: true }) });
    expect(await card.innerText()).toContain('Gồm cả Quảng Nam cũ');
    await card.getByRole('link', { name: 'Đà Nẵng', exact: true }).click();
    await page.waitForURL(/\/places\/da-nang$/);
    await page.getByRole('heading', { level: 1, name: 'Đà Nẵng' }).waitFor();
    await page.getByText('Bao gồm cả Quảng Nam cũ (trước 7/2025).').waitFor();
    const practice = page.getByRole('article').filter({ has: page.getByRole('link', { name: fromQuangNam!.title, exact: true }) });
    expect(await practice.innerText()).toContain('Quảng Nam');
  });

  it('leads from a former province to its successor', async () => {
    await page.goto(`${baseUrl()}/places/quang-nam`);
    await page.getByRole('heading', { level: 1, name: 'Quảng Nam (trước 7/2025)' }).waitFor();
    await page.getByRole('link', { name: 'Đến trang Đà Nẵng' }).click();
    await page.waitForURL(/\/places\/da-nang$/);
    await page.getByRole('heading', { level: 1, name: 'Đà Nẵng' }).waitFor();
  });
});
