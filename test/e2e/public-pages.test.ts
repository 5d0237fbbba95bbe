import { beforeAll, describe, expect, it } from 'vitest';
import { useRunningApp } from '../helpers/app.ts';
import { useBrowser, usePages } from '../helpers/browser.ts';
import { graphql } from '../helpers/graphql.ts';

/*
 * A published practice's shared link, opened in headless Chromium against the built web app:
 * with JavaScript off the server's page shows the practice; with it on the app takes that
 * page's place, so nothing shows twice.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();
const open = usePages(browser);

const practice = { id: '', title: '' };
beforeAll(async () => {
  const answer = await graphql('{ practices(first: 1) { edges { node { id title } } } }');
  Object.assign(practice, answer.data.practices.edges[0].node);
});

describe('A published practice’s link', () => {
  it('shows the practice with JavaScript off', async () => {
    const page = await open({ context: { javaScriptEnabled: false } });
    await page.goto(`${baseUrl()}/practices/${practice.id}`);
    expect(await page.title()).toContain(practice.title);
    await page.getByRole('heading', { level: 1, name: practice.title }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Giải pháp' }).waitFor();
  });

  it('becomes the app’s own page with JavaScript on, the server’s content replaced', async () => {
    const page = await open();
    await page.goto(`${baseUrl()}/practices/${practice.id}`);
    // The app's page has the practice's actions, which the server's has not.
    await page.locator('main:not(.public-page)').getByRole('heading', { level: 1, name: practice.title }).waitFor();
    expect(await page.locator('.public-page').count()).toBe(0);
    expect(await page.getByRole('heading', { level: 1, name: practice.title }).count()).toBe(1);
  });
});
