import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { findExpertByHandle } from '../../schema/expert/service.ts';
import { useRunningApp } from '../helpers/app.ts';
import { type PageOptions, signInWithCookie, useBrowser, usePages } from '../helpers/browser.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

/*
 * The curators' collection editor, in headless Chromium against the built web app over the demo
 * data: a curator composes a collection, orders it with the keyboard alone and publishes it for
 * the public page; a stale tab is told of the conflict instead of overwriting; a member is turned
 * away. Sessions come as cookies (the sign-in page has its own tests and a rate limit).
 */

const baseUrl = useRunningApp();
const browser = useBrowser();
const open = usePages(browser, { timeout: 15_000 });

/** Curators and a member (no staff role) of the demo data. */
const CURATOR = 'ha.ltt';
const OTHER_CURATOR = 'khanhpq';
const MEMBER = 'linhnt';

/** The demo's draft collection (seeds/data/collections.json). */
const DRAFT = 'dam-may-va-thue-dich-vu';

interface Practice {
  id: string;
  title: string;
}
let practices: Practice[] = [];
beforeAll(async () => {
  const answer = await graphql<{ practices: { edges: { node: Practice }[] } }>('{ practices(first: 2) { edges { node { id title } } } }');
  practices = answer.data!.practices.edges.map((edge) => edge.node);
});

async function signedInPage(handle: string, options: PageOptions = {}): Promise<Page> {
  const page = await open(options);
  await signInWithCookie(page.context(), baseUrl(), handle);
  return page;
}

/** The focused element's accessible name as the tests address it (aria-label, else its text). */
const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');

/** Adds a practice found by its title, then writes and saves its note with the keyboard (the note takes focus once added). */
async function addWithNote(page: Page, practice: Practice, note: string) {
  await page.getByLabel('Tìm cách làm hay đã công bố').fill(practice.title);
  await page.getByRole('button', { name: `Thêm “${practice.title}” vào bộ sưu tập` }).click();
  await page.getByText(`Đã thêm “${practice.title}”`).waitFor();
  await page.waitForFunction((label) => document.activeElement?.getAttribute('aria-label') === label, `Vì sao chọn “${practice.title}”`);
  await page.keyboard.type(note);
  await page.keyboard.press('Tab');
  expect(await focusedName(page)).toBe(`Lưu ghi chú: ${practice.title}`);
  await page.keyboard.press('Enter');
  await page.getByText(`Đã lưu ghi chú cho “${practice.title}”.`).waitFor();
}

const editedTitles = (page: Page) => page.locator('.collection-edit-practice-title').allTextContents();

describe('Collection editor', () => {
  it('lets a curator compose a collection, order it with the keyboard alone and publish it for the public', async () => {
    const [first, second] = practices as [Practice, Practice];
    const page = await signedInPage(CURATOR);
    await page.goto(`${baseUrl()}/staff`);
    await page.getByRole('navigation', { name: 'Các mục của ban điều hành' }).getByRole('link', { name: 'Bộ sưu tập' }).click();
    // Every state is listed: the demo's published collections and its draft.
    await page.getByRole('heading', { level: 2, name: /^Đã công bố/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^Bản nháp/ }).waitFor();

    await page.getByLabel('Tiêu đề').fill('Chuyển đổi số cấp xã: cách làm đáng học');
    await page.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await page.waitForURL((url) => url.pathname === '/staff/collections/chuyen-doi-so-cap-xa-cach-lam-dang-hoc');
    await page.getByRole('heading', { name: 'Chuyển đổi số cấp xã: cách làm đáng học' }).waitFor();

    await addWithNote(page, first, 'Mở đầu: cách làm đã chạy ổn định.');
    await addWithNote(page, second, 'Nên đọc trước tiên: số liệu rõ ràng.');
    expect(await editedTitles(page)).toEqual([first.title, second.title]);

    // From the second note's save button back to its "Up" button, with Shift+Tab only.
    for (let i = 0; i < 10 && (await focusedName(page)) !== `Chuyển “${second.title}” lên`; i++) await page.keyboard.press('Shift+Tab');
    expect(await focusedName(page)).toBe(`Chuyển “${second.title}” lên`);
    const saved = page.waitForResponse((response) => response.request().postData()?.includes('ReorderCollectionItems') === true);
    await page.keyboard.press('Enter');
    await saved;
    // The new position is said, and focus stays on the moved item's button.
    await page
      .getByRole('status')
      .filter({ hasText: `“${second.title}” giờ ở vị trí 1 trên 2.` })
      .waitFor();
    expect(await editedTitles(page)).toEqual([second.title, first.title]);
    expect(await focusedName(page)).toBe(`Chuyển “${second.title}” lên`);

    await page.getByRole('button', { name: 'Công bố…' }).click();
    await page.getByText('Công bố bộ sưu tập này?').waitFor();
    await page.getByRole('button', { name: 'Xác nhận công bố' }).click();
    await page.getByText('Đã công bố bộ sưu tập.').waitFor();
    await page.locator('.status-chip', { hasText: 'Đã công bố' }).waitFor();

    // Anyone, signed out, reads it in the new order with the notes.
    const visitor = await open();
    await visitor.goto(`${baseUrl()}/collections/chuyen-doi-so-cap-xa-cach-lam-dang-hoc`);
    await visitor.getByRole('heading', { level: 1, name: 'Chuyển đổi số cấp xã: cách làm đáng học' }).waitFor();
    const items = visitor.locator('.collection-item');
    await items.first().waitFor();
    expect(await items.locator('.practice-card-title').allTextContents()).toEqual([second.title, first.title]);
    expect(await items.getByRole('complementary', { name: 'Vì sao được chọn' }).allTextContents()).toEqual([
      'Vì sao được chọnNên đọc trước tiên: số liệu rõ ràng.',
      'Vì sao được chọnMở đầu: cách làm đã chạy ổn định.',
    ]);
    expect(await visitor.getByRole('link', { name: 'Sửa' }).count()).toBe(0);

    // A curator reading the public page goes back to the editor from it.
    await page.goto(`${baseUrl()}/collections/chuyen-doi-so-cap-xa-cach-lam-dang-hoc`);
    await page.getByRole('link', { name: 'Sửa', exact: true }).click();
    await page.getByRole('heading', { name: 'Thông tin chung' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/staff/collections/chuyen-doi-so-cap-xa-cach-lam-dang-hoc');
  });

  it('tells a tab whose copy is stale that someone else changed the collection, and saves nothing over it', async () => {
    const curator = await findExpertByHandle(CURATOR);
    const created = await graphql<{ createCollection: { collection: { id: string; slug: string } } }>(
      'mutation($input: CreateCollectionInput!) { createCollection(input: $input) { ... on CreateCollectionPayload { collection { id slug } } } }',
      { input: { title: 'Hai tab cùng sửa một bộ sưu tập', edition: 'Quý 1/2027' } },
      { cookie: await sessionCookieFor(String(curator!._id)) },
    );
    const { slug } = created.data!.createCollection.collection;
    const editorUrl = `${baseUrl()}/staff/collections/${slug}`;

    const mine = await signedInPage(CURATOR);
    const theirs = await signedInPage(OTHER_CURATOR);
    for (const page of [mine, theirs]) {
      await page.goto(editorUrl);
      await page.getByLabel('Tiêu đề', { exact: true }).waitFor();
    }

    await theirs.getByLabel('Tiêu đề', { exact: true }).fill('Hai tab: bản của người kia');
    await theirs.getByRole('button', { name: 'Lưu thông tin' }).click();
    await theirs.getByText('Đã lưu thông tin chung.').waitFor();

    // The stale tab's save is refused and says so; its edition did not land.
    await mine.getByLabel('Kỳ, đợt').fill('Quý 2/2027');
    await mine.getByRole('button', { name: 'Lưu thông tin' }).click();
    const conflict = mine.getByRole('alert').filter({ hasText: 'Người khác vừa sửa bộ sưu tập này sau khi bạn mở nó' });
    await conflict.waitFor();
    expect(await mine.getByText('Đã lưu thông tin chung.').count()).toBe(0);
    const stored = await graphql<{ collection: { title: string; edition: string } }>(
      'query($slug: String!) { collection(slug: $slug) { title edition } }',
      { slug },
      { cookie: await sessionCookieFor(String(curator!._id)) },
    );
    expect(stored.data!.collection).toEqual({ title: 'Hai tab: bản của người kia', edition: 'Quý 1/2027' });

    // Reloading shows the other curator's change, and a save from there goes through.
    await conflict.getByRole('button', { name: 'Tải lại' }).click();
    await mine.getByRole('heading', { name: 'Hai tab: bản của người kia' }).waitFor();
    expect(await mine.getByLabel('Tiêu đề', { exact: true }).inputValue()).toBe('Hai tab: bản của người kia');
    expect(await mine.getByLabel('Kỳ, đợt').inputValue()).toBe('Quý 1/2027');
    await mine.getByLabel('Kỳ, đợt').fill('Quý 2/2027');
    await mine.getByRole('button', { name: 'Lưu thông tin' }).click();
    await mine.getByText('Đã lưu thông tin chung.').waitFor();
  });

  it('tells a tab whose note is stale that another curator wrote it meanwhile, and keeps theirs', async () => {
    const curator = await findExpertByHandle(CURATOR);
    const cookie = await sessionCookieFor(String(curator!._id));
    const practice = practices[0]!;
    const created = await graphql<{ createCollection: { collection: { id: string; slug: string } } }>(
      'mutation($input: CreateCollectionInput!) { createCollection(input: $input) { ... on CreateCollectionPayload { collection { id slug } } } }',
      { input: { title: 'Hai tab cùng viết một ghi chú' } },
      { cookie },
    );
    const { id, slug } = created.data!.createCollection.collection;
    await graphql(
      'mutation($input: AddCollectionItemInput!) { addCollectionItem(input: $input) { __typename } }',
      { input: { collectionId: id, practiceId: practice.id, note: 'Ghi chú ban đầu' } },
      { cookie },
    );

    const mine = await signedInPage(CURATOR);
    const theirs = await signedInPage(OTHER_CURATOR);
    const note = (page: Page) => page.getByLabel(`Vì sao chọn “${practice.title}”`);
    for (const page of [mine, theirs]) {
      await page.goto(`${baseUrl()}/staff/collections/${slug}`);
      await note(page).waitFor();
    }
    await note(theirs).fill('Ghi chú của người kia');
    await theirs.getByRole('button', { name: `Lưu ghi chú: ${practice.title}` }).click();
    await theirs.getByText(`Đã lưu ghi chú cho “${practice.title}”.`).waitFor();

    await note(mine).fill('Ghi chú đè lên');
    await mine.getByRole('button', { name: `Lưu ghi chú: ${practice.title}` }).click();
    await mine.getByRole('alert').filter({ hasText: 'Người khác vừa sửa bộ sưu tập này sau khi bạn mở nó' }).waitFor();
    const stored = await graphql<{ collection: { items: { note: string }[] } }>('query($slug: String!) { collection(slug: $slug) { items { note } } }', { slug }, { cookie });
    expect(stored.data!.collection.items).toEqual([{ note: 'Ghi chú của người kia' }]);
  });

  it('moves a practice by dragging its handle with the mouse, and keeps the new order', async () => {
    const curator = await findExpertByHandle(CURATOR);
    const cookie = await sessionCookieFor(String(curator!._id));
    const orderOf = async () =>
      (
        await graphql<{ collection: { items: { practice: Practice }[] } }>('query($slug: String!) { collection(slug: $slug) { items { practice { id title } } } }', { slug: DRAFT }, { cookie })
      ).data!.collection.items.map((item) => item.practice.title);
    const before = await orderOf();
    expect(before.length).toBeGreaterThanOrEqual(3);

    // A tall window, so that the row dragged and the row dropped on are both in sight, as a person would have them.
    const page = await signedInPage(CURATOR, { viewport: { width: 1366, height: 1400 } });
    await page.goto(`${baseUrl()}/staff/collections/${DRAFT}`);
    const rows = page.locator('.collection-edit-item');
    await rows.first().waitFor();
    await rows.first().evaluate((row) => row.scrollIntoView({ block: 'start' }));
    const saved = page.waitForResponse((response) => response.request().postData()?.includes('ReorderCollectionItems') === true);
    await rows.nth(2).locator('.collection-drag-handle').dragTo(rows.first());
    await saved;
    const after = [before[2]!, before[0]!, before[1]!, ...before.slice(3)];
    await page
      .getByRole('status')
      .filter({ hasText: `“${before[2]}” giờ ở vị trí 1 trên ${before.length}.` })
      .waitFor();
    expect(await editedTitles(page)).toEqual(after);
    expect(await orderOf()).toEqual(after);
  });

  it('tells a member who opens an editor’s address that the page is for staff, and shows nothing of it', async () => {
    const page = await signedInPage(MEMBER);
    await page.goto(`${baseUrl()}/staff/collections/ket-noi-chia-se-du-lieu`);
    await page.getByRole('heading', { name: 'Trang này dành cho ban điều hành' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Thông tin chung' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Lưu thông tin' }).count()).toBe(0);
  });
});
