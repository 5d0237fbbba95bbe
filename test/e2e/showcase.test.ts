import { beforeAll, describe, expect, it } from 'vitest';
import { useRunningApp } from '../helpers/app.ts';
import { PHONE, useBrowser, usePages } from '../helpers/browser.ts';
import { graphql } from '../helpers/graphql.ts';

/*
 * The public showcase home (/showcase), in headless Chromium against the built web app over the
 * demo data, as an anonymous visitor: from the main navigation to the current collections, the
 * featured practices and the 34 provinces on a tile map, on to a province's page by mouse and by
 * keyboard; and with JavaScript off, as a shared link or a search engine reads it.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();
const open = usePages(browser, { timeout: 15_000 });

interface Data {
  collections: { edges: { node: { slug: string; title: string; edition: string } }[] };
  practices: { edges: { node: { id: string; title: string } }[] };
  places: { code: string; name: string; practiceCount: number; replicationCount: number }[];
}

let data: Data;
beforeAll(async () => {
  const answer = await graphql<Data>(
    '{ collections(first: 50) { edges { node { slug title edition } } } practices(filter: { featured: true }, first: 12) { edges { node { id title } } } places { code name practiceCount replicationCount } }',
  );
  data = answer.data!;
});

const countLabel = (place: { name: string; practiceCount: number }) => `${place.name}: ${place.practiceCount} cách làm hay`;

describe('The showcase home', () => {
  it('leads an anonymous visitor from the main navigation to a collection, a featured practice and the map, and from a tile to its province', async () => {
    const collection = data.collections.edges[0]!.node;
    const featured = data.practices.edges[0]!.node;
    expect(data.places).toHaveLength(34);
    // The province with the most practices: its tile is the darkest, and a visitor would try it.
    const busiest = data.places.reduce((best, next) => (next.practiceCount > best.practiceCount ? next : best));
    expect(busiest.practiceCount).toBeGreaterThan(0);

    const page = await open();
    await page.goto(`${baseUrl()}/`);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Trưng bày', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Trưng bày cách làm hay' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/showcase');
    expect(await page.title()).toContain('Trưng bày cách làm hay');

    const main = page.locator('main#main');
    const collections = main.getByRole('region', { name: 'Bộ sưu tập' });
    await collections.getByRole('link', { name: collection.title, exact: true }).waitFor();
    expect(await collections.innerText()).toContain(collection.edition);
    await main.getByRole('region', { name: 'Cách làm hay tiêu biểu' }).getByRole('link', { name: featured.title, exact: true }).waitFor();

    const map = main.getByRole('group', { name: /Bản đồ ô 34 tỉnh, thành/ });
    await map.waitFor();
    const tiles = map.getByRole('link');
    expect(await tiles.count()).toBe(34);
    const table = main.getByRole('table', { name: /Số cách làm hay đã công bố/ });
    expect(await table.getByRole('row').count()).toBe(35);
    expect(await table.getByRole('row', { name: busiest.name }).getByRole('cell').first().innerText()).toBe(String(busiest.practiceCount));

    // Shaded by adoptions instead, the map shows where practices spread, with the same numbers as the table.
    const adopter = data.places.reduce((best, next) => (next.replicationCount > best.replicationCount ? next : best));
    expect(adopter.replicationCount).toBeGreaterThan(0);
    await main.getByRole('radio', { name: 'Nhân rộng' }).check();
    await map.getByRole('link', { name: `${adopter.name}: ${adopter.replicationCount} lần nhân rộng`, exact: true }).waitFor();
    expect(await table.getByRole('row', { name: adopter.name }).getByRole('cell').nth(1).innerText()).toBe(String(adopter.replicationCount));
    await main.getByRole('radio', { name: 'Cách làm hay' }).check();

    await map.getByRole('link', { name: countLabel(busiest), exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/places/${busiest.code}`);
    await page.getByRole('heading', { level: 1, name: busiest.name }).waitFor();
  });

  it('lets a keyboard user tab through the tiles and open a province', async () => {
    const page = await open();
    await page.goto(`${baseUrl()}/showcase`);
    const map = page.locator('main#main').getByRole('group', { name: /Bản đồ ô 34 tỉnh, thành/ });
    const first = map.getByRole('link', { name: countLabel(data.places[0]!), exact: true });
    await first.focus();
    const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(await focusedName()).toBe(countLabel(data.places[0]!));
    // North to south, in the table's order.
    await page.keyboard.press('Tab');
    expect(await focusedName()).toBe(countLabel(data.places[1]!));
    await page.keyboard.press('Tab');
    expect(await focusedName()).toBe(countLabel(data.places[2]!));
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `/places/${data.places[2]!.code}`);
    await page.getByRole('heading', { level: 1, name: data.places[2]!.name }).waitFor();
  });

  it('fits a phone’s width, the map above the table', async () => {
    const page = await open({ viewport: PHONE });
    await page.goto(`${baseUrl()}/showcase`);
    const map = page.locator('main#main').getByRole('group', { name: /Bản đồ ô 34 tỉnh, thành/ });
    await map.waitFor();
    const box = (await map.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const table = (await page.locator('main#main').getByRole('table').boundingBox())!;
    expect(table.y).toBeGreaterThan(box.y + box.height - 1);
  });

  it('shows the collections, the featured practices and the provinces’ table with JavaScript off', async () => {
    const page = await open({ context: { javaScriptEnabled: false } });
    await page.goto(`${baseUrl()}/showcase`);
    expect(await page.title()).toContain('Trưng bày cách làm hay');
    await page.getByRole('heading', { level: 1, name: 'Trưng bày cách làm hay' }).waitFor();
    for (const { node } of data.collections.edges) await page.getByRole('link', { name: node.title, exact: true }).waitFor();
    await page.getByRole('link', { name: data.practices.edges[0]!.node.title, exact: true }).waitFor();
    const table = page.getByRole('table', { name: /Số cách làm hay đã công bố/ });
    expect(await table.getByRole('row').count()).toBe(35);
    for (const place of data.places.slice(0, 5)) expect(await table.getByRole('row', { name: place.name, exact: false }).first().innerText()).toContain(String(place.practiceCount));
    // The map is there too, its tiles links a reader can follow.
    expect(await page.getByRole('link', { name: countLabel(data.places[0]!), exact: true }).count()).toBe(1);
    await page.getByRole('link', { name: 'Bộ sưu tập mới' }).waitFor();
  });
});
