import { describe, expect, it } from 'vitest';
import { useRunningApp } from '../helpers/app.ts';
import { signInWithCookie, useBrowser, usePages } from '../helpers/browser.ts';

/*
 * Co-authorship by consent as people meet it: a writer lists a colleague as co-author; the
 * colleague is invited, not named, finds the invitation among their practices, reads the draft
 * and accepts; only then does the practice name them.
 */

const baseUrl = useRunningApp();
const browser = useBrowser();
const open = usePages(browser);

const WRITER = 'linhnt';
const INVITEE = { handle: 'namvh', name: 'Vũ Hoàng Nam' };

describe('Co-author invitation', () => {
  it('is sent from the editor, marked as awaiting consent, found by the invitee, and accepted from the practice page', async () => {
    const title = `Viết chung một cách làm hay ${String(Date.now()).slice(-6)}`;
    const writer = await open();
    await signInWithCookie(writer.context(), baseUrl(), WRITER);
    await writer.goto(`${baseUrl()}/practices/new`);
    await writer.getByLabel('Tiêu đề', { exact: true }).fill(title);
    await writer.waitForURL(/\/practices\/[^/]+\/edit$/);
    await writer.getByText('Người được thêm sẽ nhận lời mời, và chỉ được ghi tên khi họ đồng ý.', { exact: false }).waitFor();
    await writer.getByPlaceholder('Tên đăng nhập').fill(INVITEE.handle);
    await writer.getByRole('button', { name: 'Thêm đồng tác giả' }).click();
    await writer.getByText(/^Đã lưu lúc \d{2}:\d{2}$/).waitFor();
    await writer.reload();
    await writer.getByText(`@${INVITEE.handle}`).waitFor();
    expect(await writer.locator('.co-author-pending').textContent()).toBe('(chờ đồng ý)');
    const practicePath = new URL(writer.url()).pathname.replace(/\/edit$/, '');

    const invitee = await open();
    await signInWithCookie(invitee.context(), baseUrl(), INVITEE.handle);
    await invitee.goto(`${baseUrl()}/practices/mine`);
    const invitations = invitee.getByRole('region', { name: 'Lời mời đứng tên đồng tác giả' });
    await invitations.getByRole('link', { name: title }).click();
    await invitee.waitForURL((url) => url.pathname === practicePath);
    const banner = invitee.getByRole('region', { name: 'Bạn được mời đứng tên đồng tác giả' });
    await banner.waitFor();
    await banner.getByRole('button', { name: 'Đồng ý đứng tên' }).click();
    await invitee.getByText('Bạn đã là đồng tác giả của cách làm này.').waitFor();
    // Named now, and an author: the editor is theirs too.
    await invitee.getByRole('link', { name: 'Sửa' }).first().waitFor();
    await writer.reload();
    expect(await writer.locator('.co-author-pending').count()).toBe(0);
    await writer.getByText(`@${INVITEE.handle}`).waitFor();
  });
});
