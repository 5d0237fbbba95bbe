import { describe, expect, it } from 'vitest';
import { useRunningApp } from '../helpers/app.ts';
import { useBrowser } from '../helpers/browser.ts';
import { recordFirstLoad, scriptsOf } from '../bench/transfer.ts';

/*
 * What a visitor's first look at the home page costs, in headless Chromium against the built web
 * app: an official on a provincial network or a phone waits for every byte and every request
 * before the page works. The code is counted as it crosses the wire: compressed, as sent.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();

/** The budget for the home page's JavaScript (issue 10, item 7): compressed bodies, as sent. */
const MAX_SCRIPTS = 8;
const MAX_SCRIPT_KB = 50;

describe('First load', () => {
  it('brings the home page up with at most 8 compressed scripts and 50 KB of JavaScript on the wire', async () => {
    const transferred = await recordFirstLoad(browser(), `${baseUrl()}/`, async (page) => {
      await page.getByRole('heading', { level: 1, name: 'Mạng lưới chuyên gia chuyển đổi số Việt Nam' }).waitFor();
      // The sections filled by the API: practices, topics, and the invitation a visitor sees.
      await page.getByRole('heading', { level: 2, name: 'Mới công bố' }).waitFor();
      await page.locator('.practice-card').first().waitFor();
      await page.getByRole('heading', { level: 2, name: 'Tham gia thảo luận cùng mạng lưới' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Duyệt theo chủ đề' }).waitFor();
      await page.locator('.topic-card').first().waitFor();
    });

    const scripts = transferred.filter((response) => response.type === 'script');
    const summary = scripts.map((script) => `${new URL(script.url).pathname}: ${script.bodyBytes} B ${script.encoding || 'uncompressed'} + ${script.headerBytes} B of headers`).join('\n');
    expect(
      scripts.every((script) => script.status === 200),
      summary,
    ).toBe(true);
    // Every script precompressed, as the server sends it to a browser that accepts brotli.
    expect(
      scripts.filter((script) => script.encoding !== 'br'),
      summary,
    ).toEqual([]);
    const { requests, kilobytes } = scriptsOf(transferred);
    expect(requests, summary).toBeLessThanOrEqual(MAX_SCRIPTS);
    expect(kilobytes, summary).toBeLessThanOrEqual(MAX_SCRIPT_KB);
  });
});
