import { describe, expect, it } from 'vitest';
import { useRunningApp } from '../helpers/app.ts';
import { signInWithCookie, useBrowser, usePages } from '../helpers/browser.ts';

/*
 * Private messages in the browser: a member writes to a peer from the peer's profile; the peer
 * sees the unread count in the header, opens the conversation and answers; the first member's
 * open conversation shows the answer without a reload.
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
