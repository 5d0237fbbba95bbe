import { describe, expect, it } from 'vitest';
import { findExpertByHandle } from '../../schema/expert/service.ts';
import { notify } from '../../schema/notification/service.ts';
import { demoReplyId, demoThreadId } from '../../seeds/records.ts';
import { globalId } from '../helpers/accounts.ts';
import { useRunningApp } from '../helpers/app.ts';
import { signInWithCookie, useBrowser, usePages } from '../helpers/browser.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

/*
 * The bell: a member replies to another's thread; the other's bell count rises without a reload,
 * the centre lists the reply as unread, and opening it reads it.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();
const pageFor = usePages(browser);

// A demo question asked by phongvd (a reply to it is an answer to their question).
const THREAD = globalId('Thread', String(demoThreadId('tieu-chi-nen-tang-dam-may')));

const cookieOf = async (handle: string) => sessionCookieFor(String((await findExpertByHandle(handle))!._id));

describe('Notifications in the web app', () => {
  it('raise the bell’s count live, list the reply in the centre, and read it when opened', async () => {
    const author = await pageFor();
    await signInWithCookie(author.context(), baseUrl(), 'phongvd');
    // Start from nothing unread (the demo leaves some).
    await graphql(`mutation { markAllNotificationsRead { __typename } }`, {}, { cookie: await cookieOf('phongvd') });
    const listening = author.waitForRequest((request) => request.method() === 'POST' && (request.headers().accept ?? '').includes('text/event-stream'));
    await author.goto(`${baseUrl()}/practices`);
    const bell = author.locator('header a.notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Thông báo, không có thông báo chưa đọc');
    await listening;

    const posted = await graphql(
      `mutation ($input: ReplyToThreadInput!) { replyToThread(input: $input) { __typename } }`,
      { input: { threadId: THREAD, body: `Tỉnh tôi yêu cầu đánh giá độc lập, không chỉ tự công bố ${Date.now()}` } },
      { cookie: await cookieOf('sondt') },
    );
    expect(posted.data.replyToThread.__typename).toBe('ReplyToThreadPayload');
    // No reload: the count arrives over the live connection.
    await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 10_000 }).toBe('1 thông báo chưa đọc');
    await expect(bell.textContent()).resolves.toContain('1');

    await bell.click();
    await author.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
    const item = author.getByRole('listitem').filter({ hasText: 'Danh Thanh Sơn đã trả lời câu hỏi “Tiêu chí kỹ thuật nền tảng đám mây' });
    await item.getByText('Chưa đọc').waitFor();
    await item.getByRole('link').click();
    await author.waitForURL((url) => url.pathname === `/threads/${THREAD}`);
    await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 10_000 }).toBe('Thông báo, không có thông báo chưa đọc');

    await bell.click();
    await item.waitFor();
    await expect(author.getByText('Chưa đọc').count()).resolves.toBe(0);
    await expect(author.getByRole('button', { name: 'Đánh dấu tất cả là đã đọc' }).count()).resolves.toBe(0);
  });

  it('lists twenty at a time, the next twenty on “Xem thêm”, and no button once all are in', async () => {
    const member = await findExpertByHandle('binh.nt');
    const replier = await findExpertByHandle('sondt');
    const threadKey = 'tieu-chi-nen-tang-dam-may';
    await graphql(`mutation { markAllNotificationsRead { __typename } }`, {}, { cookie: await cookieOf('binh.nt') });
    for (let n = 0; n < 25; n++) {
      await notify({
        kind: 'reply',
        actorId: String(replier!._id),
        recipientIds: [String(member!._id)],
        target: { type: 'reply', id: String(demoReplyId(threadKey, 'r1')) },
        contextId: String(demoThreadId(threadKey)),
      });
    }
    const page = await pageFor();
    await signInWithCookie(page.context(), baseUrl(), 'binh.nt');
    await page.goto(`${baseUrl()}/notifications`);
    const unread = page.getByRole('main').getByRole('listitem').filter({ hasText: 'Chưa đọc' });
    await expect.poll(() => unread.count()).toBe(20);
    await page.getByRole('button', { name: 'Xem thêm' }).click();
    await expect.poll(() => unread.count()).toBe(25);
    expect(await page.getByRole('button', { name: 'Xem thêm' }).count()).toBe(0);
  });

  it('lets a member choose email for a kind in the settings', async () => {
    const member = await pageFor();
    await signInWithCookie(member.context(), baseUrl(), 'linhnt');
    await member.goto(`${baseUrl()}/settings/notifications`);
    const reply = member.getByLabel('Trả lời chủ đề hoặc bình luận của tôi');
    await expect(reply.inputValue()).resolves.toBe('IN_APP');
    await reply.selectOption('EMAIL');
    await member.getByRole('status').getByText('Đã lưu').waitFor();
    await member.reload();
    await expect(member.getByLabel('Trả lời chủ đề hoặc bình luận của tôi').inputValue()).resolves.toBe('EMAIL');
  });
});
