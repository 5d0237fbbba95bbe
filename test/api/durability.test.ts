import { rmSync } from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../server/db/availability.ts';
import { startEmbeddedDatabase, type EngineProcess } from '../../server/db/embedded.ts';
import { passableTempDir } from '../helpers/data-dir.ts';

const { MongoClient } = mongoose.mongo;

const root = passableTempDir('durability-');
const dataDir = path.join(root, 'data');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const waitFor = async (check: () => boolean, ms = 30_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

// Each test starts database processes or servers: slow on a busy 2-core machine.
describe('Embedded database durability', { timeout: 180_000 }, () => {
  it('keeps every acknowledged write when PostgreSQL and FerretDB are killed without warning', async () => {
    const first = await startEmbeddedDatabase({ dataDir });
    const client = await MongoClient.connect(first.uri);
    const notes = client.db('durability').collection('notes');
    await notes.insertOne({ text: 'Kiến trúc 2.0' });
    await notes.updateOne({ text: 'Kiến trúc 2.0' }, { $inc: { edits: 1 } });
    await client.close();
    const { postgres, ferretdb } = first.pids();
    process.kill(postgres!, 'SIGKILL');
    process.kill(ferretdb!, 'SIGKILL');
    await first.stop();

    const second = await startEmbeddedDatabase({ dataDir });
    const again = await MongoClient.connect(second.uri);
    expect(
      await again
        .db('durability')
        .collection('notes')
        .findOne({}, { projection: { _id: 0 } }),
    ).toEqual({ text: 'Kiến trúc 2.0', edits: 1 });
    await again.close();
    await second.stop();
  });

  it.each<EngineProcess>(['postgres', 'ferretdb'])('restarts a crashed %s so that connected clients carry on', async (victim) => {
    const restarted: EngineProcess[] = [];
    const database = await startEmbeddedDatabase({ dataDir, onRestart: (name) => restarted.push(name) });
    const client = await MongoClient.connect(database.uri, { serverSelectionTimeoutMS: 20_000 });
    const notes = client.db('durability').collection(`supervised_${victim}`);
    await notes.insertOne({ n: 1 });
    try {
      const crashed = database.pids()[victim]!;
      process.kill(crashed, 'SIGKILL');
      await waitFor(() => restarted.includes(victim) && database.healthy());
      expect(database.pids()[victim]).not.toBe(crashed);
      // A pooled connection of FerretDB's may still point at the dead PostgreSQL: such a command
      // fails as "unavailable" without being applied, and trying again reaches the new one.
      for (let attempt = 1; ; attempt++) {
        try {
          await notes.insertOne({ n: 2 });
          break;
        } catch (error) {
          if (!isDatabaseUnavailable(error) || attempt === 20) throw error;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
      expect(
        await notes
          .find({}, { projection: { _id: 0 } })
          .sort({ n: 1 })
          .toArray(),
      ).toEqual([{ n: 1 }, { n: 2 }]);
    } finally {
      await client.close();
      await database.stop();
    }
  });

  it('refuses a second server on the same DATA_DIR while the first runs', async () => {
    const database = await startEmbeddedDatabase({ dataDir });
    await expect(startEmbeddedDatabase({ dataDir })).rejects.toThrow(/Another server \(pid \d+\) is using DATA_DIR/);
    await database.stop();
  });
});
