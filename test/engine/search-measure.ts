// Measures search's two candidate designs on the demo network plus 1,000 people, on the server
// MONGODB_URI names (a scratch database, dropped at the end):
//   npx tsx test/engine/search-measure.ts
// Token arrays: folded, acronym-expanded words in `searchTokens`, matched with one equality per
// word (what schema/search/service.ts sends). $text: the same words as one string under a text
// index (language "none": the words are folded already), every word quoted so that each must
// match. It prints, per query, the matches of each kind, whether both designs find the same
// records, the median time of the database reads of one search (find of up to 200 candidates per
// kind, and a count when a kind fills them), and the median time of the whole search() call.
import { performance } from 'node:perf_hooks';
import mongoose from 'mongoose';
import { Thread } from '../../schema/discussion/model.ts';
import { Expert } from '../../schema/expert/model.ts';
import { expertSearchTokens, sortNameOf } from '../../schema/expert/service.ts';
import { Practice } from '../../schema/practice/model.ts';
import { queryTerms } from '../../schema/search/fold.ts';
import { search } from '../../schema/commands/search.ts';
import { CANDIDATES_PER_KIND } from '../../schema/search/service.ts';
import { demoExpertId, loadDemoData, loadReferenceData, readData, type ExpertRecord } from '../../seeds/load.ts';
import { connectDatabase, disconnectDatabase } from '../../server/db/connection.ts';

const QUERIES = [
  'chuyển đổi số',
  'chuyen doi so',
  'CĐS',
  'dịch vụ công trực tuyến',
  'dữ liệu',
  'Đà Nẵng',
  'an toàn thông tin',
  'ma',
  'một cửa',
  'nguyễn',
  'trí tuệ nhân tạo',
  'hồ sơ sức khỏe điện tử',
];
const RUNS = 15;

async function medianMs(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

const uri = process.env.MONGODB_URI;
if (!uri) throw new Error('Set MONGODB_URI to the server to measure on.');
await connectDatabase(uri, { dbName: 'searchmeasure' });
const db = mongoose.connection.db!;
try {
  await db.dropDatabase();
  const { ensureIndexes } = await import('../../server/db/connection.ts');
  await ensureIndexes();
  await loadReferenceData();
  await loadDemoData();
  const demo = readData<ExpertRecord>('experts.json');
  await Expert.insertMany(
    Array.from({ length: 1000 }, (_, i) => {
      const base = demo[i % demo.length]!;
      const person = { ...base, handle: `${base.handle.slice(0, 22)}.${i}`, name: `${base.name} ${i}` };
      return { ...person, sortName: sortNameOf(person.name), joinedAt: new Date(person.joinedAt), searchTokens: expertSearchTokens(person, null) };
    }),
    { ordered: false },
  );
  const kinds = [
    { collection: Practice.collection.collectionName, base: { status: 'published' }, sort: { publishedAt: -1, _id: -1 } },
    { collection: Thread.collection.collectionName, base: {}, sort: { lastActivityAt: -1, _id: -1 } },
    { collection: Expert.collection.collectionName, base: {}, sort: { sortName: 1, _id: 1 } },
  ] as const;
  for (const { collection } of kinds) {
    const records = db.collection(collection);
    for (const doc of await records.find({}, { projection: { searchTokens: 1 } }).toArray()) await records.updateOne({ _id: doc._id }, { $set: { searchText: (doc.searchTokens ?? []).join(' ') } });
    await records.createIndex({ searchText: 'text' }, { default_language: 'none', name: 'searchText_text' });
  }
  const viewer = { id: String(demoExpertId('linhnt')), handle: 'linhnt', role: 'member' as const, verified: true, joinedAt: new Date('2020-01-01'), sessionId: 'measure' };

  console.log(`${await Practice.countDocuments({})} practices, ${await Thread.countDocuments({})} threads, ${await Expert.countDocuments({})} people; medians of ${RUNS} runs\n`);
  console.log('| query | matches (practices / threads / people) | $text finds | token arrays: reads | $text: reads | whole search() |');
  console.log('|---|---|---|---|---|---|');
  for (const query of QUERIES) {
    const { tokens } = queryTerms(query);
    const byTokens = (base: object) => ({ $and: [base, ...tokens.map((token) => ({ searchTokens: token }))] });
    const byText = (base: object) => ({ ...base, $text: { $search: tokens.map((token) => `"${token}"`).join(' ') } });
    const read = (filter: (base: object) => object) =>
      Promise.all(
        kinds.map(async (kind) => {
          const records = db.collection(kind.collection);
          const docs = await records
            .find(filter(kind.base), { projection: { searchTokens: 0, searchText: 0 } })
            .sort(kind.sort)
            .limit(CANDIDATES_PER_KIND)
            .toArray();
          const count = docs.length < CANDIDATES_PER_KIND ? docs.length : await records.countDocuments(filter(kind.base));
          return {
            ids: docs
              .map((d) => String(d._id))
              .sort()
              .join(),
            count,
          };
        }),
      );
    const tokenResult = await read(byTokens);
    const textResult = await read(byText);
    const same = tokenResult.every((r, i) => r.ids === textResult[i]!.ids && r.count === textResult[i]!.count);
    const cells = [
      query,
      tokenResult.map((r) => r.count).join(' / '),
      same ? 'the same' : textResult.map((r) => r.count).join(' / '),
      `${(await medianMs(() => read(byTokens))).toFixed(1)} ms`,
      `${(await medianMs(() => read(byText))).toFixed(1)} ms`,
      `${(await medianMs(() => search(viewer, query, {}, { first: 20 }))).toFixed(1)} ms`,
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
} finally {
  await db.dropDatabase();
  await disconnectDatabase();
}
