// `npm run bench`: seeds a large directory into a fresh embedded database and measures the API
// in process: latency percentiles, throughput, database commands per request, bundle sizes.
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
import { loadReferenceData, readData, type ExpertRecord } from '../../seeds/load.ts';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 1000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 50);

const DIRECTORY = `query ($filter: ExpertFilter, $first: Int, $after: String) {
  experts(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage }
    edges { node { id handle name position place { name } organization { name } specialties { name } cohorts { name } } }
  }
}`;

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
  const ask = async (variables: Record<string, unknown>) => {
    const response = await yoga.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: DIRECTORY, variables }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data.experts;
  };

  try {
    await loadReferenceData();
    const seedStart = performance.now();
    await seedPeople();
    const seedSeconds = (performance.now() - seedStart) / 1000;

    const firstPage = await ask({ first: 20 });
    const scenarios: [string, Record<string, unknown>][] = [
      ['directory, first page of 20', { first: 20 }],
      ['directory, page of 50', { first: 50 }],
      ['directory, a later page (after a cursor)', { first: 20, after: firstPage.pageInfo.endCursor }],
      ['filter: current province with predecessors (Đà Nẵng)', { first: 20, filter: { place: 'da-nang' } }],
      ['filter: ministry with its units (Bộ KH&CN)', { first: 20, filter: { organization: 'bo-khoa-hoc-va-cong-nghe' } }],
      ['filter: text without diacritics ("nguyen thi")', { first: 20, filter: { query: 'nguyen thi' } }],
    ];

    const rows: string[] = [];
    const results: Record<string, { p50: number; commands: number }> = {};
    for (const [name, variables] of scenarios) {
      await ask(variables); // warm
      const times: number[] = [];
      commands = 0;
      const start = performance.now();
      for (let i = 0; i < REQUESTS; i++) {
        const t = performance.now();
        await ask(variables);
        times.push(performance.now() - t);
      }
      const seconds = (performance.now() - start) / 1000;
      times.sort((a, b) => a - b);
      const perRequest = commands / REQUESTS;
      results[name] = { p50: percentile(times, 50), commands: perRequest };
      rows.push(`| ${name} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${percentile(times, 99).toFixed(1)} | ${(REQUESTS / seconds).toFixed(0)} | ${perRequest.toFixed(1)} |`);
      console.log(rows.at(-1));
    }

    const ratio = results['directory, page of 50']!.commands / results['directory, first page of 20']!.commands;
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

Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${PEOPLE} people in the embedded
database (FerretDB 1.24 on SQLite, which scans collections: absolute times are pessimistic next to
MongoDB with its indexes), ${REQUESTS} sequential GraphQL requests per row through Yoga in process.
Seeding took ${seedSeconds.toFixed(1)} s.

| scenario | p50 ms | p95 ms | p99 ms | req/s | db commands / request |
| --- | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

Target (ratio in the same run): commands for a page of 50 / commands for a page of 20 = **${ratio.toFixed(2)}** (must be 1.00: DataLoaders batch every reference).

## Web bundle

| file | KiB | gzip KiB |
| --- | ---: | ---: |
${bundles.join('\n')}
`;
    writeFileSync(path.join(rootDir, 'test/bench/RESULTS.md'), report);
    console.log(`\ncommands ratio page50/page20 = ${ratio.toFixed(2)}; written test/bench/RESULTS.md`);
    if (ratio !== 1) process.exitCode = 1;
  } finally {
    await disconnectDatabase();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
