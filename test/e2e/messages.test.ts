import { describe, expect, it } from 'vitest';
import { findExpertByHandle } from '../../schema/expert/service.ts';
import { globalId, signInPeople } from '../helpers/accounts.ts';
import { useRunningApp } from '../helpers/app.ts';
import { signInWithCookie, useBrowser, usePages } from '../helpers/browser.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

/*
 * Private messages in the browser: a member writes to a peer from the peer's profile; the peer
 * sees the unread count in the header, opens the conversation and answers; the first member's
 * open conversation shows the answer without a reload. Then: older messages page by page, a
 * small group started from the directory, a new member's refused group, and decided reports.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();
const pageFor = usePages(browser);

describe('Messages', () => {
  it('lets a member message a peer from their profile and see the answer arrive live', async () => {
    const writer = await pageFor();
    await signInWithCookie(writer.context(), baseUrl(), 'linhnt');
    await writer.goto(`${baseUrl()}/experts/sondt`);
    await writer.getByRole('link', { name: 'Nhắn tin', exact: true }).click();
    await writer.getByRole('heading', { level: 1, name: /Nhắn tin cho/ }).waitFor();
    const question = `Chào anh, tỉnh em muốn học cách làm nền tảng đám mây ${Date.now()}`;
    await writer.getByLabel('Tin nhắn của bạn').fill(question);
    // The conversation's page opens its live connection (server-sent events) once shown.
    const listening = writer.waitForRequest((request) => request.method() === 'POST' && (request.headers().accept ?? '').includes('text/event-stream'));
    await writer.getByRole('button', { name: 'Gửi' }).click();
    await writer.waitForURL(/\/messages\/direct-/);
    await writer.locator('.message-list').getByText(question).waitFor();
    await listening;

    const peer = await pageFor();
    await signInWithCookie(peer.context(), baseUrl(), 'sondt');
    await peer.goto(`${baseUrl()}/experts`);
    const inbox = peer.getByRole('link', { name: 'Tin nhắn, 1 chưa đọc' });
    await inbox.waitFor();
    await inbox.click();
    const row = peer.locator('.conversation-row.is-unread');
    await row.getByText('1 chưa đọc').waitFor();
    await row.getByRole('link').click();
    await peer.locator('.message-list').getByText(question).waitFor();
    // Opening it reads it: the header's count goes.
    await peer.getByRole('link', { name: 'Tin nhắn', exact: true }).waitFor();

    const answer = `Chào em, anh gửi tài liệu nhé ${Date.now()}`;
    await peer.getByLabel('Tin nhắn của bạn').fill(answer);
    await peer.getByRole('button', { name: 'Gửi' }).click();
    await peer.locator('.message-list').getByText(answer).waitFor();

    // No reload: the writer's open conversation hears of it.
    await writer.locator('.message-list').getByText(answer).waitFor({ timeout: 10_000 });
    expect(await writer.locator('.message-list .message').count()).toBe(2);
  });
});

const cookieOf = async (handle: string) => sessionCookieFor(String((await findExpertByHandle(handle))!._id));
const idOf = async (handle: string) => globalId('Expert', String((await findExpertByHandle(handle))!._id));

const START = `mutation ($recipientIds: [ID!]!, $body: String!) {
  startConversation(input: { recipientIds: $recipientIds, body: $body }) { __typename ... on StartConversationPayload { conversation { id } sent { id } } ... on Error { message } }
}`;
const SEND = `mutation ($conversationId: ID!, $body: String!) {
  sendMessage(input: { conversationId: $conversationId, body: $body }) { __typename ... on SendMessagePayload { sent { id } } ... on Error { message } }
}`;

/** Sends through the API as `handle`, failing loudly if it is refused. */
async function send(handle: string, conversationId: string, body: string): Promise<string> {
  const response = await graphql(SEND, { conversationId, body }, { cookie: await cookieOf(handle) });
  expect(response.data?.sendMessage.__typename).toBe('SendMessagePayload');
  return response.data.sendMessage.sent.id;
}

describe('Messages, more of them', () => {
  it('shows the latest 20 messages, loads the older ones above without moving the ones read, and still hears new ones', async () => {
    // Three writers take turns (each may send 10 a minute): 25 messages, "Tin số 01" the oldest.
    const started = await graphql(START, { recipientIds: [await idOf('thaohtp'), await idOf('hau.dc')], body: 'Tin số 01' }, { cookie: await cookieOf('namvh') });
    const conversationId: string = started.data.startConversation.conversation.id;
    const writers = ['thaohtp', 'hau.dc', 'namvh'];
    for (let n = 2; n <= 25; n++) await send(writers[n % 3]!, conversationId, `Tin số ${String(n).padStart(2, '0')}`);

    const reader = await pageFor();
    await signInWithCookie(reader.context(), baseUrl(), 'namvh');
    await reader.goto(`${baseUrl()}/messages/${conversationId}`);
    const shown = reader.locator('.message-list .message');
    await reader.getByText('Tin số 25').waitFor();
    expect(await shown.count()).toBe(20);
    expect(await shown.first().textContent()).toContain('Tin số 06');
    // A group's header names its people.
    await expect.poll(() => reader.locator('.conversation-participants').textContent()).toMatch(/Thành viên: .*Hồ Thị Phương Thảo.*Đinh Công Hậu|Thành viên: .*Đinh Công Hậu.*Hồ Thị Phương Thảo/);

    const firstRead = reader.locator('.message', { hasText: 'Tin số 06' });
    const before = (await firstRead.boundingBox())!.y;
    await reader.getByRole('button', { name: 'Tin nhắn cũ hơn' }).click();
    await reader.getByText('Tin số 01').waitFor();
    expect(await shown.count()).toBe(25);
    expect(await shown.first().textContent()).toContain('Tin số 01');
    // The reader's place: what they were reading did not move; focus is on the message just before it; no page is left to load.
    expect(Math.abs((await firstRead.boundingBox())!.y - before)).toBeLessThan(2);
    expect(await reader.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Tin số 05');
    expect(await reader.getByRole('button', { name: 'Tin nhắn cũ hơn' }).count()).toBe(0);
    await reader.getByRole('status').filter({ hasText: 'Đã hiện thêm 5 tin nhắn cũ hơn.' }).waitFor({ state: 'attached' });

    // Still live after paging back.
    await send('thaohtp', conversationId, 'Tin số 26, vừa gửi');
    await reader.locator('.message-list').getByText('Tin số 26, vừa gửi').waitFor({ timeout: 10_000 });
    expect(await shown.count()).toBe(26);
  });

  it('lets a member start a small group from the directory; the third person replies and the other two see it live', async () => {
    const starter = await pageFor();
    await signInWithCookie(starter.context(), baseUrl(), 'manhld');
    await starter.goto(`${baseUrl()}/messages`);
    await starter.getByRole('link', { name: 'Tin nhắn mới' }).click();
    await starter.getByRole('heading', { level: 1, name: 'Tin nhắn mới' }).waitFor();
    const search = starter.getByLabel('Thêm người nhận (tìm theo tên)');
    await search.fill('hong nhung');
    await starter.getByRole('button', { name: 'Thêm Trịnh Thị Hồng Nhung' }).click();
    await search.fill('Thanh Bình');
    await starter.getByRole('button', { name: 'Thêm Ngô Thanh Bình' }).click();
    // Chips, each with its remove button; removing one and adding it again works.
    await starter.getByRole('button', { name: 'Bỏ Ngô Thanh Bình' }).click();
    await expect.poll(() => starter.locator('.recipient-chip').count()).toBe(1);
    await search.fill('Thanh Bình');
    await starter.getByRole('button', { name: 'Thêm Ngô Thanh Bình' }).click();
    await expect.poll(() => starter.locator('.recipient-chip').allTextContents()).toEqual(['Trịnh Thị Hồng Nhung×', 'Ngô Thanh Bình×']);

    const opening = `Chào hai anh chị, mình lập nhóm bàn về chữ ký số ${Date.now()}`;
    await starter.getByLabel('Tin nhắn của bạn').fill(opening);
    await starter.getByRole('button', { name: 'Gửi' }).click();
    await starter.waitForURL(/\/messages\/[0-9a-f]{24}$/);
    await starter.locator('.message-list').getByText(opening).waitFor();
    const groupUrl = starter.url();
    await starter.locator('.conversation-participants').getByText('Ngô Thanh Bình').waitFor();

    const second = await pageFor();
    await signInWithCookie(second.context(), baseUrl(), 'nhungtth');
    await second.goto(groupUrl);
    await second.locator('.message-list').getByText(opening).waitFor();

    const third = await pageFor();
    await signInWithCookie(third.context(), baseUrl(), 'binh.nt');
    await third.goto(`${baseUrl()}/messages`);
    await third.locator('.conversation-row.is-unread').getByRole('link').click();
    await third.locator('.message-list').getByText(opening).waitFor();
    const reply = `Đồng ý, tỉnh mình đã triển khai xong ${Date.now()}`;
    await third.getByLabel('Tin nhắn của bạn').fill(reply);
    await third.getByRole('button', { name: 'Gửi' }).click();
    await third.locator('.message-list').getByText(reply).waitFor();

    await starter.locator('.message-list').getByText(reply).waitFor({ timeout: 10_000 });
    await second.locator('.message-list').getByText(reply).waitFor({ timeout: 10_000 });
  });

  it('stops adding recipients at the group limit of 10 people and says so, until one is removed', async () => {
    const writer = await pageFor();
    await signInWithCookie(writer.context(), baseUrl(), 'namvh');
    await writer.goto(`${baseUrl()}/messages/new`);
    const search = writer.getByLabel('Thêm người nhận (tìm theo tên)');
    const nine = ['Trần Minh Tuấn', 'Lê Thị Thu Hà', 'Phạm Quốc Khánh', 'Nguyễn Thùy Linh', 'Đỗ Văn Thắng', 'Hồ Thị Phương Thảo', 'Đinh Công Hậu', 'Lương Đức Mạnh', 'Trịnh Thị Hồng Nhung'];
    for (const name of nine) {
      await search.fill(name);
      await writer.getByRole('button', { name: `Thêm ${name}`, exact: true }).click();
    }
    await expect.poll(() => writer.locator('.recipient-chip').count()).toBe(9);
    await writer.getByText('Một nhóm có tối đa 10 người, kể cả bạn: đã đủ người nhận.').waitFor();
    expect(await search.count()).toBe(0);
    await writer.getByRole('button', { name: 'Bỏ Đinh Công Hậu' }).click();
    await search.waitFor();
    expect(await writer.getByText('Một nhóm có tối đa 10 người').count()).toBe(0);
  });

  it('tells a new member plainly that a group has to wait, and starts nothing', async () => {
    await signInPeople({ 'moi.vao': { joinedDaysAgo: 1 } }, {});
    const newcomer = await pageFor();
    await signInWithCookie(newcomer.context(), baseUrl(), 'moi.vao');
    await newcomer.goto(`${baseUrl()}/messages/new`);
    const search = newcomer.getByLabel('Thêm người nhận (tìm theo tên)');
    await search.fill('Phan Văn Lợi');
    await newcomer.getByRole('button', { name: 'Thêm Phan Văn Lợi' }).click();
    await search.fill('Vũ Hoàng Nam');
    await newcomer.getByRole('button', { name: 'Thêm Vũ Hoàng Nam' }).click();
    await newcomer.getByLabel('Tin nhắn của bạn').fill('Chào mọi người');
    await newcomer.getByRole('button', { name: 'Gửi' }).click();
    await newcomer.getByRole('alert').filter({ hasText: 'Chưa thể lập nhóm: thành viên mới chỉ nhắn riêng cho từng người' }).waitFor();
    expect(new URL(newcomer.url()).pathname).toBe('/messages/new');
    const conversations = await graphql('{ viewer { conversations(first: 5) { edges { node { id } } } } }', {}, { cookie: await cookieOf('moi.vao') });
    expect(conversations.data.viewer.conversations.edges).toEqual([]);
  });

  it('lets a moderator decide a reported message and find the decision among the hidden ones, with who, when and why', async () => {
    const started = await graphql(START, { recipientIds: [await idOf('loipv')], body: 'Mua phần mềm giá rẻ tại đây!!!' }, { cookie: await cookieOf('vinh.dq') });
    const messageId: string = started.data.startConversation.sent.id;
    const reported = await graphql('mutation ($messageId: ID!) { reportMessage(input: { messageId: $messageId, reason: SPAM }) { __typename } }', { messageId }, { cookie: await cookieOf('loipv') });
    expect(reported.data.reportMessage.__typename).toBe('ReportMessagePayload');

    const moderator = await pageFor();
    await signInWithCookie(moderator.context(), baseUrl(), 'thang.dv');
    await moderator.goto(`${baseUrl()}/staff/flags`);
    const queue = moderator.locator('.message-report-queue');
    const row = queue.locator('.message-report-row', { hasText: 'Mua phần mềm giá rẻ' });
    await row.getByLabel('Lý do quyết định (ghi vào nhật ký)').fill('Quảng cáo gửi hàng loạt');
    await row.getByRole('button', { name: 'Ẩn tin nhắn' }).click();
    await row.waitFor({ state: 'detached' });

    await queue.getByLabel('Hiện báo cáo').selectOption({ label: 'Đã ẩn' });
    await moderator.waitForURL(/messageReports=hidden/);
    const decided = queue.locator('.message-report-row', { hasText: 'Phan Văn Lợi báo cáo tin nhắn của' });
    await decided.getByText(/Đã ẩn · Đỗ Văn Thắng quyết định lúc .+ · Lý do: Quảng cáo gửi hàng loạt/).waitFor();
    expect(await decided.getByRole('button', { name: 'Ẩn tin nhắn' }).count()).toBe(0);
    // The choice is in the address: a reload shows the same list; the kept ones are elsewhere.
    await moderator.reload();
    await decided.getByText('Lý do: Quảng cáo gửi hàng loạt').waitFor();
    await queue.getByLabel('Hiện báo cáo').selectOption({ label: 'Đã giữ lại' });
    await queue.getByText('Chưa có báo cáo nào với quyết định này.').waitFor();
  });
});
