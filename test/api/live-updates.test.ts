import { createClient, type Client } from 'graphql-sse';
import { describe, expect, it } from 'vitest';
import { demoThreadId } from '../../seeds/records.ts';
import { globalId } from '../helpers/accounts.ts';
import { Browser, startServerProcess } from '../helpers/server-process.ts';
import { useTwoInstancesWithRedis } from '../helpers/two-instances.ts';

/*
 * Live updates across server instances: two server processes on one database and one Redis
 * (REDIS_URL); a subscriber on one instance hears of a reply posted through the other, sees only
 * what it may, and keeps hearing after its connection drops. Rate limits count across both.
 */

const { servers, clients, serverEnv } = useTwoInstancesWithRedis('liveupdates');

const THREAD = globalId('Thread', String(demoThreadId('ra-quet-lo-hong-cong-cu-mo')));
const SUBSCRIPTION = `subscription ($threadId: ID!) { threadReplies(threadId: $threadId) { id body author { handle } } }`;
const REPLY = `mutation ($input: ReplyToThreadInput!) { replyToThread(input: $input) { __typename ... on ReplyToThreadPayload { reply { id } } ... on Error { code } } }`;

/** A graphql-sse client (distinct connections, as the web app uses it) with a person's session, on one server. */
function sseClient(browser: Browser, serverUrl: () => string) {
  const client = createClient({
    url: () => `${serverUrl()}/graphql`,
    headers: () => ({ cookie: browser.cookie, 'x-forwarded-for': browser.address }),
    // 20 s of retries: a restarted server takes some seconds to start (the web client retries forever).
    retryAttempts: 80,
    retry: () => new Promise((resolve) => setTimeout(resolve, 250)),
  });
  clients.push(client);
  return client;
}

/** Collects what a subscription delivers; `next(n)` waits for the n-th event. */
function listen(client: Client, threadId: string) {
  const received: any[] = [];
  const errors: unknown[] = [];
  client.subscribe(
    { query: SUBSCRIPTION, variables: { threadId } },
    {
      next: (result) => received.push(result),
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  const waitFor = async (what: string, check: () => boolean, ms = 15_000) => {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}; received ${JSON.stringify(received)}, errors ${JSON.stringify(errors)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  return { received, errors, waitFor };
}

const reply = async (browser: Browser, serverUrl: string, body: string) => (await browser.read(serverUrl, REPLY, { input: { threadId: THREAD, body } })).replyToThread;

describe('Live updates across two server instances and one Redis', () => {
  it('tell a subscriber on one instance of a reply posted through the other, and only the replies it may see', async () => {
    const [a, b] = servers;
    const subscriber = new Browser('10.60.0.1');
    await subscriber.signIn(a!.url, 'linhnt');
    const live = listen(
      sseClient(subscriber, () => a!.url),
      THREAD,
    );
    // The subscription is open once the server has answered its first bytes; give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    // A new member's reply waits for approval: nobody hears of it but through the queue.
    const newcomer = new Browser('10.60.0.6');
    const email = `moi.${Date.now()}@stttt.example.vn`;
    await newcomer.read(b!.url, `mutation ($input: SignUpInput!) { signUp(input: $input) { __typename } }`, { input: { email, password: 'mot-cau-rat-de-nho', name: 'Đinh Thị Mai' } });
    await newcomer.signInWith(b!.url, email, 'mot-cau-rat-de-nho');
    expect(await reply(newcomer, b!.url, 'Bài đầu tiên, đang chờ duyệt.')).toMatchObject({ __typename: 'ReplyToThreadPayload' });

    const writer = new Browser('10.60.0.2');
    await writer.signIn(b!.url, 'sondt');
    const posted = await reply(writer, b!.url, 'Tỉnh tôi dùng công cụ mã nguồn mở, rà quét hàng tuần.');
    expect(posted.__typename).toBe('ReplyToThreadPayload');
    await live.waitFor('the reply arrived', () => live.received.length === 1);
    expect(live.received.map((event) => event.data.threadReplies)).toEqual([{ id: posted.reply.id, body: 'Tỉnh tôi dùng công cụ mã nguồn mở, rà quét hàng tuần.', author: { handle: 'sondt' } }]);
  });

  it('send events uncompressed, as they happen, to a browser that accepts compression', async () => {
    const subscriber = new Browser('10.60.0.7');
    await subscriber.signIn(servers[1]!.url, 'linhnt');
    const aborting = new AbortController();
    const response = await fetch(`${servers[1]!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'accept-encoding': 'gzip, br', cookie: subscriber.cookie, 'x-forwarded-for': subscriber.address },
      body: JSON.stringify({ query: SUBSCRIPTION, variables: { threadId: THREAD } }),
      signal: aborting.signal,
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    // Yoga marks the stream `content-encoding: none`, which keeps the compressor (and proxies) off it.
    expect(response.headers.get('content-encoding') ?? 'none').toBe('none');
    aborting.abort();
  });

  it('refuse a thread the subscriber may not open, as the query does', async () => {
    const visitor = new Browser('10.60.0.3');
    const live = listen(
      sseClient(visitor, () => servers[0]!.url),
      THREAD,
    );
    await live.waitFor('the refusal', () => live.received.length + live.errors.length > 0);
    expect(JSON.stringify([...live.received, ...live.errors])).toMatch(/NOT_AUTHORIZED|Sign in/);
  });

  it('keep a subscriber hearing after its instance restarts (the client reconnects)', async () => {
    const subscriber = new Browser('10.60.0.4');
    await subscriber.signIn(servers[0]!.url, 'linhnt');
    const live = listen(
      sseClient(subscriber, () => servers[0]!.url),
      THREAD,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    // The first instance goes away and comes back on the same port.
    const port = new URL(servers[0]!.url).port;
    await servers[0]!.stop();
    servers[0] = await startServerProcess({ ...serverEnv(), PORT: port });
    const writer = new Browser('10.60.0.5');
    await writer.signIn(servers[1]!.url, 'sondt');
    // Posted until one arrives: the client reconnects within its retries.
    const deadline = Date.now() + 20_000;
    for (let n = 0; !live.received.length && Date.now() < deadline; n++) {
      await reply(writer, servers[1]!.url, `Ghi chú sau khi máy chủ khởi động lại ${n}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(live.received[0]?.data.threadReplies.body).toMatch(/^Ghi chú sau khi máy chủ khởi động lại/);
  });

  it('count rate limits across the instances', async () => {
    // Sign-in: 6 attempts a minute per address; spent on both instances, the 7th is refused wherever it goes.
    const attempt = async (serverUrl: string) => {
      const response = await fetch(`${serverUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.60.9.9' },
        body: JSON.stringify({ query: `mutation { signIn(input: { email: "khong-co@example.vn", password: "sai-mat-khau-roi" }) { __typename } }` }),
      });
      const body = await response.json();
      return body.data?.signIn?.__typename ?? body.errors?.[0]?.extensions?.code;
    };
    const answers: string[] = [];
    for (let n = 0; n < 7; n++) answers.push(await attempt(servers[n % 2]!.url));
    expect(answers.slice(0, 6).every((answer) => answer !== 'RateLimitedError' && answer !== 'RATE_LIMITED')).toBe(true);
    expect(['RateLimitedError', 'RATE_LIMITED']).toContain(answers[6]);
  });
});
