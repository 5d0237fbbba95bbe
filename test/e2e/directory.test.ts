import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { useRunningApp } from '../helpers/app.ts';
import { signInWithCookie, useBrowser, usePages } from '../helpers/browser.ts';

/*
 * The expert directory as a person uses it, in headless Chromium against the built web app
 * (web/dist) served by the whole product over the demo data.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();

const open = usePages(browser);
let page: Page;
beforeEach(async () => {
  page = await open();
});

/** Asks the API what the page should show, so the test follows the demo data as it grows. */
async function api<T>(query: string, cookie?: string): Promise<T> {
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  expect(body.errors, query).toBeUndefined();
  return body.data;
}

const resultCount = () => page.getByRole('status').filter({ hasText: /^[\d.,]+ (chuyên gia|experts?)$/ });
const countIn = async (text: string) => Number((text.match(/^[\d.,]+/)?.[0] ?? '').replace(/[.,]/g, ''));

describe('Expert directory', () => {
  it('lists people with the Vietnamese interface when opened', async () => {
    await page.goto(`${baseUrl()}/experts`);

    await page.getByRole('heading', { level: 1, name: 'Danh bạ chuyên gia' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await page.title()).toBe('Danh bạ chuyên gia · Mạng lưới chuyên gia chuyển đổi số');

    const { experts } = await api<{ experts: { totalCount: number } }>('{ experts { totalCount } }');
    await resultCount()
      .filter({ hasText: `${experts.totalCount.toLocaleString('vi-VN')} chuyên gia` })
      .waitFor();
    expect(await page.getByRole('article').count()).toBe(Math.min(20, experts.totalCount));
    expect(await page.getByRole('button', { name: 'Tiếng Việt' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('combobox', { name: 'Tỉnh, thành phố' }).isVisible()).toBe(true);
  });

  it('finds people of a merged province when filtering by its successor, and opens a profile', async () => {
    // Someone recorded under Quảng Nam, merged into Đà Nẵng in 2025.
    const { experts } = await api<{ experts: { edges: { node: { handle: string; name: string; organization: { name: string } } }[] } }>(
      '{ experts(filter: { place: "quang-nam" }, first: 1) { edges { node { handle name organization { name } } } } }',
    );
    const person = experts.edges[0]?.node;
    expect(person, 'the demo data has someone recorded under Quảng Nam').toBeDefined();
    if (!person) return;

    await page.goto(`${baseUrl()}/experts`);
    const total = await countIn(await resultCount().innerText());

    // Chosen by code: the label also says how many people it would show.
    await page.getByRole('combobox', { name: 'Tỉnh, thành phố' }).selectOption('da-nang');
    await page.waitForURL(/\/experts\?place=da-nang$/);
    const card = page.getByRole('article').filter({ has: page.getByRole('link', { name: person.name, exact: true }) });
    await card.waitFor();
    expect(await card.innerText()).toContain('(nay thuộc Đà Nẵng)');
    expect(await countIn(await resultCount().innerText())).toBeLessThan(total);

    await card.getByRole('link', { name: person.name, exact: true }).click();
    await page.waitForURL(new RegExp(`/experts/${person.handle.replace(/\./g, '\\.')}$`));
    await page.getByRole('heading', { level: 1, name: person.name }).waitFor();
    expect(await page.getByRole('link', { name: person.organization.name }).isVisible()).toBe(true);
    expect(await page.title()).toBe(`${person.name} · Mạng lưới chuyên gia chuyển đổi số`);

    // Back returns to the filtered list.
    await page.goBack();
    await page.waitForURL(/\/experts\?place=da-nang$/);
    expect(await page.getByRole('combobox', { name: 'Tỉnh, thành phố' }).inputValue()).toBe('da-nang');
  });

  it('switches to English and remembers the choice', async () => {
    await page.goto(`${baseUrl()}/experts?place=da-nang`);
    await page.getByRole('heading', { level: 1, name: 'Danh bạ chuyên gia' }).waitFor();

    const english = page.getByRole('button', { name: 'English' });
    await english.click();
    await page.getByRole('heading', { level: 1, name: 'Expert directory' }).waitFor();
    expect(await english.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // The choices arrive with their data; the select must then show the filter in force.
    await expect.poll(() => page.getByRole('combobox', { name: 'Province or city' }).inputValue()).toBe('da-nang');
    await page.getByRole('button', { name: 'Clear filters' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Expert directory' }).waitFor();
    await expect.poll(() => page.getByRole('combobox', { name: 'Province or city' }).inputValue()).toBe('da-nang');
    await page.getByText('(now part of Đà Nẵng)').first().waitFor();
  });

  it('searches as one types and keeps the words in the address', async () => {
    await page.goto(`${baseUrl()}/experts`);
    await resultCount().waitFor();

    await page.getByLabel('Tìm theo tên, chức vụ, cơ quan, chuyên môn hoặc giới thiệu').fill('quang nam');
    await page.waitForURL(/\/experts\?q=quang(\+|%20)nam$/);
    await page.getByRole('article').filter({ hasText: 'Quảng Nam' }).first().waitFor();

    await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
    await page.waitForURL(/\/experts$/);
    expect(await page.getByLabel('Tìm theo tên, chức vụ, cơ quan, chuyên môn hoặc giới thiệu').inputValue()).toBe('');
  });

  it('says so when nobody has the handle', async () => {
    await page.goto(`${baseUrl()}/experts/khong-co-ai`);
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy chuyên gia' }).waitFor();
    await page.getByRole('link', { name: 'Về danh bạ chuyên gia' }).click();
    await page.getByRole('heading', { level: 1, name: 'Danh bạ chuyên gia' }).waitFor();
  });
});

describe('Expert directory, grown up (issue 12)', () => {
  const SEARCH_LABEL = 'Tìm theo tên, chức vụ, cơ quan, chuyên môn hoặc giới thiệu';

  it('finds every specialist of An toàn thông tin by typing it without diacritics, narrows with counts, and reloads to the same list', async () => {
    const { specialists } = await api<{ specialists: { totalCount: number; edges: { node: { name: string; place: { code: string } | null } }[] } }>(
      '{ specialists: experts(filter: { specialty: "an-toan-thong-tin" }, first: 50) { totalCount edges { node { name place { code } } } } }',
    );
    expect(specialists.totalCount, 'the demo data has security specialists').toBeGreaterThan(7);

    await page.goto(`${baseUrl()}/experts`);
    await resultCount().waitFor();
    await page.getByLabel(SEARCH_LABEL).fill('an toan thong tin');
    await page.waitForURL(/\/experts\?q=an(\+|%20)toan(\+|%20)thong(\+|%20)tin$/);
    // Everyone the specialty filter finds (and those whose profile says the words).
    await expect.poll(async () => countIn(await resultCount().innerText())).toBeGreaterThanOrEqual(specialists.totalCount);
    const found = await countIn(await resultCount().innerText());

    // The province choice says how many it would keep; choosing it keeps that many.
    const place = specialists.edges.find((e) => e.node.place)!.node.place!.code;
    const placeSelect = page.getByRole('combobox', { name: 'Tỉnh, thành phố' });
    await expect.poll(async () => (await placeSelect.locator(`option[value="${place}"]`).innerText()).match(/\((\d+)\)$/)?.[1]).toBeDefined();
    const label = await placeSelect.locator(`option[value="${place}"]`).innerText();
    const expected = Number(label.match(/\((\d+)\)$/)![1]);
    await placeSelect.selectOption(place);
    await page.waitForURL(new RegExp(`place=${place}`));
    await expect.poll(async () => countIn(await resultCount().innerText())).toBe(expected);
    expect(expected).toBeLessThan(found);

    // Sorted by recent activity, the address says so; a reload shows the same list.
    await page.getByRole('combobox', { name: 'Sắp xếp' }).selectOption('activity');
    await page.waitForURL(/sort=activity/);
    await resultCount()
      .filter({ hasText: `${expected.toLocaleString('vi-VN')} chuyên gia` })
      .waitFor();
    const names = async () => page.getByRole('article').getByRole('heading').allInnerTexts();
    await expect.poll(async () => (await names()).length).toBe(Math.min(expected, 20));
    const before = await names();
    const address = page.url();
    await page.reload();
    await resultCount()
      .filter({ hasText: `${expected.toLocaleString('vi-VN')} chuyên gia` })
      .waitFor();
    expect(page.url()).toBe(address);
    expect(await page.getByLabel(SEARCH_LABEL).inputValue()).toBe('an toan thong tin');
    expect(await placeSelect.inputValue()).toBe(place);
    expect(await page.getByRole('combobox', { name: 'Sắp xếp' }).inputValue()).toBe('activity');
    await expect.poll(names).toEqual(before);

    // Back returns to the list before the order changed.
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('sort='));
    await expect.poll(() => page.getByRole('combobox', { name: 'Sắp xếp' }).inputValue()).toBe('name');
  });

  it('shows on a profile the expert’s published practices and, to a member, their answers', async () => {
    // Someone with a published practice and an answer, from the demo data.
    const { experts } = await api<{ experts: { edges: { node: { handle: string; name: string; practices: { edges: { node: { title: string } }[] } } }[] } }>(
      '{ experts(first: 50) { edges { node { handle name practices(first: 1) { edges { node { title } } } } } } }',
    );
    const authors = experts.edges.map((e) => e.node).filter((n) => n.practices.edges.length);
    expect(authors.length, 'the demo data has authors of practices').toBeGreaterThan(0);
    await signInWithCookie(page.context(), baseUrl(), 'tuantm');
    const cookies = await page.context().cookies();
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    let person: { handle: string; name: string; practice: string; answer: string } | undefined;
    for (const author of authors) {
      const { expert } = await api<{ expert: { answers: { edges: { node: { question: { title: string } } }[] } } }>(
        `{ expert(handle: "${author.handle}") { answers(first: 1) { edges { node { question { title } } } } } }`,
        cookie,
      );
      const answer = expert.answers.edges[0]?.node.question.title;
      if (answer) {
        person = { handle: author.handle, name: author.name, practice: author.practices.edges[0]!.node.title, answer };
        break;
      }
    }
    expect(person, 'the demo data has an author who also answered').toBeDefined();
    if (!person) return;

    await page.goto(`${baseUrl()}/experts/${person.handle}`);
    await page.getByRole('heading', { level: 1, name: person.name }).waitFor();
    const practices = page.getByRole('region', { name: 'Cách làm hay' });
    await practices.getByRole('link', { name: person.practice }).waitFor();
    const answers = page.getByRole('region', { name: 'Câu trả lời' });
    await answers.getByRole('link', { name: person.answer }).first().waitFor();
    await page.getByRole('region', { name: /^Người theo dõi/ }).waitFor();
    // Someone else's profile does not nudge the viewer about it.
    expect(await page.getByRole('link', { name: 'Cập nhật hồ sơ' }).count()).toBe(0);

    // Their own profile says what it lacks (demo profiles have no picture) and links to the settings.
    await page.goto(`${baseUrl()}/experts/tuantm`);
    const nudge = page.getByRole('region', { name: 'Hoàn thiện hồ sơ để đồng nghiệp dễ tìm và tin tưởng bạn' });
    await nudge.getByText('ảnh đại diện').waitFor();
    expect(await nudge.getByRole('link', { name: 'Cập nhật hồ sơ' }).getAttribute('href')).toBe('/settings');
  });

  it('shows the rest of a profile’s long list on request, page after page', async () => {
    type Person = { handle: string; name: string; followers: { totalCount: number } };
    type PeoplePage = { experts: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: Person }[] } };
    const people: Person[] = [];
    for (let after: string | null = null; ; ) {
      const { experts }: PeoplePage = await api<PeoplePage>(
        `{ experts(first: 50${after ? `, after: "${after}"` : ''}) { pageInfo { hasNextPage endCursor } edges { node { handle name followers(first: 1) { totalCount } } } } }`,
      );
      people.push(...experts.edges.map((e) => e.node));
      if (!experts.pageInfo.hasNextPage) break;
      after = experts.pageInfo.endCursor;
    }
    const followed = people.sort((a, b) => b.followers.totalCount - a.followers.totalCount)[0]!;
    const total = followed.followers.totalCount;
    expect(total, 'the demo data has someone with more than two pages of followers').toBeGreaterThan(25);

    await page.goto(`${baseUrl()}/experts/${followed.handle}`);
    await page.getByRole('heading', { level: 1, name: followed.name }).waitFor();
    const followers = page.getByRole('region', { name: /^Người theo dõi/ });
    await followers.getByRole('listitem').first().waitFor();
    expect(await followers.getByRole('listitem').count()).toBe(5);
    await followers.getByText(`Đang hiện 5 trên ${total.toLocaleString('vi-VN')}`).waitFor();
    await followers.getByRole('button', { name: 'Xem thêm' }).click();
    await expect.poll(() => followers.getByRole('listitem').count()).toBe(25);
    await followers.getByRole('button', { name: 'Xem thêm' }).click();
    await expect.poll(() => followers.getByRole('listitem').count()).toBe(Math.min(45, total));
    await followers.getByText(`Đang hiện ${Math.min(45, total)} trên ${total.toLocaleString('vi-VN')}`).waitFor();
    // Each page follows the one before: nobody twice.
    const names = await followers.getByRole('listitem').allInnerTexts();
    expect(new Set(names).size).toBe(names.length);
  });
});
