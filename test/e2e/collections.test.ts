import { beforeAll, describe, expect, it } from 'vitest';
import { useRunningApp } from '../helpers/app.ts';
import { PHONE, useBrowser, usePages } from '../helpers/browser.ts';
import { graphql } from '../helpers/graphql.ts';

/*
 * The public showcase's collections, in headless Chromium against the built web app over the demo
 * data, as an anonymous visitor: from the main navigation to a collection, its practices in the
 * curators' order with their notes, on to a practice; on a phone; and on paper.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();
const open = usePages(browser, { timeout: 15_000 });

interface Shown {
  slug: string;
  title: string;
  edition: string;
  items: { note: string; practice: { id: string; title: string } }[];
}

let collections: Shown[] = [];
beforeAll(async () => {
  const answer = await graphql<{ collections: { edges: { node: Shown }[] } }>('{ collections(first: 50) { edges { node { slug title edition items { note practice { id title } } } } } }');
  collections = answer.data!.collections.edges.map((edge) => edge.node);
});

/** The demo collection with the most practices: the order of several is what the test checks. */
const richest = () => collections.reduce((best, next) => (next.items.length > best.items.length ? next : best));

describe('Collections', () => {
  it('lead a visitor from the main navigation to a collection’s practices, in order with their notes, and on to a practice', async () => {
    expect(collections.length).toBeGreaterThanOrEqual(4);
    const chosen = richest();
    expect(chosen.items.length).toBeGreaterThanOrEqual(2);

    const page = await open();
    await page.goto(`${baseUrl()}/`);
    // The showcase home, in the main navigation, leads to every collection.
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Trưng bày', exact: true }).click();
    await page.getByRole('link', { name: 'Xem tất cả bộ sưu tập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bộ sưu tập' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/collections');
    // Every published collection, each with its edition and how many practices it holds.
    for (const collection of collections) await page.getByRole('link', { name: collection.title, exact: true }).waitFor();
    const card = page.locator('.collection-card').filter({ has: page.getByRole('link', { name: chosen.title, exact: true }) });
    expect(await card.textContent()).toContain(chosen.edition);
    expect(await card.textContent()).toContain(`${chosen.items.length} cách làm hay`);

    await page.getByRole('link', { name: chosen.title, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: chosen.title }).waitFor();
    expect(await page.title()).toContain(chosen.title);
    const items = page.locator('.collection-item');
    await items.first().waitFor();
    expect(await items.locator('.practice-card-title').allTextContents()).toEqual(chosen.items.map((item) => item.practice.title));
    expect(await items.getByRole('complementary', { name: 'Vì sao được chọn' }).allTextContents()).toEqual(chosen.items.map((item) => `Vì sao được chọn${item.note}`));
    // The introduction is the stored HTML, rendered: no markdown marks left.
    expect(await page.locator('.collection-intro p').count()).toBeGreaterThan(0);
    expect(await page.locator('.collection-intro').textContent()).not.toContain('**');
    await page.getByRole('button', { name: 'In' }).waitFor();

    const second = chosen.items[1]!.practice;
    await page.getByRole('link', { name: second.title, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: second.title }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/practices/${second.id}`);
  });

  it('says a collection that does not exist is not found', async () => {
    const page = await open();
    await page.goto(`${baseUrl()}/collections/khong-co-bo-suu-tap-nay`);
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy bộ sưu tập' }).waitFor();
    expect(await page.title()).toContain('Không tìm thấy bộ sưu tập');
    expect(await page.getByRole('link', { name: 'Bộ sưu tập' }).count()).toBeGreaterThan(0);
  });

  it('are reached from the phone menu and fit a phone’s width', async () => {
    const page = await open({ viewport: PHONE });
    await page.goto(`${baseUrl()}/`);
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await nav.getByRole('button', { name: 'Menu' }).click();
    await nav.getByRole('link', { name: 'Trưng bày', exact: true }).click();
    await page.getByRole('link', { name: 'Xem tất cả bộ sưu tập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bộ sưu tập' }).waitFor();
    await page.locator('.collection-card').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await page.getByRole('link', { name: richest().title, exact: true }).click();
    await page.locator('.collection-item').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it('print as a briefing: no navigation or buttons, each practice’s address written out', async () => {
    const chosen = richest();
    const page = await open();
    await page.goto(`${baseUrl()}/collections/${chosen.slug}`);
    await page.locator('.collection-item').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Điều hướng chính' }).isVisible()).toBe(false);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'In' }).isVisible()).toBe(false);
    await page.getByRole('heading', { level: 1, name: chosen.title }).waitFor();
    const address = page.getByText(`${baseUrl()}/practices/${chosen.items[0]!.practice.id}`, { exact: true });
    expect(await address.isVisible()).toBe(true);
    // One after another, not side by side: the note sits under its card.
    const first = page.locator('.collection-item').first();
    const cardBox = (await first.locator('.practice-card').boundingBox())!;
    const noteBox = (await first.locator('.collection-note').boundingBox())!;
    expect(noteBox.y).toBeGreaterThanOrEqual(cardBox.y + cardBox.height);
  });
});
