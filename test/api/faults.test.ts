import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, disconnectDatabase } from '../../server/db/connection.ts';
import { startEmbeddedDatabase, type EmbeddedDatabase, type EngineProcess } from '../../server/db/embedded.ts';
import { loadReferenceData } from '../../seeds/load.ts';
import { useHttpServer } from '../helpers/app.ts';
import { passableTempDir } from '../helpers/data-dir.ts';
import { Browser, inParallel, startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { demoAccounts, readData, type ExpertRecord } from '../../seeds/load.ts';

/*
 * The embedded database's processes die under load (kill -9, one at a time): the server stays up,
 * says so on /health, answers requests with a typed "try again" meanwhile (never a masked
 * failure), and serves again by itself once the supervisor has restarted the process.
 */

const root = passableTempDir('faults-');
let database: EmbeddedDatabase;

beforeAll(async () => {
  database = await startEmbeddedDatabase({ dataDir: path.join(root, 'data') });
  await connectDatabase(database.uri, { dbName: 'faults' });
  await loadReferenceData();
}, 180_000);

const baseUrl = useHttpServer({ NODE_ENV: 'test' }, { databaseHealthy: () => database.healthy() });

const running: ServerProcess[] = [];

afterAll(async () => {
  await Promise.all(running.map((server) => server.stop()));
  await disconnectDatabase();
  await database.stop();
  rmSync(root, { recursive: true, force: true });
});

type Outcome = 'ok' | 'UNAVAILABLE' | string;

async function ask(): Promise<Outcome> {
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ topics { slug name } experts(first: 3) { totalCount } }' }),
  });
  const body = (await response.json()) as { data?: { topics?: unknown[] }; errors?: { extensions?: { code?: string } }[] };
  if (body.errors?.length) return body.errors[0]!.extensions?.code ?? 'NO_CODE';
  return body.data?.topics?.length ? 'ok' : 'EMPTY';
}

const health = async () => (await fetch(`${baseUrl()}/health`)).status;

describe('Database faults', () => {
  it.each<EngineProcess>(['postgres', 'ferretdb'])(
    'answers "try again" and 503 on /health while %s is down, then serves again by itself',
    async (victim) => {
      expect(await ask()).toBe('ok');
      const outcomes: Outcome[] = [];
      const healthSeen = new Set<number>();
      let loading = true;
      // Four clients keep asking, and one watches /health, from before the kill until well after.
      const load = Promise.all([
        ...Array.from({ length: 4 }, async () => {
          while (loading) outcomes.push(await ask());
        }),
        (async () => {
          while (loading) {
            healthSeen.add(await health());
            await new Promise((r) => setTimeout(r, 5));
          }
        })(),
      ]);
      await new Promise((r) => setTimeout(r, 300));
      const killed = database.pids()[victim]!;
      process.kill(killed, 'SIGKILL');
      const deadline = Date.now() + 60_000;
      while (!(database.healthy() && database.pids()[victim] !== killed)) {
        if (Date.now() > deadline) throw new Error(`${victim} was not restarted`);
        await new Promise((r) => setTimeout(r, 20));
      }
      // Service is back: the next requests succeed again without anyone stepping in.
      let back = false;
      while (!back && Date.now() < deadline) back = (await ask()) === 'ok';
      await new Promise((r) => setTimeout(r, 300));
      loading = false;
      await load;

      expect(back, 'a request succeeded after the restart').toBe(true);
      expect([...healthSeen], 'statuses /health answered').toContain(503);
      expect(await health()).toBe(200);
      const failures = outcomes.filter((o) => o !== 'ok');
      // Every failure is the typed "try again", none a masked internal error.
      expect(new Set(failures), 'failed requests by code').toEqual(new Set(failures.length ? ['UNAVAILABLE'] : []));
      if (victim === 'postgres') expect(failures.length).toBeGreaterThan(0);
      expect(outcomes.at(-1)).toBe('ok');
    },
    120_000,
  );
});

/*
 * The server as it runs for real (its own process and DATA_DIR), its database killed with SIGKILL
 * five times in about a minute while people keep replying: the server stays up throughout.
 */

const REPLY = `mutation ($input: ReplyToThreadInput!) { replyToThread(input: $input) { __typename ... on ReplyToThreadPayload { reply { id body } } ... on Error { code message } } }`;
const WRITERS = 6;
/** One reply a writer every 1.5 s at most: under the 60 writes a minute that one person may make. */
const WRITE_EVERY_MS = 1_500;
const KILLS = 5;
/** Between two kills: the outage, then steady writes on a healthy database. */
const KILL_EVERY_MS = 11_000;

interface Write {
  body: string;
  /** acknowledged: the reply came back; refused: a typed error (its code); unanswered: no HTTP answer. */
  state: 'sending' | 'acknowledged' | 'refused' | 'unanswered';
  code?: string;
}

/** The pid of the engine's process on `dataDir`: PostgreSQL's postmaster, or FerretDB. */
function enginePid(dataDir: string, victim: EngineProcess): number {
  if (victim === 'postgres') return Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const state = `--state-dir=${path.join(dataDir, 'ferretdb')}`;
  const pid = readdirSync('/proc').find((entry) => {
    try {
      return /^\d+$/.test(entry) && readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').includes(state);
    } catch {
      return false;
    }
  });
  if (!pid) throw new Error(`no FerretDB runs on ${dataDir}`);
  return Number(pid);
}

const isRunning = (pid: number) => {
  try {
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
};

async function threadReplies(reader: Browser, server: string, threadId: string): Promise<string[]> {
  const bodies: string[] = [];
  for (let after: string | null = null; ; ) {
    const { thread }: { thread: any } = await reader.read(
      server,
      `query ($id: ID!, $after: String) { thread(id: $id) { replies(first: 20, after: $after) { pageInfo { hasNextPage endCursor } edges { node { body } } } } }`,
      { id: threadId, after },
    );
    bodies.push(...thread.replies.edges.map((e: { node: { body: string } }) => e.node.body));
    if (!thread.replies.pageInfo.hasNextPage) return bodies;
    after = thread.replies.pageInfo.endCursor;
  }
}

/** The server's lines about the embedded database's processes (its other lines are mostly the outage's request errors). */
const engineLines = (output: string) =>
  output
    .split('\n')
    .filter((line) => line.includes('embedded database'))
    .slice(-40)
    .join('\n');

describe('Database killed again and again under the real server', () => {
  it(`keeps every acknowledged reply exactly once when the database is killed ${KILLS} times in about a minute under load, answers 503 on /health during each outage, and never exits`, async () => {
    const dataDir = path.join(root, 'server-data');
    const server = await startServerProcess({ DATA_DIR: dataDir });
    running.push(server);
    const serverPid = Number(readFileSync(path.join(dataDir, 'server.lock'), 'utf8').trim());
    const staff = demoAccounts().staff;
    const handles = readData<ExpertRecord>('experts.json')
      .map((e) => e.handle)
      .filter((h) => !(h in staff))
      .slice(0, WRITERS);
    const writers = handles.map((_, i) => new Browser(`10.40.0.${i + 1}`));
    await inParallel(writers, WRITERS, (writer, i) => writer.signIn(server.url, handles[i]!));
    const { createThread } = await writers[0]!.read(
      server.url,
      `mutation { createThread(input: { kind: DISCUSSION, title: "Nhật ký sự cố cơ sở dữ liệu", body: "", topics: [] }) { ... on CreateThreadPayload { thread { id } } } }`,
    );
    const threadId: string = createThread.thread.id;

    const writes: Write[] = [];
    let writing = true;
    const load = writers.map(async (writer, w) => {
      for (let n = 0; writing; n++) {
        const started = Date.now();
        const write: Write = { body: `Ghi chú ${n} của ${handles[w]}`, state: 'sending' };
        writes.push(write);
        try {
          const answer = await writer.send(server.url, REPLY, { input: { threadId, body: write.body } });
          const result = answer.data?.replyToThread;
          if (answer.status === 200 && result?.__typename === 'ReplyToThreadPayload' && result.reply.body === write.body) write.state = 'acknowledged';
          else Object.assign(write, { state: 'refused', code: result?.code ?? answer.errors?.[0]?.extensions?.code ?? `HTTP ${answer.status}` });
        } catch {
          write.state = 'unanswered';
        }
        await new Promise((r) => setTimeout(r, Math.max(0, started + WRITE_EVERY_MS - Date.now())));
      }
    });
    const health = async () => {
      try {
        return (await fetch(`${server.url}/health`, { signal: AbortSignal.timeout(5_000) })).status;
      } catch {
        return 0;
      }
    };
    const acknowledged = () => writes.filter((w) => w.state === 'acknowledged').length;
    const waitUntil = async (what: string, check: () => Promise<boolean> | boolean, ms: number) => {
      const deadline = Date.now() + ms;
      while (!(await check())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}; the server said of the embedded database:\n${engineLines(server.output())}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };

    const rounds: { victims: EngineProcess[]; ackedBefore: number }[] = [];
    const firstKill = Date.now() + 3_000;
    for (let round = 0; round < KILLS; round++) {
      await new Promise((r) => setTimeout(r, Math.max(0, firstKill + round * KILL_EVERY_MS - Date.now())));
      // PostgreSQL three times (once together with FerretDB), FerretDB alone twice.
      const victims: EngineProcess[] = [['postgres'], ['ferretdb'], ['postgres', 'ferretdb'], ['ferretdb'], ['postgres']][round] as EngineProcess[];
      const pids = victims.map((victim) => enginePid(dataDir, victim));
      expect(pids.every(isRunning), `${victims.join(' and ')} ran before kill ${round + 1}`).toBe(true);
      const ackedBefore = acknowledged();
      for (const pid of pids) process.kill(pid, 'SIGKILL');
      await waitUntil(`/health answered 503 after kill ${round + 1}`, async () => (await health()) === 503, 5_000);
      // Crash recovery, a restart of FerretDB and the supervisor's backoff take seconds; on a busy
      // two-core machine once over 30 (the engine's lines are printed if it ever takes over 60).
      await waitUntil(`/health answered 200 again after kill ${round + 1}`, async () => (await health()) === 200, 60_000);
      rounds.push({ victims, ackedBefore });
      expect(
        victims.map((victim) => enginePid(dataDir, victim)).filter((pid) => pids.includes(pid)),
        'restarted processes are new',
      ).toEqual([]);
    }
    // Writes go through again after the last outage.
    const afterLast = acknowledged();
    await waitUntil('a write was acknowledged after the last outage', () => acknowledged() >= afterLast + WRITERS, 20_000);
    writing = false;
    await Promise.all(load);

    // The server itself never stopped: same process, still answering.
    expect(server.child.exitCode).toBe(null);
    expect(Number(readFileSync(path.join(dataDir, 'server.lock'), 'utf8').trim())).toBe(serverPid);
    expect(await health()).toBe(200);
    // Every outage cost some writes a typed "try again", nothing else; none went unanswered.
    expect(writes.filter((w) => w.state === 'unanswered')).toEqual([]);
    expect(new Set(writes.filter((w) => w.state === 'refused').map((w) => w.code))).toEqual(new Set(['UNAVAILABLE']));
    // Between kills the writes went through.
    for (let i = 1; i < rounds.length; i++) expect(rounds[i]!.ackedBefore, `writes acknowledged before kill ${i + 1}`).toBeGreaterThan(rounds[i - 1]!.ackedBefore);

    const stored = await threadReplies(writers[0]!, server.url, threadId);
    const times = new Map<string, number>();
    for (const body of stored) times.set(body, (times.get(body) ?? 0) + 1);
    const acknowledgedBodies = writes.filter((w) => w.state === 'acknowledged').map((w) => w.body);
    expect(
      acknowledgedBodies.filter((body) => times.get(body) !== 1),
      'acknowledged replies not stored exactly once',
    ).toEqual([]);
    // A refused write may have been stored before its answer was lost: never twice.
    expect([...times].filter(([, count]) => count > 1)).toEqual([]);
    const sent = new Set(writes.map((w) => w.body));
    expect(stored.filter((body) => !sent.has(body))).toEqual([]);
  }, 240_000);
});
