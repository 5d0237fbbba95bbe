import mongoose from 'mongoose';
import { inject } from 'vitest';
import { loadDemoData, loadReferenceData } from '../../seeds/load.ts';
import { demoTemplateName } from './demo-template-name.ts';

/*
 * The reference and demo data for a test file, as a load would write them into its database.
 * A load takes about ten seconds and a copy of its records about one, so the first file of a run
 * to finish a load keeps a copy in a template database of the run, and later files copy it.
 * Nobody waits for anybody: a file that finds no template yet loads for itself, so two files
 * starting together both load, and one of them keeps the template. The copy goes through a
 * client of its own, unobserved: the file's command log and index-usage check see only what the
 * file's own code reads.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** Names this run's template database (test/setup/global-database.ts). */
    testRunId: string;
  }
}

const STATE = 'template_state';

/** Copies every record `to` lacks (start-up writes a few, such as the migrations done). */
async function copyDatabase(from: mongoose.mongo.Db, to: mongoose.mongo.Db): Promise<void> {
  for (const { name } of await from.listCollections({}, { nameOnly: true }).toArray()) {
    if (name === STATE) continue;
    const present = new Set(
      (
        await to
          .collection(name)
          .find({}, { projection: { _id: 1 } })
          .toArray()
      ).map((d) => String(d._id)),
    );
    const documents = (await from.collection(name).find({}).toArray()).filter((d) => !present.has(String(d._id)));
    if (documents.length) await to.collection(name).insertMany(documents, { ordered: false });
  }
}

/** Fills the file's (empty, indexed) database with the reference and demo data. */
export async function loadDemoIntoTestDatabase(): Promise<void> {
  const client = new mongoose.mongo.MongoClient(inject('mongoUri'));
  try {
    const template = client.db(demoTemplateName(inject('testRunId')));
    const own = client.db(mongoose.connection.db!.databaseName);
    if (await template.collection(STATE).findOne({ _id: 'ready' as never })) return await copyDatabase(template, own);
    await loadReferenceData();
    await loadDemoData();
    // One file fills the template: the first to insert the claim.
    const claimed = await template
      .collection(STATE)
      .insertOne({ _id: 'claimed' as never })
      .then(
        () => true,
        (error: { code?: number }) => {
          if (error.code === 11000) return false;
          throw error;
        },
      );
    if (!claimed) return;
    await copyDatabase(own, template);
    await template.collection(STATE).insertOne({ _id: 'ready' as never });
  } finally {
    await client.close();
  }
}
