import './programme.css';
import { A, createAsync, useSearchParams } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { locale } from '../../i18n/i18n.ts';
import { canAdminister, getViewer } from '../account/account.api.ts';
import { WorkingGroupNav } from '../group/working-group-nav.tsx';
import { getPeriods, getProgrammeHome } from './programme.api.ts';
import { ForMembers, PeriodPicker, TargetText } from './programme-parts.tsx';
import { pt } from './programme-text.ts';

/** The period asked for in ?period=, else the latest with submitted reports, else the current one. */
export function usePeriod() {
  const [params] = useSearchParams();
  const periods = createAsync(() => getPeriods());
  const period = () => {
    const asked = typeof params.period === 'string' && /^\d{4}-H[12]$/.test(params.period) ? params.period : null;
    const known = periods();
    return asked ?? known?.programmePeriods[0] ?? known?.currentProgrammePeriod ?? null;
  };
  const choices = () => {
    const known = periods();
    return known ? [...new Set([known.currentProgrammePeriod, ...known.programmePeriods])] : [];
  };
  return { period, choices };
}

/** /programme: the criteria in force with their targets and the share of units meeting each. */
export default function ProgrammePage() {
  return (
    <ForMembers>
      <ProgrammeHome />
    </ForMembers>
  );
}

function ProgrammeHome() {
  const viewer = createAsync(() => getViewer());
  const { period, choices } = usePeriod();
  const home = createAsync(async () => (period() ? getProgrammeHome(period()!) : undefined));
  return (
    <div class="programme-page">
      <DocumentTitle text={pt('title')} />
      <WorkingGroupNav />
      <header class="page-header">
        <h1 id="page-title">{pt('title')}</h1>
        <p class="lead">{pt('intro')}</p>
        <Show when={canAdminister(viewer()?.role)}>
          <p>
            <A class="button button-secondary" href="/programme/admin">
              {pt('adminTitle')}
            </A>
          </p>
        </Show>
      </header>
      <SectionError>
        <Suspense fallback={<PageLoading />}>
          <Show when={home()}>
            {(data) => (
              <Show when={data().programmeFramework} fallback={<p class="empty-note">{pt('noFramework')}</p>}>
                {(framework) => (
                  <>
                    <section class="programme-framework" aria-labelledby="framework-title">
                      <h2 id="framework-title">{framework().title}</h2>
                      <p>{framework().description}</p>
                      <p class="programme-source">
                        {pt('source')}: {framework().source}
                      </p>
                      <Show when={data().myProgrammeOrganizations.length}>
                        <p>
                          <A class="button" href="/programme/report">
                            {pt('reportTitle')}
                          </A>
                        </p>
                      </Show>
                    </section>
                    <PeriodPicker periods={choices()} current={period()!} />
                    <table class="programme-table programme-stack">
                      <caption>
                        {pt('meetingShare')}: {pt('periodName', period()!)}
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">{pt('code')}</th>
                          <th scope="col">{pt('criterion')}</th>
                          <th scope="col">{pt('target')}</th>
                          <th scope="col">{pt('deadline')}</th>
                          <th scope="col">{pt('level')}</th>
                          <th scope="col">{pt('meetingShare')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={framework().criteria}>
                          {(criterion) => (
                            <tr>
                              <td>{criterion.code}</td>
                              <th scope="row">
                                <A href={`/programme/criteria/${encodeURIComponent(criterion.code)}?period=${period()}`}>
                                  {locale() === 'en' && criterion.titleEn ? criterion.titleEn : criterion.title}
                                </A>
                              </th>
                              <td data-label={pt('target')}>
                                <TargetText unit={criterion.unit} target={criterion.target} />
                              </td>
                              <td data-label={pt('deadline')}>{criterion.deadline ?? '—'}</td>
                              <td data-label={pt('level')}>{pt(`levels.${criterion.level}`)}</td>
                              <td data-label={pt('meetingShare')}>
                                <Show when={criterion.results.reporting} fallback={pt('meetingOf', 0, 0)}>
                                  <span class="programme-share">
                                    <meter min="0" max={criterion.results.reporting} value={criterion.results.meeting} /> {pt('meetingOf', criterion.results.meeting, criterion.results.reporting)}
                                  </span>
                                </Show>
                              </td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </>
                )}
              </Show>
            )}
          </Show>
        </Suspense>
      </SectionError>
    </div>
  );
}
