// What a first visit to each main page costs on the wire: headless Chromium opens the page with an
// empty cache and counts every response's bytes as received (bodies compressed as the server sent
// them, and headers), through Playwright's request sizes.
import { chromium, type Browser, type Page } from 'playwright-core';

/** One response of a page's load, as it crossed the wire. */
export interface Transferred {
  url: string;
  /** Playwright's resource type: document, script, stylesheet, fetch, image, ... */
  type: string;
  status: number;
  /** The body's bytes as sent, before decompression. */
  bodyBytes: number;
  /** The response headers' bytes (HTTP/1.1 here; HTTP/2 would compress them). */
  headerBytes: number;
  /** The Content-Encoding it was served with (br, gzip), or '' when sent as is. */
  encoding: string;
}

export interface TransferRow {
  label: string;
  /** The address opened, ids shown as their parameter (/practices/:id). */
  path: string;
  jsRequests: number;
  /** The scripts' compressed bodies, as sent (brotli). */
  jsKB: number;
  /** Everything the load received: page, styles, scripts, API answers, headers included. */
  allKB: number;
}

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless Debian Chromium with the flags the tests use (test/helpers/browser.ts). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Opens `url` in a fresh context (empty cache, no cookies: a visitor's first visit), waits until
 * `ready` says the page shows what it should and the network is quiet, and returns every response
 * received on the way.
 */
export async function recordFirstLoad(browser: Browser, url: string, ready: (page: Page) => Promise<void> = async () => {}): Promise<Transferred[]> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const finished: Promise<Transferred>[] = [];
    page.on('requestfinished', (request) => {
      finished.push(
        (async () => {
          const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
          return {
            url: request.url(),
            type: request.resourceType(),
            status: response?.status() ?? 0,
            bodyBytes: sizes.responseBodySize,
            headerBytes: sizes.responseHeadersSize,
            encoding: (await response?.headerValue('content-encoding')) ?? '',
          };
        })(),
      );
    });
    await page.goto(url);
    await ready(page);
    // Requests the page starts after its first paint (a lazy chunk, a second query) count too.
    await page.waitForLoadState('networkidle');
    return await Promise.all(finished);
  } finally {
    await context.close();
  }
}

const kilobytes = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** The JavaScript of a load: requests, and kilobytes of compressed code and of headers around it. */
export function scriptsOf(transferred: Transferred[]): { requests: number; kilobytes: number; headerKilobytes: number } {
  const scripts = transferred.filter((response) => response.type === 'script');
  return {
    requests: scripts.length,
    kilobytes: kilobytes(scripts.reduce((sum, response) => sum + response.bodyBytes, 0)),
    headerKilobytes: kilobytes(scripts.reduce((sum, response) => sum + response.headerBytes, 0)),
  };
}

/** The first published practice's id, asked of the API (ids are opaque and differ per database). */
async function somePracticeId(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' },
    body: JSON.stringify({ query: '{ practices(first: 1) { edges { node { id } } } }' }),
  });
  const body = (await response.json()) as { data?: { practices: { edges: { node: { id: string } }[] } } };
  const id = body.data?.practices.edges[0]?.node.id;
  if (!id) throw new Error(`${baseUrl} has no published practice to open`);
  return id;
}

/**
 * For each main page of the running server at `baseUrl` (home, the practice list, a practice,
 * the discussions, the directory, a search), what a visitor's first load transfers: JavaScript
 * requests, JavaScript kilobytes and all kilobytes (the page, styles, scripts, API answers).
 */
export async function measureTransfer(baseUrl: string): Promise<TransferRow[]> {
  const pages = [
    { label: 'Home', path: '/', shown: '/' },
    { label: 'Practices', path: '/practices', shown: '/practices' },
    { label: 'A practice', path: `/practices/${encodeURIComponent(await somePracticeId(baseUrl))}`, shown: '/practices/:id' },
    { label: 'Discussions', path: '/threads', shown: '/threads' },
    { label: 'Directory', path: '/experts', shown: '/experts' },
    { label: 'Search', path: `/search?q=${encodeURIComponent('chuyển đổi số')}`, shown: '/search?q=chuyển đổi số' },
  ];
  const browser = await launchChromium();
  try {
    const rows: TransferRow[] = [];
    for (const { label, path, shown } of pages) {
      const transferred = await recordFirstLoad(browser, `${baseUrl}${path}`, (page) => page.getByRole('heading', { level: 1 }).first().waitFor());
      const scripts = scriptsOf(transferred);
      const allBytes = transferred.reduce((sum, response) => sum + response.bodyBytes + response.headerBytes, 0);
      rows.push({ label, path: shown, jsRequests: scripts.requests, jsKB: scripts.kilobytes, allKB: kilobytes(allBytes) });
    }
    return rows;
  } finally {
    await browser.close();
  }
}

/** The rows as lines of a Markdown table: | page | JS requests | JS KB | all KB |. */
export function transferTable(rows: TransferRow[]): string[] {
  return [
    "| Page (a visitor's first visit, empty cache) | JS requests | JS KB (brotli, as sent) | All KB received (headers included) |",
    '|---|--:|--:|--:|',
    ...rows.map((row) => `| ${row.label} (\`${row.path}\`) | ${row.jsRequests} | ${row.jsKB} | ${row.allKB} |`),
  ];
}
