import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedDatabase } from '../../server/db/embedded.ts';

const { MongoClient } = mongoose.mongo;

const dataDir = mkdtempSync(path.join(tmpdir(), 'durability-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const waitFor = async (check: () => boolean, ms = 15_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('Embedded database durability', () => {
  it('keeps an acknowledged write when the database process is killed without warning', async () => {
    const first = await startEmbeddedDatabase({ dataDir });
    const client = await MongoClient.connect(first.uri);
    await client.db('durability').collection('notes').insertOne({ text: 'Kiến trúc 2.0' }, { writeConcern: { w: 1, journal: true } });
    await client.close();
    process.kill(first.pid()!, 'SIGKILL');
    await first.stop();

    const second = await startEmbeddedDatabase({ dataDir });
    const again = await MongoClient.connect(second.uri);
    expect(await again.db('durability').collection('notes').findOne({}, { projection: { _id: 0 } })).toEqual({ text: 'Kiến trúc 2.0' });
    await again.close();
    await second.stop();
  });

  it('restarts a crashed database on the same address so that clients reconnect', async () => {
    let restarts = 0;
    const database = await startEmbeddedDatabase({ dataDir, onRestart: () => restarts++ });
    const client = await MongoClient.connect(database.uri, { serverSelectionTimeoutMS: 10_000 });
    const notes = client.db('durability').collection('supervised');
    await notes.insertOne({ n: 1 });
    const crashed = database.pid();
    process.kill(crashed!, 'SIGKILL');
    await waitFor(() => restarts === 1 && database.pid() !== crashed);
    await notes.insertOne({ n: 2 });
    expect(await notes.countDocuments({})).toBe(2);
    await client.close();
    await database.stop();
  });
});
