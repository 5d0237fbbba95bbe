// test/bench/RESULTS.md: the measurements of one run, and the issue's targets checked against them.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { rootDir } from '../../server/config.ts';
import type { Size } from './dataset.ts';
import { OLDER_WINDOW, type LoadResult, type Memory, type Timing } from './measure.ts';

export interface ScaleResults {
  scale: number;
  /** A visitor's first load of each main page (test/bench/transfer.ts), measured at the first scale only. */
  transfer: string[] | null;
  size: Size;
  counts: { people: number; practices: number; threads: number; replies: number };
  seedSeconds: number;
  /** One-minute load average before and after the measurements: the machine is shared. */
  loadBefore: number;
  loadAfter: number;
  serial: ({ key: string; label: string; list: boolean; requests: number; commands: number } & Timing)[];
  /** The commands of one request of each list at page sizes 10 and 50, as "name collection" lines. */
  pageSizes: { label: string; at10: string[]; at50: string[] }[];
  homeCommands: { graphql: string[]; plain: string[] };
  loads: { key: string; label: string; requestsPerPage: number; results: (LoadResult & { drained: number; loadAverage: number })[] }[];
  /** The practice page at one connection, alone and while the worst requests are sent (test/bench/hostile.ts), in alternating rounds. */
  hostile: { quiet: LoadResult; attacked: LoadResult; attacker: LoadResult }[];
  /** GraphQL's home feed and the plain endpoint in alternating runs: mean req/s, and each round's ratio. */
  paired: { connections: number; graphql: number; plain: number; ratios: number[] }[];
  /**
   * The replies posted under load: acknowledged (answered with the reply, warm-ups included) and
   * how many of those are stored; how many of the threads written to store a reply count other
   * than their replies'.
   */
  counters: { threads: number; wrong: number; acknowledged: number; stored: number };
  memory: Record<'server' | 'ferretdb' | 'postgres', Memory | null>;
}

export interface Results {
  date: Date;
  engine: string;
  machine: { cpus: number; model: string; memoryGiB: number; node: string };
  samples: number;
  seconds: number;
  concurrencies: number[];
  pairing: { rounds: number; seconds: number };
  scales: ScaleResults[];
  bundles: string[];
  external: boolean;
}

/** The served web bundle, file by file (raw and gzipped). */
export function bundleRows(): string[] {
  const assetsDir = path.join(rootDir, 'web/dist/assets');
  try {
    return readdirSync(assetsDir)
      .filter((f) => /\.(js|css)$/.test(f))
      .sort()
      .map((f) => {
        const bytes = readFileSync(path.join(assetsDir, f));
        return `| ${f} | ${(statSync(path.join(assetsDir, f)).size / 1024).toFixed(1)} | ${(gzipSync(bytes).length / 1024).toFixed(1)} |`;
      });
  } catch {
    return ['| (web/dist not built: run `npm run build`) | | |'];
  }
}

const tally = (lines: string[]) => lines.reduce((acc, line) => acc.set(line, (acc.get(line) ?? 0) + 1), new Map<string, number>());
const describe = (lines: string[]) => [...tally(lines)].map(([line, n]) => `${n}× ${line}`).join(', ');

/** A DataLoader's batch: one `$in` by id. */
const isBatch = (line: string) => line.endsWith('{"_id":{"$in":"…"}}');
/** A newest-first list reading an older date window (schema/connection.ts findNewestFirst). */
const isOlderWindow = (line: string) => line.endsWith(OLDER_WINDOW);

/**
 * How the commands of a page of 50 differ from those of a page of 10. Per-item work (an N+1)
 * sends a command more often the more items there are. A loader that had nothing to load among
 * the first 10 items (no accepted answer yet, no practice among the search hits) sends its one
 * `$in` batch only at 50: that is the page's data, not its cost growing. Nor is a list reading
 * an older date window when the newest held 11 items but not 51.
 */
export function compareSizes(at10: string[], at50: string[]): { verdict: 'equal' | 'first batch' | 'grows'; extra: string[] } {
  const small = tally(at10);
  const extra: string[] = [];
  let grows = false;
  for (const [line, n] of tally(at50)) {
    const more = n - (small.get(line) ?? 0);
    if (more <= 0) continue;
    extra.push(`${more}× ${line}`);
    if (!isOlderWindow(line) && (more > 1 || !isBatch(line))) grows = true;
  }
  return { verdict: grows ? 'grows' : extra.length || at10.length !== at50.length ? 'first batch' : 'equal', extra };
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const yes = (met: boolean | null) => (met === null ? 'not measured' : met ? '**met**' : '**not met**');

interface Target {
  target: string;
  measured: string;
  met: boolean | null;
}

function targets(results: Results): Target[] {
  const base = results.scales.find((s) => s.scale === 1) ?? results.scales[0]!;
  const top = results.scales.at(-1)!;
  const at = `scale ${base.scale}`;
  const serial = (key: string) => base.serial.find((r) => r.key === key);
  const list: Target[] = [];
  for (const key of ['directory', 'directory-filtered', 'practices', 'practice', 'thread-20', 'follow-updates']) {
    const row = serial(key)!;
    list.push({ target: `serial median ≤ 50 ms: ${row.label}`, measured: `${ms(row.p50)} ms (${at})`, met: row.p50 <= 50 });
  }
  const search = serial('search')!;
  list.push({ target: 'serial median ≤ 100 ms: search', measured: `${ms(search.p50)} ms (${at})`, met: search.p50 <= 100 });

  const practices16 = base.loads.find((l) => l.key === 'practices')?.results.find((r) => r.connections === 16);
  list.push({
    target: 'practice list at 16 connections: ≥ 50 req/s, p99 ≤ 500 ms',
    measured: practices16 ? `${practices16.requestsPerSecond.toFixed(1)} req/s, p99 ${practices16.p99} ms, ${practices16.errors} errors (${at})` : '–',
    met: practices16 ? practices16.requestsPerSecond >= 50 && practices16.p99 <= 500 && practices16.errors === 0 : null,
  });

  for (const row of base.serial.filter((r) => r.list)) {
    const bigger = top === base ? undefined : top.serial.find((r) => r.key === row.key);
    const ratio = bigger ? bigger.p50 / row.p50 : NaN;
    list.push({
      target: `scale ${top.scale} / scale ${base.scale} median ≤ 1.5: ${row.label}`,
      measured: bigger ? `${ratio.toFixed(2)} (${ms(bigger.p50)} / ${ms(row.p50)} ms)` : '– (one scale measured)',
      met: bigger ? ratio <= 1.5 : null,
    });
  }

  // The median round: one round's p99 rests on its few slowest requests, which a busy machine moves.
  const rounds = base.hostile.map((h) => ({ ...h, ratio: h.attacked.p99 / h.quiet.p99 }));
  const median = [...rounds].sort((a, b) => a.ratio - b.ratio)[rounds.length >> 1]!;
  list.push({
    target: 'a normal request (practice page) beside the worst requests: p99 ≤ 3 × its quiet p99',
    measured: `${median.ratio.toFixed(2)} (median of ${rounds.length} rounds: ${rounds.map((h) => `${h.attacked.p99} / ${h.quiet.p99} ms`).join(', ')}; ${median.attacker.requestsPerSecond.toFixed(1)} req/s of the worst requests; ${at})`,
    met: median.ratio <= 3 && rounds.every((h) => h.attacked.errors === 0),
  });

  const paired16 = base.paired.find((p) => p.connections === 16);
  list.push({
    target: 'GraphQL home feed ≥ 0.8 × the plain endpoint (16 connections)',
    measured: paired16
      ? `${(paired16.graphql / paired16.plain).toFixed(2)} (${paired16.graphql.toFixed(1)} / ${paired16.plain.toFixed(1)} req/s; rounds ${paired16.ratios.map((r) => r.toFixed(2)).join(', ')}; ${at})`
      : '–',
    met: paired16 ? paired16.graphql / paired16.plain >= 0.8 : null,
  });

  const compared = results.scales.flatMap((s) => s.pageSizes.map((p) => ({ scale: s.scale, label: p.label, ...compareSizes(p.at10, p.at50), at10: p.at10.length, at50: p.at50.length })));
  const growing = compared.filter((c) => c.verdict === 'grows');
  const batches = compared.filter((c) => c.verdict === 'first batch');
  list.push({
    target: 'database commands per list request equal at page sizes 10 and 50',
    measured: growing.length
      ? `grows: ${growing.map((c) => `${c.label} at scale ${c.scale} (${c.at10} → ${c.at50}: ${c.extra.join(', ')})`).join('; ')}`
      : `no command repeats with the page size: ${compared.length - batches.length} of ${compared.length} (list, scale) pairs equal; ${batches.length ? `${batches.map((c) => `${c.label} at scale ${c.scale} (${c.at10} → ${c.at50})`).join(', ')} add a loader's batch that had nothing to load among 10 items, or an older date window (see below)` : 'none differ'}`,
    met: growing.length === 0,
  });
  return list;
}

function describeMemory(m: Memory | null): string {
  return m ? `| ${m.processes} | ${m.rss.toFixed(0)} | ${m.pss.toFixed(0)} |` : '| – | – | – |';
}

export function writeResults(results: Results): string {
  const { scales } = results;
  const base = scales.find((s) => s.scale === 1) ?? scales[0]!;
  const list = targets(results);
  const header = (cells: string[], align: string[]) => `| ${cells.join(' | ')} |\n| ${align.join(' | ')} |`;

  const serialRows = base.serial.map((row) => {
    const cells = scales.flatMap((s) => {
      const r = s.serial.find((x) => x.key === row.key)!;
      return [ms(r.p50), ms(r.p95)];
    });
    const top = scales.at(-1)!.serial.find((x) => x.key === row.key)!;
    const ratio = scales.length > 1 ? (top.p50 / row.p50).toFixed(2) : '–';
    return `| ${row.label} | ${row.requests} | ${row.commands.toFixed(1)} | ${cells.join(' | ')} | ${ratio} |`;
  });

  const loadTables = scales.map((s) => {
    const rows = s.loads.flatMap((l) =>
      l.results.map(
        (r) =>
          `| ${l.label} | ${r.connections}${r.oneRound ? ' (one round)' : ''} | ${r.requestsPerSecond.toFixed(1)} | ${l.requestsPerPage > 1 ? (r.requestsPerSecond / l.requestsPerPage).toFixed(1) : ''} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.loadAverage.toFixed(1)} | ${r.drained >= 1 ? r.drained.toFixed(0) : ''} |`,
      ),
    );
    const c = s.counters;
    return `### Scale ${s.scale}\n\n${header(['page', 'connections', 'req/s', 'pages/s', 'p50 ms', 'p99 ms', 'errors', 'load avg', 'drain s'], ['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:'])}\n${rows.join('\n')}

Replies posted: ${c.acknowledged} acknowledged (warm-ups included), ${c.stored === c.acknowledged ? 'every one of them stored' : `**${c.acknowledged - c.stored} of them missing**`}; the reply count of ${c.wrong} of the ${c.threads} threads written to differs from its replies${c.wrong ? ' (**lost or doubled counter updates**)' : ''}.`;
  });

  const plainTables = scales.map((s) =>
    s.paired
      .map((p) => `| ${s.scale} | ${p.connections} | ${p.graphql.toFixed(1)} | ${p.plain.toFixed(1)} | **${(p.graphql / p.plain).toFixed(2)}** | ${p.ratios.map((r) => r.toFixed(2)).join(', ')} |`)
      .join('\n'),
  );
  const sameCommands = (s: ScaleResults) => JSON.stringify(s.homeCommands.graphql) === JSON.stringify(s.homeCommands.plain);
  const commandLines = scales.map((s) => {
    const { graphql, plain } = s.homeCommands;
    return sameCommands(s)
      ? `- scale ${s.scale}: the same ${graphql.length} commands for the two requests (${describe(graphql)}).`
      : `- scale ${s.scale}: **different commands**: GraphQL ${graphql.length} (${describe(graphql)}); plain ${plain.length} (${describe(plain)}).`;
  });

  const pageSizeRows = base.pageSizes.map((p) => {
    const cells = scales.map((s) => {
      const q = s.pageSizes.find((x) => x.label === p.label)!;
      return `${q.at10.length} / ${q.at50.length}`;
    });
    const notes = scales.flatMap((s) => {
      const q = s.pageSizes.find((x) => x.label === p.label)!;
      const { verdict, extra } = compareSizes(q.at10, q.at50);
      if (verdict === 'equal') return [];
      return [`scale ${s.scale}: ${verdict === 'grows' ? '**grows**' : "a loader's first batch or an older date window"}: ${extra.join(', ')}`];
    });
    return `| ${p.label} | ${cells.join(' | ')} | ${notes.join('; ') || 'equal'} |`;
  });
  const pageSizeCommands = base.pageSizes.map((p) => `- ${p.label}: ${describe(p.at50)}`);

  const memoryRows = scales.flatMap((s) => [
    `| ${s.scale} | server (Node) ${describeMemory(s.memory.server)}`,
    `| ${s.scale} | FerretDB ${describeMemory(s.memory.ferretdb)}`,
    `| ${s.scale} | PostgreSQL (postmaster and its backends) ${describeMemory(s.memory.postgres)}`,
  ]);

  const { machine } = results;
  const report = `# Benchmark results

Generated by \`npm run bench\` (BENCH_SCALES=${scales.map((s) => s.scale).join(',')}) on ${results.date.toISOString().replace('T', ' ').slice(0, 16)} UTC.
Machine: ${machine.cpus} CPUs (${machine.model}), ${machine.memoryGiB.toFixed(1)} GiB memory, Node ${machine.node}.
Database: ${results.engine}.
The machine is shared: the one-minute load average was ${scales.map((s) => `${s.loadBefore.toFixed(1)} → ${s.loadAfter.toFixed(1)} at scale ${s.scale}`).join(', ')}
(2 would fill both CPUs); absolute figures move with it, ratios measured in the same run much less.

How: the product's HTTP server (server/http.ts, production settings, metrics on) runs in a child
process on 127.0.0.1; every request goes over HTTP. Each page is the GraphQL requests the web app
sends for it (documents read from web/src), members-only pages and search as a demo member
(signed in with a session cookie), the others anonymous. Serial: ${results.samples} page loads per page, one
after another, after 3 unmeasured. Load: autocannon, ${results.seconds} s per run after 1 s unmeasured,
each connection sending the page's requests in turn; posting a reply rotates 1,000 signed-in
people (the write limit is per person) over 32 demo threads.

## Targets

${header(['target', 'measured', 'met'], ['---', '---', '---'])}
${list.map((t) => `| ${t.target} | ${t.measured} | ${yes(t.met)} |`).join('\n')}

## Data

Scale 1 is the demo network plus 1,000 people and one thread with 200 replies; scale 4 adds
people, practices, threads and replies up to about 4,000, 10,000, 10,000 and 60,000
(test/bench/dataset.ts: copies of the demo records with other authors and dates, the text and what
is derived from it at write time copied along; reply, vote and endorsement counts exact). The
authors and repliers of synthetic threads follow them, as replying does in the product.

${header(['scale', 'people', 'practices', 'threads', 'replies', 'seeded in'], ['---:', '---:', '---:', '---:', '---:', '---:'])}
${scales.map((s) => `| ${s.scale} | ${s.counts.people} | ${s.counts.practices} | ${s.counts.threads} | ${s.counts.replies} | ${s.seedSeconds.toFixed(0)} s |`).join('\n')}

## Serial page loads

Milliseconds per page (all its requests); database commands per page at scale ${base.scale}.

${header(['page', 'requests', 'db commands', ...scales.flatMap((s) => [`scale ${s.scale} p50`, `scale ${s.scale} p95`]), `p50 scale ${scales.at(-1)!.scale} / ${base.scale}`], ['---', '---:', '---:', ...scales.flatMap(() => ['---:', '---:']), '---:'])}
${serialRows.join('\n')}

## Throughput under load

req/s counts HTTP requests (a page of several requests counts each; pages/s divides them).
Latencies are per request; errors are failed connections, timeouts, non-2xx answers and answers
with GraphQL errors (for a reply: anything but the reply). Load avg: the machine's one-minute load
average as the run started. Drain: seconds the server still worked on requests the previous run
had abandoned, before this run started (runs wait for it, up to 90 s). "One round": no request came
back within the run, each taking longer under that load; the row then times one request per
connection, all sent at once and all awaited.

${loadTables.join('\n\n')}

## GraphQL against a plain endpoint

test/bench/plain-home.ts answers the home feed (the web app's HomePractices and HomeThreads) with
the same driver reads, batched the same way, without GraphQL. Both run in the same server process,
in alternating runs (${results.pairing.rounds} of ${results.pairing.seconds} s each) of each at every concurrency, so that the load of other users falls on both alike;
not where the home feed was overloaded (then both wait on the same database reads).

${header(['scale', 'connections', 'GraphQL req/s', 'plain req/s', 'GraphQL / plain', 'each round'], ['---:', '---:', '---:', '---:', '---:', '---'])}
${plainTables.filter(Boolean).join('\n')}

Database commands of one home feed (both requests, with the viewer's session and person):
${commandLines.join('\n')}

## Database commands per list request at page sizes 10 and 50

Counted by the driver's command monitoring in the server process, one request after one
unmeasured. A command that the page of 10 already sends and the page of 50 sends more often would
be per-item work (an N+1): that fails the target. A loader that had nothing to load among the first
10 items sends its one batch only at 50: that is told apart.

${header(['list', ...scales.map((s) => `scale ${s.scale}: 10 / 50`), 'difference'], ['---', ...scales.map(() => '---:'), '---'])}
${pageSizeRows.join('\n')}

The commands of one request at page size 50, scale ${base.scale}:
${pageSizeCommands.join('\n')}

## Resident memory after the load

RSS sums each process's resident pages (pages PostgreSQL's processes share, such as its shared
buffers, count once per process); PSS splits shared pages between their sharers, so the PSS sum is
what the group really holds.${results.external ? ' With BENCH_MONGODB_URI the database processes are not ours to measure.' : ''}

${header(['scale', 'process', 'processes', 'RSS MiB', 'PSS MiB'], ['---:', '---', '---:', '---:', '---:'])}
${memoryRows.join('\n')}

## First load per page

A visitor with an empty cache, in headless Chromium: scripts and their brotli bytes as sent, and
everything the page received (HTML, styles, scripts, API answers, headers). The home page's budget
is 8 scripts and 50 KB of JavaScript (\`test/e2e/first-load.test.ts\`).

${results.scales[0]?.transfer?.join('\n') ?? 'Not measured.'}

## Web bundle

${header(['file', 'KiB', 'gzip KiB'], ['---', '---:', '---:'])}
${results.bundles.join('\n')}
`;
  writeFileSync(path.join(rootDir, 'test/bench/RESULTS.md'), report);
  return list.map((t) => `${t.met === null ? '  ?' : t.met ? 'met' : 'NOT'}  ${t.target}: ${t.measured}`).join('\n');
}
