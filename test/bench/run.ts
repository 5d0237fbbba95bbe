// `npm run bench`: seeds the demo network plus a large directory into a fresh embedded database
// and measures the API in process: latency percentiles, throughput, database commands per
// request (for every list, at two page sizes: the count must not grow with the page), bundles.
// Writes test/bench/RESULTS.md. Targets are ratios within the same run, not absolute times.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import mongoose from 'mongoose';
import { Expert } from '../../schema/expert/model.ts';
import { expertSearchTokens, sortNameOf } from '../../schema/expert/service.ts';
import { rootDir } from '../../server/config.ts';
import { connectDatabase, disconnectDatabase } from '../../server/db/connection.ts';
import { startEmbeddedDatabase } from '../../server/db/embedded.ts';
import { createGraphQL } from '../../server/http.ts';
import { createLogger } from '../../server/logger.ts';
import { createSession } from '../../schema/session/service.ts';
import { Thread } from '../../schema/discussion/model.ts';
import { demoExpertId, loadDemoData, loadReferenceData, readData, type ExpertRecord } from '../../seeds/load.ts';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 1000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 50);

const DIRECTORY = `query ($filter: ExpertFilter, $first: Int, $after: String) {
  experts(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage }
    edges { node { id handle name position place { name } organization { name } specialties { name } cohorts { name } } }
  }
}`;
const PRACTICES = `query ($first: Int) { practices(first: $first) { totalCount edges { node { id title summary place { name } organization { name } topics { name } authors { name } endorsementCount viewerEndorsed viewerBookmarked viewCount } } } }`;
const THREADS = `query ($first: Int, $filter: ThreadFilter) { threads(first: $first, filter: $filter) { totalCount edges { node { id title kind replyCount author { name } topics { name } place { name } acceptedAnswer { id } viewerFollows viewerBookmarked viewCount } } } }`;
const REPLIES = `query ($id: ID!, $first: Int) { thread(id: $id) { title replies(first: $first) { edges { node { id depth bodyHtml author { name avatarUrl } voteCount viewerVoted } } } } }`;
const SEARCH = `query ($query: String!, $first: Int) { search(query: $query, first: $first) { totalCount edges { node { kind } } } }`;
const UPDATES = `query ($first: Int) { followUpdates(first: $first) { edges { node { kind at practice { title } thread { title replyCount } topics { name } experts { name } } } } }`;

/** A large, deterministic population: the demo people repeated with numbered names. */
async function seedPeople() {
  const demo = readData<ExpertRecord>('experts.json');
  const batch = [];
  for (let i = 0; i < PEOPLE; i++) {
    const base = demo[i % demo.length]!;
    const person = { ...base, handle: `${base.handle.slice(0, 22)}.${i}`, name: `${base.name} ${i}` };
    batch.push({
      handle: person.handle, name: person.name, sortName: sortNameOf(person.name), position: person.position,
      organization: person.organization, place: person.place, specialties: person.specialties, cohorts: person.cohorts,
      bio: person.bio, links: person.links, joinedAt: new Date(person.joinedAt), searchTokens: expertSearchTokens(person, null),
    });
  }
  for (let i = 0; i < batch.length; i += 500) await Expert.insertMany(batch.slice(i, i + 500), { ordered: false });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'expert-network-bench-'));
  const database = await startEmbeddedDatabase({ dataDir });
  await connectDatabase(database.uri, { dbName: 'bench', monitorCommands: true });
  let commands = 0;
  mongoose.connection.getClient().on('commandStarted', () => commands++);
  const yoga = createGraphQL({ NODE_ENV: 'production' }, createLogger('silent', false));
  let cookie = '';
  const ask = async (query: string, variables: Record<string, unknown>) => {
    const response = await yoga.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };

  try {
    await loadReferenceData();
    const seedStart = performance.now();
    await loadDemoData();
    await seedPeople();
    const seedSeconds = (performance.now() - seedStart) / 1000;
    // A demo member (with follows) reads the members-only lists.
    cookie = `__Host-session=${(await createSession(String(demoExpertId('linhnt')), 'bench')).token}`;
    const busiest = await Thread.findOne({}).sort({ replyCount: -1 }).lean();
    const busiestId = Buffer.from(`Thread:${String(busiest!._id)}`).toString('base64url');

    const firstPage = (await ask(DIRECTORY, { first: 20 })).experts;
    /** Rows measured; pairs that differ only in page size must cost the same number of commands. */
    const scenarios: [string, string, Record<string, unknown>][] = [
      ['directory, first page of 20', DIRECTORY, { first: 20 }],
      ['directory, page of 50', DIRECTORY, { first: 50 }],
      ['directory, a later page (after a cursor)', DIRECTORY, { first: 20, after: firstPage.pageInfo.endCursor }],
      ['filter: current province with predecessors (Đà Nẵng)', DIRECTORY, { first: 20, filter: { place: 'da-nang' } }],
      ['filter: ministry with its units (Bộ KH&CN)', DIRECTORY, { first: 20, filter: { organization: 'bo-khoa-hoc-va-cong-nghe' } }],
      ['filter: text without diacritics ("nguyen thi")', DIRECTORY, { first: 20, filter: { query: 'nguyen thi' } }],
      ['practices, page of 20', PRACTICES, { first: 20 }],
      ['practices, page of 50', PRACTICES, { first: 50 }],
      ['threads, page of 20', THREADS, { first: 20 }],
      ['threads, page of 50', THREADS, { first: 50 }],
      ['unanswered questions, page of 20', THREADS, { first: 20, filter: { unanswered: true } }],
      ['thread replies, 5', REPLIES, { id: busiestId, first: 5 }],
      ['thread replies, 20', REPLIES, { id: busiestId, first: 20 }],
      ['search "chuyen doi so", page of 10', SEARCH, { query: 'chuyen doi so', first: 10 }],
      ['search "chuyen doi so", page of 40', SEARCH, { query: 'chuyen doi so', first: 40 }],
      ['follow updates, page of 10', UPDATES, { first: 10 }],
      ['follow updates, page of 30', UPDATES, { first: 30 }],
    ];
    const samePagePairs: [string, string][] = [
      ['directory, first page of 20', 'directory, page of 50'],
      ['practices, page of 20', 'practices, page of 50'],
      ['threads, page of 20', 'threads, page of 50'],
      ['thread replies, 5', 'thread replies, 20'],
      ['search "chuyen doi so", page of 10', 'search "chuyen doi so", page of 40'],
      ['follow updates, page of 10', 'follow updates, page of 30'],
    ];

    const rows: string[] = [];
    const results: Record<string, { p50: number; commands: number }> = {};
    for (const [name, query, variables] of scenarios) {
      await ask(query, variables); // warm
      const times: number[] = [];
      commands = 0;
      const start = performance.now();
      for (let i = 0; i < REQUESTS; i++) {
        const t = performance.now();
        await ask(query, variables);
        times.push(performance.now() - t);
      }
      const seconds = (performance.now() - start) / 1000;
      times.sort((a, b) => a - b);
      const perRequest = commands / REQUESTS;
      results[name] = { p50: percentile(times, 50), commands: perRequest };
      rows.push(`| ${name} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${percentile(times, 99).toFixed(1)} | ${(REQUESTS / seconds).toFixed(0)} | ${perRequest.toFixed(1)} |`);
      console.log(rows.at(-1));
    }

    const ratios = samePagePairs.map(([small, large]) => ({ small, large, ratio: results[large]!.commands / results[small]!.commands }));
    const assetsDir = path.join(rootDir, 'web/dist/assets');
    const bundles = (() => {
      try {
        return readdirSync(assetsDir)
          .filter((f) => /\.(js|css)$/.test(f))
          .map((f) => {
            const bytes = readFileSync(path.join(assetsDir, f));
            return `| ${f} | ${(statSync(path.join(assetsDir, f)).size / 1024).toFixed(1)} | ${(gzipSync(bytes).length / 1024).toFixed(1)} |`;
          });
      } catch {
        return ['| (web/dist not built: run `npm run build`) | | |'];
      }
    })();

    const report = `# Benchmark results

Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: the demo network (practices, threads,
replies, follows) plus ${PEOPLE} more people in the embedded database (FerretDB 1.24 on SQLite, which
scans collections: absolute times are pessimistic next to MongoDB with its indexes), ${REQUESTS}
sequential GraphQL requests per row through Yoga in process; members-only rows as a signed-in member.
Seeding took ${seedSeconds.toFixed(1)} s.

| scenario | p50 ms | p95 ms | p99 ms | req/s | db commands / request |
| --- | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

Target (ratios in the same run): database commands for a larger page / for a smaller page of the
same list must be 1.00 (DataLoaders batch every reference and every viewer state):

| list | larger / smaller page |
| --- | ---: |
${ratios.map((r) => `| ${r.large} / ${r.small} | **${r.ratio.toFixed(2)}** |`).join('\n')}

## Web bundle

| file | KiB | gzip KiB |
| --- | ---: | ---: |
${bundles.join('\n')}
`;
    writeFileSync(path.join(rootDir, 'test/bench/RESULTS.md'), report);
    for (const r of ratios) console.log(`commands ${r.large} / ${r.small} = ${r.ratio.toFixed(2)}`);
    console.log('written test/bench/RESULTS.md');
    if (ratios.some((r) => r.ratio !== 1)) process.exitCode = 1;
  } finally {
    await disconnectDatabase();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
