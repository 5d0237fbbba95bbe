import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Reply, Thread } from '../../schema/discussion/model.ts';
import { LARGE_PAGE_ABOVE, PREVIEW_POINT_CHARACTERS, RATE_LIMITS, resetRateLimits } from '../../schema/limits.ts';
import { Topic } from '../../schema/topic/model.ts';
import { LIMITS, MAX_BODY_BYTES } from '../../server/http.ts';
import { useHttpServer } from '../helpers/app.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { graphql, sessionCookieFor, yoga } from '../helpers/graphql.ts';

const commandLog = useTestDatabase();

const server = useHttpServer();
let writerCookie = '';
let threadId = '';
beforeAll(async () => {
  await createReferenceData();
  await createExpert({ handle: 'target1', name: 'Bùi Văn Đích' });
  writerCookie = await sessionCookieFor(String((await createExpert({ handle: 'writer1' }))._id));
  const created = await graphql(
    `mutation { createThread(input: { kind: DISCUSSION, title: "Kinh nghiệm số hóa hồ sơ", body: "", topics: [] }) { ... on CreateThreadPayload { thread { id } } } }`,
    {},
    { cookie: writerCookie },
  );
  threadId = created.data.createThread.thread.id;
});
beforeEach(() => {
  resetRateLimits();
  commandLog.reset();
});

/** Asserts a rejection with this code, and that no database command ran to answer it. */
function expectRejected(response: Awaited<ReturnType<typeof graphql>>, code: string, status = 400) {
  expect(response.status).toBe(status);
  expect(response.data ?? null).toBeNull();
  expect(response.errors?.map((e) => e.extensions?.code)).toContain(code);
  expect(commandLog.commands).toEqual([]);
}

describe('Operation limits', () => {
  it('rejects a query 15 levels deep before touching the database', async () => {
    let selection = 'name';
    for (let i = 0; i < 7; i++) selection = `organization { parent { ${selection} } }`;
    expectRejected(await graphql(`{ expert(handle: "target1") { ${selection} } }`), 'QUERY_TOO_DEEP');
  });

  it(`rejects ${LIMITS.aliases + 1} aliases, __typename ones included`, async () => {
    const aliases = Array.from({ length: LIMITS.aliases + 1 }, (_, i) => `a${i}: __typename`).join(' ');
    expectRejected(await graphql(`{ ${aliases} }`), 'TOO_MANY_ALIASES');
  });

  it('rejects ten repeated directives', async () => {
    expectRejected(await graphql(`{ topics { name ${'@include(if: true) '.repeat(10)} } }`), 'TOO_MANY_DIRECTIVES');
  });

  it('rejects a query of huge cost', async () => {
    const node = 'edges { node { name organization { name place { name predecessors { name } } } place { name } specialties { name } cohorts { name } } }';
    const fields = Array.from({ length: 40 }, (_, i) => `e${i}: experts(first: 50) { ${node} }`).join(' ');
    expectRejected(await graphql(`{ ${fields} }`), 'QUERY_TOO_COSTLY');
  });

  it('rejects a batch of two operations', async () => {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ topics { name } }' }, { query: '{ cohorts { name } }' }]),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(await response.json())).not.toContain('"topics"');
    expect(commandLog.commands).toEqual([]);
  });

  it('refuses a 1 MB body with 413 before parsing it', async () => {
    const body = JSON.stringify({ query: `{ topics { name } } # ${'x'.repeat(1024 * 1024)}` });
    expect(body.length).toBeGreaterThan(MAX_BODY_BYTES);
    const response = await fetch(`${server()}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(commandLog.commands).toEqual([]);
  });

  it('gives a masked failure the request id that the response header and the log carry', async () => {
    const failure = vi.spyOn(Topic, 'find').mockImplementationOnce(() => {
      throw new Error('unexpected');
    });
    try {
      const response = await fetch(`${server()}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ topics { slug } }' }) });
      const body = await response.json();
      expect(body.errors[0].extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId: response.headers.get('x-request-id') });
    } finally {
      failure.mockRestore();
    }
  });

  it('answers an ordinary query through the HTTP server with a request id', async () => {
    const response = await fetch(`${server()}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ topics { slug } }' }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect((await response.json()).data.topics).toHaveLength(2);
  });
});

describe('Sign-in throttling', () => {
  const SIGN_IN = `mutation ($email: String!) { signIn(input: { email: $email, password: "doan-thu-mat-khau" }) { __typename ... on RateLimitedError { retryAfterSeconds } } }`;
  /** Each attempt that gets past the throttle looks the account up once before hashing. */
  const passwordLookups = () => commandLog.commands.filter((c) => c === 'find').length;

  it('lets at most 6 attempts a minute from one address reach the password check', async () => {
    const results = [];
    for (let i = 0; i < 10; i++) results.push((await graphql(SIGN_IN, { email: `guess${i}@example.vn` }, { clientAddress: '203.0.113.5' })).data.signIn);
    expect(results.filter((r) => r.__typename === 'InvalidCredentialsError')).toHaveLength(6);
    expect(results.slice(6).every((r) => r.__typename === 'RateLimitedError' && r.retryAfterSeconds > 0)).toBe(true);
    expect(passwordLookups()).toBe(6);
  });

  it('lets at most 6 attempts a minute against one account through, from any number of addresses', async () => {
    const results = [];
    for (let i = 0; i < 10; i++) results.push((await graphql(SIGN_IN, { email: 'Target@Example.vn' }, { clientAddress: `198.51.100.${i}` })).data.signIn.__typename);
    expect(results.filter((r) => r === 'InvalidCredentialsError')).toHaveLength(6);
    expect(passwordLookups()).toBe(6);
  });

  it('counts 100 aliased sign-in calls in one request as 100 attempts', async () => {
    const calls = Array.from({ length: 100 }, (_, i) => `s${i}: signIn(input: { email: "alias${i}@example.vn", password: "doan-thu-mat-khau" }) { __typename }`).join(' ');
    const response = await graphql(`mutation { ${calls} }`, {}, { clientAddress: '203.0.113.77' });
    const typenames = Object.values(response.data as Record<string, { __typename: string }>).map((r) => r.__typename);
    expect(typenames.filter((t) => t === 'InvalidCredentialsError')).toHaveLength(6);
    expect(typenames.filter((t) => t === 'RateLimitedError')).toHaveLength(94);
    expect(passwordLookups()).toBe(6);
  });

  it('keeps a blocked address blocked for longer than the minute window', async () => {
    for (let i = 0; i < 7; i++) await graphql(SIGN_IN, { email: `x${i}@example.vn` }, { clientAddress: '203.0.113.9' });
    const blocked = await graphql(SIGN_IN, { email: 'late@example.vn' }, { clientAddress: '203.0.113.9' });
    expect(blocked.data.signIn.__typename).toBe('RateLimitedError');
    expect(blocked.data.signIn.retryAfterSeconds).toBeGreaterThan(30);
  });
});

/** Asserts a refusal by a rate limit that ran nothing of the operation. */
function expectRateLimited(response: Awaited<ReturnType<typeof graphql>>) {
  expect(response.data ?? null).toBeNull();
  expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['RATE_LIMITED']);
  expect(response.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
}

describe('Write limits', () => {
  const WRITES = RATE_LIMITS.writes.points;
  /** `count` aliased replies to the test thread, each a new row when it runs. */
  const replies = (count: number, prefix = 'r') =>
    Array.from({ length: count }, (_, i) => `${prefix}${i}: replyToThread(input: { threadId: $thread, body: "Cảm ơn anh, rất hữu ích (${prefix}${i})." }) { __typename }`).join(' ');
  const replyCount = () => Reply.countDocuments({ thread: Buffer.from(threadId, 'base64url').toString().split(':')[1] });
  const write = (query: string, variables: Record<string, unknown> = {}) => graphql(query, { thread: threadId, ...variables }, { cookie: writerCookie });

  it('refuses further writes once a person spends their minute’s budget, before running them', async () => {
    const calls = Array.from({ length: WRITES + 1 }, (_, i) => `s${i}: signOut { __typename }`).join(' ');
    const response = await graphql(`mutation { ${calls} }`, {}, { clientAddress: '203.0.113.100' });
    expectRateLimited(response);
  });

  it(`refuses ${WRITES + 1} replies wrapped in a named fragment, and writes none of them`, async () => {
    const before = await replyCount();
    expectRateLimited(await write(`mutation ($thread: ID!) { ...Flood } fragment Flood on Mutation { ${replies(WRITES + 1)} }`));
    expect(await replyCount()).toBe(before);
  });

  it(`runs ${WRITES} replies sent through inline and nested fragments, and refuses the ${WRITES + 1}st`, async () => {
    const before = await replyCount();
    const first = await write(`mutation ($thread: ID!) { ... on Mutation { ${replies(20, 'a')} ...More } } fragment More on Mutation { ... on Mutation { ${replies(WRITES - 20, 'b')} } }`);
    expect(first.errors ?? []).toEqual([]);
    expect(Object.keys(first.data)).toHaveLength(WRITES);
    expect(await replyCount()).toBe(before + WRITES);
    expectRateLimited(await write(`mutation ($thread: ID!) { ... on Mutation { ${replies(1, 'c')} } }`));
    expect(await replyCount()).toBe(before + WRITES);
  });

  it('does not count fields that @skip or @include leave out', async () => {
    const before = await replyCount();
    const response = await write(
      `mutation ($thread: ID!, $no: Boolean!) { ${replies(WRITES, 'a')} ...Skipped @skip(if: true) ...Excluded @include(if: $no) }
       fragment Skipped on Mutation { ${replies(10, 'b')} } fragment Excluded on Mutation { ${replies(10, 'c')} }`,
      { no: false },
    );
    expect(response.errors ?? []).toEqual([]);
    expect(await replyCount()).toBe(before + WRITES);
    // Those 60 were counted: the budget is spent.
    expectRateLimited(await write(`mutation ($thread: ID!) { ${replies(1, 'd')} }`));
  });

  it('gives back what a refused operation would have spent: it changes nothing, budget included', async () => {
    // A reply asking for a large page in its answer, once the large-page budget of these 10 seconds is spent.
    const pages = (count: number) => Array.from({ length: count }, (_, i) => `p${i}: experts(first: ${LARGE_PAGE_ABOVE + 1}) { totalCount }`).join(' ');
    for (let spent = 0; spent < RATE_LIMITS.largePagesBurst.points; spent += 25) expect((await graphql(`{ ${pages(25)} }`, {}, { cookie: writerCookie })).errors ?? []).toEqual([]);
    const threads = await Thread.countDocuments();
    const create = `mutation { createThread(input: { kind: QUESTION, title: "Câu hỏi về chữ ký số", body: "", topics: [] }) { ... on CreateThreadPayload { thread { replies(first: 50) { totalCount } } } } }`;
    expectRateLimited(await graphql(create, {}, { cookie: writerCookie }));
    expect(await Thread.countDocuments()).toBe(threads);
    // The refused write was not spent: the whole minute's writes remain.
    const before = await replyCount();
    expect((await write(`mutation ($thread: ID!) { ${replies(WRITES)} }`)).errors ?? []).toEqual([]);
    expect(await replyCount()).toBe(before + WRITES);
  });
});

describe('Budgets of expensive reads', () => {
  // The limiters' clock (rate-limiter-flexible reads Date.now): the 10-second burst windows pass
  // without waiting, while the minute's budget keeps counting.
  let now = Date.now();
  beforeEach(() => {
    now = Date.now();
    vi.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(() => vi.restoreAllMocks());
  const nextBurstWindow = () => {
    now += 10_001;
  };
  /** Spends a whole minute's budget in bursts of `burst`, each in a new 10-second window. */
  async function spendMinute(budget: number, burst: number, send: (points: number) => Promise<Awaited<ReturnType<typeof graphql>>>) {
    for (let spent = 0; spent < budget; spent += burst) {
      expect((await send(Math.min(burst, budget - spent))).errors ?? []).toEqual([]);
      nextBurstWindow();
    }
  }

  const search = (query: string) => `search(query: "${query}", first: 5) { totalCount }`;
  /** `count` searches in one operation, aliased and spread over a named fragment. */
  const searches = (count: number) => {
    const aliased = Array.from({ length: count }, (_, i) => `s${i}: ${search(`chuyển đổi số ${i}`)}`);
    return `{ ...Half ${aliased.slice(count / 2).join(' ')} } fragment Half on Query { ${aliased.slice(0, count / 2).join(' ')} }`;
  };

  it('lets a person typing in the search boxes through, and refuses a script of aliased searches past the budget, running nothing', async () => {
    // One directory request per pause in typing (slow typing pauses at every letter), then the
    // search page for each word, then browsing its pages: far more than anyone sends in a minute.
    const person = { clientAddress: '198.51.100.20' };
    const typed = 'Nguyễn Văn An Đà Nẵng';
    for (let length = 1; length <= typed.length; length++) {
      const response = await graphql(`query ($q: String!) { experts(filter: { query: $q }, first: 20) { totalCount } }`, { q: typed.slice(0, length) }, person);
      expect(response.errors ?? []).toEqual([]);
    }
    for (const words of ['chuyển', 'chuyển đổi', 'chuyển đổi số', 'chuyen doi so', 'CĐS']) {
      for (let page = 0; page < 3; page++) expect((await graphql(`{ ${search(words)} }`, {}, person)).errors ?? []).toEqual([]);
    }

    const script = { clientAddress: '203.0.113.66' };
    const perOperation = RATE_LIMITS.searchesBurst.points;
    let refused: Awaited<ReturnType<typeof graphql>> | undefined;
    let served = 0;
    for (let attempt = 0; attempt < 5 && !refused; attempt++) {
      commandLog.reset();
      const response = await graphql(searches(perOperation), {}, script);
      if (response.errors?.length) refused = response;
      else served += perOperation;
      nextBurstWindow();
    }
    expect(served).toBe(Math.floor(RATE_LIMITS.searches.points / perOperation) * perOperation);
    expectRateLimited(refused!);
    expect(commandLog.commands).toEqual([]);
    // Another address, and the same address signed in as a person, keep their own budgets.
    expect((await graphql(`{ ${search('chuyển đổi số')} }`, {}, { clientAddress: '203.0.113.67' })).errors ?? []).toEqual([]);
    expect((await graphql(`{ ${search('chuyển đổi số')} }`, {}, { ...script, cookie: writerCookie })).errors ?? []).toEqual([]);
  });

  it('counts markdown previews through aliases, and does not count skipped ones', async () => {
    const previews = (count: number) => Array.from({ length: count }, (_, i) => `m${i}: previewMarkdown(text: "**Bước ${i}**: số hóa")`).join(' ');
    const address = { clientAddress: '203.0.113.70' };
    // Short texts spend a point each, a burst window's worth a request; the skipped ones spend none.
    await spendMinute(RATE_LIMITS.previews.points, RATE_LIMITS.previewsBurst.points, (points) =>
      graphql(`{ ${previews(points)} ...More @skip(if: true) } fragment More on Query { ${previews(20)} }`, {}, address),
    );
    expectRateLimited(await graphql(`{ ${previews(1)} }`, {}, address));
  });

  it('spends the preview budget by the length of the text: the longest texts run out first', async () => {
    const address = { clientAddress: '203.0.113.71' };
    const longest = 'Số hóa hồ sơ một cửa. '.repeat(1000).slice(0, 20_000);
    const PREVIEW = 'query ($text: String!) { previewMarkdown(text: $text) }';
    const points = Math.ceil(longest.length / PREVIEW_POINT_CHARACTERS);
    const perWindow = Math.floor(RATE_LIMITS.previewsBurst.points / points);
    const perMinute = RATE_LIMITS.previews.points / points;
    for (let i = 0; i < perMinute; i++) {
      if (i > 0 && i % perWindow === 0) {
        // A burst window holds only so many: the next waits for the window to pass.
        expectRateLimited(await graphql(PREVIEW, { text: longest }, address));
        nextBurstWindow();
      }
      expect((await graphql(PREVIEW, { text: longest }, address)).errors ?? []).toEqual([]);
    }
    nextBurstWindow();
    // The minute's budget is spent.
    expectRateLimited(await graphql(PREVIEW, { text: longest }, address));
    // A short text costs a point, and the points are gone.
    expectRateLimited(await graphql(PREVIEW, { text: 'Ngắn' }, address));
  });

  it(`spends the large-page budget on pages above ${LARGE_PAGE_ABOVE} only`, async () => {
    const address = { clientAddress: '203.0.113.80' };
    // 40 a request, which the cost limit allows.
    const pages = (size: number) => Array.from({ length: 40 }, (_, i) => `p${i}: experts(first: ${size}) { totalCount }`).join(' ');
    // 40 a request, one request a burst window: the minute's 200 in five.
    for (let spent = 0; spent < RATE_LIMITS.largePages.points; spent += 40) {
      expect((await graphql(`{ ${pages(LARGE_PAGE_ABOVE + 1)} }`, {}, address)).errors ?? []).toEqual([]);
      nextBurstWindow();
    }
    commandLog.reset();
    expectRateLimited(await graphql(`query ($n: Int) { experts(last: $n) { totalCount } }`, { n: LARGE_PAGE_ABOVE + 1 }, address));
    expect(commandLog.commands).toEqual([]);
    expect((await graphql(`{ ${pages(LARGE_PAGE_ABOVE)} }`, {}, address)).errors ?? []).toEqual([]);
  });
});

describe('The README’s table of limits', () => {
  const rows = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('| '));
  const row = (label: string) => {
    const found = rows.filter((line) => line.includes(label));
    expect(found, label).toHaveLength(1);
    return found[0]!;
  };

  it('states every rate limit with the numbers the server counts', () => {
    for (const [name, { points, duration }] of Object.entries(RATE_LIMITS)) {
      const per = { 10: 'in 10 seconds', 60: 'a minute', 3600: 'an hour', 86400: 'a day' }[duration];
      expect(row(`\`${name}\``), name).toMatch(new RegExp(`\\| ${points} (points )?${per} \\|`));
    }
    expect(row('`largePages`')).toContain(`more than ${LARGE_PAGE_ABOVE} items`);
    expect(row('`previews`')).toContain(`a point per ${PREVIEW_POINT_CHARACTERS.toLocaleString('en')} characters`);
  });

  it('states every operation limit with the numbers the server checks', () => {
    const numbers = { Depth: LIMITS.depth, Aliases: LIMITS.aliases, Directives: LIMITS.directives, Tokens: LIMITS.tokens, Cost: LIMITS.cost };
    for (const [label, value] of Object.entries(numbers)) expect(row(`| ${label} |`)).toContain(`| ${value.toLocaleString('en')} |`);
    expect(row('| Body size |')).toContain(`| ${MAX_BODY_BYTES / 1024} KiB |`);
  });
});
