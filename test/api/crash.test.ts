import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repairCounters } from '../../schema/counters.ts';
import { connectDatabase, disconnectDatabase } from '../../server/db/connection.ts';
import { runningEmbeddedUri } from '../../server/db/embedded.ts';
import { demoAccounts, readData, type ExpertRecord } from '../../seeds/load.ts';
import { Browser, inParallel, startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { passableTempDir } from '../helpers/data-dir.ts';

/*
 * The server as it runs for real, on its own DATA_DIR with the embedded database it starts
 * itself, killed with SIGKILL in the middle of a steady stream of replies and started again.
 */

const root = passableTempDir('crash-');
const dataDir = path.join(root, 'data');
const running: ServerProcess[] = [];

afterAll(async () => {
  await Promise.all(running.map((server) => server.stop()));
  rmSync(root, { recursive: true, force: true });
});

const REPLY = `mutation ($input: ReplyToThreadInput!) { replyToThread(input: $input) { __typename ... on ReplyToThreadPayload { reply { id body } } ... on Error { code message } } }`;
const WRITERS = 8;
/** Acknowledged replies before the kill: enough that every writer is well into its stream. */
const KILL_AFTER = 80;
/** Under the 60 writes a minute that one person may make. */
const MAX_PER_WRITER = 50;

interface Write {
  body: string;
  /** acknowledged: HTTP 200 with the reply; refused: a typed error; unanswered: the connection died first. */
  state: 'sending' | 'acknowledged' | 'refused' | 'unanswered';
  answer?: unknown;
}

const staff = demoAccounts().staff;
const writerHandles = readData<ExpertRecord>('experts.json')
  .map((e) => e.handle)
  .filter((h) => !(h in staff))
  .slice(0, WRITERS);

/** The pid of the process that holds DATA_DIR: the server itself (tsx runs it as its child). */
const serverPid = () => Number(readFileSync(path.join(dataDir, 'server.lock'), 'utf8').trim());

async function allReplies(reader: Browser, server: string, threadId: string) {
  const bodies: string[] = [];
  let thread: { replyCount: number; replies: any };
  for (let after: string | null = null; ; ) {
    ({ thread } = await reader.read(
      server,
      `query ($id: ID!, $after: String) { thread(id: $id) { replyCount replies(first: 50, after: $after) { pageInfo { hasNextPage endCursor } edges { node { body } } } } }`,
      { id: threadId, after },
    ));
    bodies.push(...thread.replies.edges.map((e: { node: { body: string } }) => e.node.body));
    if (!thread.replies.pageInfo.hasNextPage) return { bodies, replyCount: thread.replyCount };
    after = thread.replies.pageInfo.endCursor;
  }
}

describe('Server crash', () => {
  it('keeps every acknowledged reply exactly once, and an unanswered one at most once, when the server is killed with SIGKILL under load and started again', async () => {
    const first = await startServerProcess({ DATA_DIR: dataDir });
    running.push(first);
    const writers = writerHandles.map((_, i) => new Browser(`10.30.0.${i + 1}`));
    await inParallel(writers, WRITERS, (writer, i) => writer.signIn(first.url, writerHandles[i]!));
    const { createThread } = await writers[0]!.read(
      first.url,
      `mutation { createThread(input: { kind: DISCUSSION, title: "Nhật ký vận hành: ghi liên tục", body: "", topics: [] }) { ... on CreateThreadPayload { thread { id } } } }`,
    );
    const threadId: string = createThread.thread.id;

    const writes: Write[] = [];
    let killed = false;
    let inFlightAtKill = 0;
    let acknowledged = 0;
    let reachedKillPoint: () => void;
    const killPoint = new Promise<void>((resolve) => (reachedKillPoint = resolve));
    const load = writers.map(async (writer, w) => {
      for (let n = 0; !killed && n < MAX_PER_WRITER; n++) {
        const write: Write = { body: `Ghi chú ${n} của ${writerHandles[w]} (${Date.now()})`, state: 'sending' };
        writes.push(write);
        try {
          const answer = await writer.send(first.url, REPLY, { input: { threadId, body: write.body } });
          const result = answer.data?.replyToThread;
          write.answer = answer;
          if (answer.status === 200 && result?.__typename === 'ReplyToThreadPayload' && result.reply.body === write.body) {
            write.state = 'acknowledged';
            if (++acknowledged === KILL_AFTER) reachedKillPoint();
          } else write.state = 'refused';
        } catch {
          write.state = 'unanswered';
          return;
        }
      }
    });
    await Promise.race([killPoint, Promise.all(load)]);
    killed = true;
    inFlightAtKill = writes.filter((w) => w.state === 'sending').length;
    process.kill(serverPid(), 'SIGKILL');
    await Promise.all(load);
    expect(await first.exited).not.toBe(0);

    // Started again on the same DATA_DIR: it waits for the old PostgreSQL to go, and keeps the data.
    const second = await startServerProcess({ DATA_DIR: dataDir });
    running.push(second);
    expect(second.output()).not.toMatch(/loading the demo dataset/);

    expect(writes.filter((w) => w.state === 'refused')).toEqual([]);
    expect(acknowledged).toBeGreaterThanOrEqual(KILL_AFTER);
    // Killed mid-write: some replies were on their way and never answered.
    const unanswered = writes.filter((w) => w.state === 'unanswered');
    expect(unanswered.length).toBeGreaterThan(0);
    expect(unanswered.length).toBeLessThanOrEqual(inFlightAtKill);

    // The sessions live in the database: the writers are still signed in.
    const { bodies } = await allReplies(writers[0]!, second.url, threadId);
    const times = new Map<string, number>();
    for (const body of bodies) times.set(body, (times.get(body) ?? 0) + 1);
    const acknowledgedBodies = writes.filter((w) => w.state === 'acknowledged').map((w) => w.body);
    expect(acknowledgedBodies.filter((body) => times.get(body) !== 1)).toEqual([]);
    expect(unanswered.filter((w) => (times.get(w.body) ?? 0) > 1)).toEqual([]);
    const sent = new Set(writes.map((w) => w.body));
    expect(bodies.filter((body) => !sent.has(body))).toEqual([]);

    // A reply cut between its record and its count leaves the count short, for the repair.
    await connectDatabase(runningEmbeddedUri(dataDir)!, { dbName: 'expertnetwork' });
    try {
      const report = await repairCounters();
      expect(report.replies).toBeLessThanOrEqual(unanswered.length);
    } finally {
      await disconnectDatabase();
    }
    const after = await writers[1]!.read(second.url, REPLY, { input: { threadId, body: 'Đã chạy lại sau sự cố' } });
    expect(after.replyToThread.__typename).toBe('ReplyToThreadPayload');
    const final = await allReplies(writers[0]!, second.url, threadId);
    expect(final.bodies).toEqual([...bodies, 'Đã chạy lại sau sự cố']);
    expect(final.replyCount).toBe(final.bodies.length);

    expect(await second.stop()).toBe(0);
  }, 240_000);
});
