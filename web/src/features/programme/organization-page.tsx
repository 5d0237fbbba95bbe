import './programme.css';
import { A, createAsync, useParams } from '@solidjs/router';
import { createMemo, For, Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { locale } from '../../i18n/i18n.ts';
import { WorkingGroupNav } from '../group/working-group-nav.tsx';
import { getProgress, type ProgrammeProgress } from './programme.api.ts';
import { ForMembers, CsvLink, formatValue } from './programme-parts.tsx';
import { pt } from './programme-text.ts';

/** /programme/organizations/:slug: one organisation's criteria across its submitted periods, and as CSV. */
export default function OrganizationProgressPage() {
  return (
    <ForMembers>
      <OrganizationProgress />
    </ForMembers>
  );
}

function OrganizationProgress() {
  const params = useParams<{ slug: string }>();
  const progress = createAsync(() => getProgress(params.slug));
  return (
    <div class="programme-page">
      <WorkingGroupNav />
      <SectionError>
        <Suspense fallback={<PageLoading />}>
          <Show when={progress()}>{(data) => <Progress progress={data()} />}</Show>
        </Suspense>
      </SectionError>
    </div>
  );
}

function Progress(props: { progress: ProgrammeProgress }) {
  // One row per criterion (as the latest report's framework defines it), one column per period.
  const rows = createMemo(() => {
    const byCode = new Map<string, { code: string; title: string; unit: 'PERCENT' | 'COUNT' | 'YES_NO' | 'DATE'; framework: string; cells: Map<string, { value: string | null; meets: boolean }> }>();
    for (const report of props.progress.reports)
      for (const entry of report.entries) {
        // Each report's own framework defines its criteria (an older version for older periods).
        const criterion = report.framework?.criteria.find((c) => c.code === entry.criterionCode);
        if (!criterion) continue;
        const title = locale() === 'en' && criterion.titleEn ? criterion.titleEn : criterion.title;
        const row = byCode.get(criterion.code) ?? { code: criterion.code, title, unit: criterion.unit, framework: '', cells: new Map() };
        row.title = title;
        row.framework = report.framework?.code ?? '';
        row.cells.set(report.period, { value: entry.value, meets: entry.meetsTarget });
        byCode.set(criterion.code, row);
      }
    return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
  });
  const periods = () => props.progress.reports.map((r) => r.period);
  const name = () => props.progress.organization.name;
  return (
    <>
      <DocumentTitle text={pt('progressTitle', name())} />
      <header class="page-header">
        <p>
          <A href="/programme">{pt('allCriteria')}</A>
        </p>
        <h1 id="page-title">{pt('progressTitle', name())}</h1>
        <p class="lead">{pt('progressIntro')}</p>
      </header>
      <Show when={props.progress.reports.length} fallback={<p class="empty-note">{pt('noReports')}</p>}>
        <div class="programme-toolbar">
          <CsvLink csv={props.progress.csv} filename={`${props.progress.organization.slug}.csv`} />
        </div>
        <table class="programme-table programme-progress">
          <caption>{pt('progressTitle', name())}</caption>
          <thead>
            <tr>
              <th scope="col">{pt('criterion')}</th>
              <For each={props.progress.reports}>
                {(report) => (
                  <th scope="col">
                    {pt('periodName', report.period)}
                    <Show when={report.version > 1}> (v{report.version})</Show>
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(row) => (
                <tr>
                  <th scope="row">
                    <A href={`/programme/criteria/${row.code}?framework=${encodeURIComponent(row.framework)}`}>{row.code}</A> {row.title}
                  </th>
                  <For each={periods()}>
                    {(period) => {
                      const cell = () => row.cells.get(period);
                      return (
                        <td classList={{ 'programme-meets': Boolean(cell()?.meets) }}>
                          {formatValue(row.unit, cell()?.value)}
                          <Show when={cell()?.value}>
                            <span class="visually-hidden"> ({cell()!.meets ? pt('meets') : pt('misses')})</span>
                            <span aria-hidden="true">{cell()!.meets ? ' ✓' : ''}</span>
                          </Show>
                        </td>
                      );
                    }}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </>
  );
}
