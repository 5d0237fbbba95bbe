import { describe, expect, it } from 'vitest';
import { demoThreadId } from '../../seeds/records.ts';
import { findExpertByHandle } from '../../schema/expert/service.ts';
import { globalId } from '../helpers/accounts.ts';
import { useRunningApp } from '../helpers/app.ts';
import { signInWithCookie, useBrowser, usePages } from '../helpers/browser.ts';
import { graphql, sessionCookieFor } from '../helpers/graphql.ts';

/* An open thread shows a reply another member posts, without a reload. */

const baseUrl = useRunningApp();
const browser = useBrowser();
const pageFor = usePages(browser);

const THREAD_ID = String(demoThreadId('tieu-chi-nen-tang-dam-may'));

describe('Live updates', () => {
  it('show a reply in an open thread as another member posts it', async () => {
    const reader = await pageFor();
    await signInWithCookie(reader.context(), baseUrl(), 'linhnt');
    // The page opens its live connection (server-sent events) once the thread is shown.
    const listening = reader.waitForRequest((request) => request.method() === 'POST' && (request.headers().accept ?? '').includes('text/event-stream'));
    await reader.goto(`${baseUrl()}/threads/${globalId('Thread', THREAD_ID)}`);
    await reader.getByRole('heading', { level: 1 }).first().waitFor();
    await listening;
    await reader.waitForTimeout(300);

    const body = `Cập nhật trực tiếp: tỉnh tôi đã thử tiêu chí này ${Date.now()}`;
    const writer = await findExpertByHandle('sondt');
    const posted = await graphql(
      `mutation ($input: ReplyToThreadInput!) { replyToThread(input: $input) { __typename } }`,
      { input: { threadId: globalId('Thread', THREAD_ID), body } },
      { cookie: await sessionCookieFor(String(writer!._id)) },
    );
    expect(posted.data.replyToThread.__typename).toBe('ReplyToThreadPayload');
    // No reload: the page hears of it.
    await reader.getByText(body).waitFor({ timeout: 10_000 });
  });
});
