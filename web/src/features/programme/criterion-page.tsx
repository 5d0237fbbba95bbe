import './programme.css';
import { A, createAsync, useParams, useSearchParams } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { locale } from '../../i18n/i18n.ts';
import { WorkingGroupNav } from '../group/working-group-nav.tsx';
import { getCriterionView } from './programme.api.ts';
import { ForMembers, CriterionMap, CsvLink, formatValue, PeriodPicker, statusText, TargetText } from './programme-parts.tsx';
import { usePeriod } from './programme-page.tsx';
import { pt } from './programme-text.ts';

/** /programme/criteria/:code: every unit's value on one criterion in a period, as a map and a table, and as CSV. */
export default function CriterionPage() {
  return (
    <ForMembers>
      <CriterionView />
    </ForMembers>
  );
}

function CriterionView() {
  const params = useParams<{ code: string }>();
  const [search] = useSearchParams();
  const { period, choices } = usePeriod();
  // ?framework=CODE shows a criterion of an earlier version of the criteria; the one in force otherwise.
  const framework = () => (typeof search.framework === 'string' && /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(search.framework) ? search.framework : null);
  const view = createAsync(async () => (period() ? getCriterionView(framework(), period()!) : undefined));
  const criterion = () => view()?.programmeFramework?.criteria.find((c) => c.code === params.code) ?? null;
  return (
    <div class="programme-page">
      <WorkingGroupNav />
      <SectionError>
        <Suspense fallback={<PageLoading />}>
          <Show when={view()}>
            <Show when={criterion()} fallback={<p class="empty-note">{pt('noFramework')}</p>}>
              {(c) => (
                <>
                  <DocumentTitle text={`${c().code}: ${c().title}`} />
                  <header class="page-header">
                    <p>
                      <A href="/programme">{pt('allCriteria')}</A>
                    </p>
                    <h1 id="page-title">
                      {c().code}: {locale() === 'en' && c().titleEn ? c().titleEn : c().title}
                    </h1>
                    <p class="lead">
                      {pt('target')}: <TargetText unit={c().unit} target={c().target} /> · {pt('unit')}: {pt(`units.${c().unit}`)} · {pt('level')}: {pt(`levels.${c().level}`)}
                      <Show when={c().deadline}>
                        {' '}
                        · {pt('deadline')}: {c().deadline}
                      </Show>
                    </p>
                    <p>
                      {pt('meetingShare')}: <strong class="programme-meeting">{pt('meetingOf', c().results.meeting, c().results.reporting)}</strong>
                    </p>
                  </header>
                  <div class="programme-toolbar">
                    <PeriodPicker periods={choices()} current={period()!} extra={framework() ? { framework: framework()! } : {}} />
                    <CsvLink csv={c().results.csv} filename={`${c().code}-${period()}.csv`} />
                  </div>
                  <Show when={c().level !== 'MINISTRY'}>
                    <CriterionMap places={view()!.places} values={c().results.values} unit={c().unit} />
                  </Show>
                  <Show when={c().results.values.length} fallback={<p class="empty-note">{pt('noValues')}</p>}>
                    <table class="programme-table programme-values programme-stack">
                      <caption>{pt('tableCaption', c().code, pt('periodName', period()!))}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{pt('organization')}</th>
                          <th scope="col">{pt('value')}</th>
                          <th scope="col">{pt('result')}</th>
                          <th scope="col">{pt('status')}</th>
                          <th scope="col">{pt('evidence')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={c().results.values}>
                          {(value) => (
                            <tr data-organization={value.organization.slug}>
                              <th scope="row">
                                <A href={`/programme/organizations/${value.organization.slug}`}>{value.organization.name}</A>
                              </th>
                              <td data-label={pt('value')}>{formatValue(c().unit, value.value)}</td>
                              <td data-label={pt('result')}>{value.meetsTarget ? pt('meets') : pt('misses')}</td>
                              <td data-label={pt('status')}>{statusText(value.status)}</td>
                              <td data-label={pt('evidence')}>
                                <For each={value.evidence}>
                                  {(link, i) => (
                                    <>
                                      {i() ? ', ' : ''}
                                      <a href={link} rel="external noopener" target="_blank">
                                        {i() + 1}
                                      </a>
                                    </>
                                  )}
                                </For>
                              </td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </Show>
                </>
              )}
            </Show>
          </Show>
        </Suspense>
      </SectionError>
    </div>
  );
}
