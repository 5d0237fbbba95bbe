import { createClient } from 'graphql-sse';
import { describe, expect, it } from 'vitest';
import { demoThreadId } from '../../seeds/records.ts';
import { globalId } from '../helpers/accounts.ts';
import { Browser } from '../helpers/server-process.ts';
import { useTwoInstancesWithRedis } from '../helpers/two-instances.ts';

/*
 * The live unread count: two server processes on one database and one Redis; a person with a
 * page open on one instance sees their count rise when someone replies to their thread through
 * the other, and fall when they read it; nobody else's subscription moves, and a visitor's is
 * refused with a typed error.
 */

const { servers, clients } = useTwoInstancesWithRedis('notificationslive');

// A demo question asked by manhhd.
const THREAD = globalId('Thread', String(demoThreadId('ra-quet-lo-hong-cong-cu-mo')));
const COUNT = `subscription { unreadNotificationCount }`;
const REPLY = `mutation ($input: ReplyToThreadInput!) { replyToThread(input: $input) { __typename } }`;

/** The counts a subscription delivers (and its errors), on one server with a person's session. */
function listen(browser: Browser, serverUrl: string) {
  const client = createClient({
    url: `${serverUrl}/graphql`,
    headers: () => ({ ...(browser.cookie ? { cookie: browser.cookie } : {}), 'x-forwarded-for': browser.address }),
    retryAttempts: 0,
  });
  clients.push(client);
  const counts: number[] = [];
  const errors: unknown[] = [];
  client.subscribe(
    { query: COUNT },
    {
      next: (result) => (result.errors ? errors.push(...result.errors) : counts.push((result.data as { unreadNotificationCount: number }).unreadNotificationCount)),
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  const waitFor = async (what: string, check: () => boolean) => {
    const deadline = Date.now() + 15_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}; counts ${JSON.stringify(counts)}, errors ${JSON.stringify(errors)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  return { counts, errors, waitFor };
}

describe('The live unread notification count', () => {
  it('rises on one instance when someone replies through the other, falls when read, and is nobody else’s', async () => {
    const [a, b] = servers;
    const asker = new Browser('10.61.0.1');
    await asker.signIn(a!.url, 'manhhd');
    const bystander = new Browser('10.61.0.3');
    await bystander.signIn(a!.url, 'linhnt');
    const mine = listen(asker, a!.url);
    const theirs = listen(bystander, a!.url);
    // Each subscription starts with the count as it is.
    await mine.waitFor('the first count', () => mine.counts.length === 1);
    await theirs.waitFor('the first count', () => theirs.counts.length === 1);
    const before = mine.counts[0]!;
    // The demo leaves a few unread notifications for its members, so the bell shows at once.
    expect(before).toBeGreaterThan(0);

    const writer = new Browser('10.61.0.2');
    await writer.signIn(b!.url, 'sondt');
    expect((await writer.read(b!.url, REPLY, { input: { threadId: THREAD, body: 'Bên mình cũng dùng công cụ mã nguồn mở, kết quả được chấp nhận.' } })).replyToThread.__typename).toBe(
      'ReplyToThreadPayload',
    );
    await mine.waitFor('the count rose', () => mine.counts.at(-1) === before + 1);

    await asker.read(b!.url, `mutation { markAllNotificationsRead { __typename } }`);
    await mine.waitFor('the count fell to nothing', () => mine.counts.at(-1) === 0);
    // The bystander's subscription heard nothing after its first count.
    expect(theirs.counts).toHaveLength(1);
    expect(theirs.errors).toEqual([]);
  });

  it('refuses a visitor with a typed error', async () => {
    const visitor = listen(new Browser('10.61.0.4'), servers[0]!.url);
    await visitor.waitFor('the refusal', () => visitor.errors.length > 0);
    expect(visitor.counts).toEqual([]);
    expect(JSON.stringify(visitor.errors)).toContain('NOT_AUTHORIZED');
  });
});
