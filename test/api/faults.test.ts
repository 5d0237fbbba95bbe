import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, disconnectDatabase } from '../../server/db/connection.ts';
import { startEmbeddedDatabase, type EmbeddedDatabase, type EngineProcess } from '../../server/db/embedded.ts';
import { loadReferenceData } from '../../seeds/load.ts';
import { useHttpServer } from '../helpers/app.ts';
import { passableTempDir } from '../helpers/data-dir.ts';

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

afterAll(async () => {
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
