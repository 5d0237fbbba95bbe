import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { backupEmbeddedDatabase, restoreEmbeddedDatabase } from '../../server/db/backup.ts';
import { connectDatabase, disconnectDatabase } from '../../server/db/connection.ts';
import { startEmbeddedDatabase } from '../../server/db/embedded.ts';
import { loadDemoData, loadReferenceData } from '../../seeds/load.ts';
import { passableTempDir } from '../helpers/data-dir.ts';

const { MongoClient } = mongoose.mongo;
type Db = InstanceType<typeof MongoClient>['db'] extends (...args: never[]) => infer D ? D : never;

const root = passableTempDir('backup-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every document (in _id order) and every index of every collection, as comparable text. */
async function contentsOf(db: Db) {
  const result: Record<string, { documents: string; indexes: string }> = {};
  for (const { name } of await db.listCollections().toArray()) {
    const collection = db.collection(name);
    const documents = await collection.find({}).sort({ _id: 1 }).toArray();
    const indexes = (await collection.indexes()).map(({ name: n, key, unique, partialFilterExpression }) => ({ n, key, unique, partialFilterExpression }));
    result[name] = { documents: mongoose.mongo.BSON.EJSON.stringify(documents), indexes: JSON.stringify(indexes.sort((a, b) => String(a.n).localeCompare(String(b.n)))) };
  }
  return result;
}

// Each test starts database processes or servers: slow on a busy 2-core machine.
describe('Backup', { timeout: 180_000 }, () => {
  it('brings back every collection and index of the demo network when a backup taken while writing is restored', async () => {
    const original = await startEmbeddedDatabase({ dataDir: path.join(root, 'original') });
    await connectDatabase(original.uri, { dbName: 'expertnetwork' });
    await loadReferenceData();
    await loadDemoData();
    const client = await MongoClient.connect(original.uri);
    const journal = client.db('expertnetwork').collection('backup_journal');
    // Writes one after another while the backup runs: a consistent snapshot holds an unbroken prefix.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) await journal.insertOne({ _id: written++ } as never);
    })();
    const file = path.join(root, 'network.tar');
    await backupEmbeddedDatabase(file, { dataDir: path.join(root, 'original') });
    writing = false;
    await writer;
    const journalInBackup = (await journal.find({}).sort({ _id: 1 }).toArray()).length;
    await journal.drop();
    const before = await contentsOf(client.db('expertnetwork'));
    await client.close();
    await disconnectDatabase();
    await original.stop();

    await restoreEmbeddedDatabase(file, { dataDir: path.join(root, 'restored') });
    const restored = await startEmbeddedDatabase({ dataDir: path.join(root, 'restored') });
    const again = await MongoClient.connect(restored.uri);
    const db = again.db('expertnetwork');
    const restoredJournal = (await db.collection('backup_journal').find({}).sort({ _id: 1 }).toArray()).map((d) => d._id);
    expect(restoredJournal).toEqual(Array.from({ length: restoredJournal.length }, (_, i) => i));
    expect(restoredJournal.length).toBeLessThanOrEqual(journalInBackup);
    await db.collection('backup_journal').drop();
    const after = await contentsOf(db);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const name of Object.keys(before)) expect(after[name], name).toEqual(before[name]);
    expect(JSON.parse(after.experts!.documents).length).toBeGreaterThanOrEqual(150);
    // Unique indexes hold in the restored database, and new collections can be created.
    const handle = JSON.parse(after.experts!.documents)[0].handle;
    await expect(db.collection('experts').insertOne({ handle, name: 'x' })).rejects.toMatchObject({ code: 11000 });
    await db.collection('brand_new').insertOne({ ok: true });
    await again.close();
    await restored.stop();

    await expect(restoreEmbeddedDatabase(file, { dataDir: path.join(root, 'restored') })).rejects.toThrow(/already holds a database/);
  });

  it('refuses a file that is not a backup and leaves DATA_DIR empty', async () => {
    const junk = path.join(root, 'junk.tar');
    writeFileSync(junk, 'not a backup');
    await expect(restoreEmbeddedDatabase(junk, { dataDir: path.join(root, 'junk-target') })).rejects.toThrow(/not a backup written by npm run backup/);
  });
});
