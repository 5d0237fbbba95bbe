import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { useRunningApp } from '../helpers/app.ts';
import { useBrowser, usePages } from '../helpers/browser.ts';

/*
 * The practice list's facets and orders, as a visitor uses them over the demo data: ticking two
 * topics shows either, each value's count follows the other ticks, and "most helpful" reorders.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();
const open = usePages(browser, { timeout: 15_000 });
let page: Page;
beforeEach(async () => {
  page = await open();
});

/** Asks the API what the page should show, so the test follows the demo data as it changes. */
async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' },
    body: JSON.stringify({ query, variables }),
  });
  return ((await response.json()) as { data: T }).data;
}

type Facets = { practiceFacets: { topics: { topic: { slug: string; name: string }; count: number }[]; places: { place: { code: string; name: string }; count: number }[] } };
const FACETS = `query ($filter: PracticeFilter) { practiceFacets(filter: $filter) { topics { topic { slug name } count } places { place { code name } count } } }`;
const COUNT = `query ($filter: PracticeFilter) { practices(filter: $filter) { totalCount } }`;

const resultCount = () => page.locator('.results .result-count').first().innerText();
/** The number a facet shows beside a value (its checkbox's row). */
const shownCount = async (facet: string, name: string) => Number(await page.locator(`#facet-${facet} label`, { hasText: name }).locator('.facet-count').innerText());

describe('Practice facets', () => {
  it('narrows the list to either of two ticked topics, and the other facets’ counts follow', async () => {
    const all = await api<Facets>(FACETS);
    const [first, second] = all.practiceFacets.topics;
    await page.goto(`${baseUrl()}/practices`);
    const firstBox = page.locator('#facet-topic label', { hasText: first!.topic.name }).getByRole('checkbox');
    await firstBox.waitFor();
    expect(await shownCount('topic', first!.topic.name)).toBe(first!.count);

    await firstBox.check();
    await page.waitForURL((url) => url.searchParams.get('topic') === first!.topic.slug);
    await page.waitForFunction((n) => document.querySelector('.results .result-count')?.textContent?.startsWith(`${n} `), first!.count);

    await page.locator('#facet-topic label', { hasText: second!.topic.name }).getByRole('checkbox').check();
    await page.waitForURL((url) => url.searchParams.get('topic') === `${first!.topic.slug},${second!.topic.slug}`);
    const either = (await api<{ practices: { totalCount: number } }>(COUNT, { filter: { topics: [first!.topic.slug, second!.topic.slug] } })).practices.totalCount;
    expect(either).toBeGreaterThan(first!.count);
    await page.waitForFunction((n) => document.querySelector('.results .result-count')?.textContent?.startsWith(`${n.toLocaleString('vi-VN')} `), either);
    expect(await resultCount()).toContain(String(either));

    // The places now count only practices of either topic; the topics keep their own numbers.
    const narrowed = await api<Facets>(FACETS, { filter: { topics: [first!.topic.slug, second!.topic.slug] } });
    const before = new Map(all.practiceFacets.places.map((p) => [p.place.code, p.count]));
    const place = narrowed.practiceFacets.places.slice(0, 6).find((p) => p.count < before.get(p.place.code)!)!;
    await page.waitForFunction(
      ([name, n]) =>
        [...document.querySelectorAll('#facet-place label')].some((label) => label.textContent?.includes(name as string) && label.querySelector('.facet-count')?.textContent === String(n)),
      [place.place.name, place.count],
    );
    expect(await shownCount('place', place.place.name)).toBe(place.count);
    expect(await shownCount('topic', second!.topic.name)).toBe(second!.count);
    expect(await page.locator('#facet-topic input:checked').count()).toBe(2);
  });

  it('reorders the list by most helpful, kept in the address', async () => {
    type Titles = { practices: { edges: { node: { title: string } }[] } };
    const newest = (await api<Titles>('{ practices(first: 1) { edges { node { title } } } }')).practices.edges[0]!.node.title;
    const helpful = (await api<Titles>('{ practices(first: 1, sort: MOST_HELPFUL) { edges { node { title } } } }')).practices.edges[0]!.node.title;
    expect(helpful).not.toBe(newest);

    await page.goto(`${baseUrl()}/practices`);
    const firstTitle = () => page.locator('.practice-grid .practice-card-title').first().innerText();
    await page.locator('.practice-grid .practice-card-title', { hasText: newest }).first().waitFor();
    expect(await firstTitle()).toBe(newest);

    await page.getByLabel('Sắp xếp').selectOption('helpful');
    await page.waitForURL((url) => url.searchParams.get('sort') === 'helpful');
    await page.waitForFunction((title) => document.querySelector('.practice-grid .practice-card-title')?.textContent?.trim() === title, helpful);
    expect(await firstTitle()).toBe(helpful);

    // The address alone shows the same order.
    await page.reload();
    await page.locator('.practice-grid .practice-card-title', { hasText: helpful }).first().waitFor();
    expect(await firstTitle()).toBe(helpful);
    expect(await page.getByLabel('Sắp xếp').inputValue()).toBe('helpful');
  });
});
