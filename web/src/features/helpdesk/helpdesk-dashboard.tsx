import { createAsync } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { SelectField } from '../../components/form-field.tsx';
import { getHelpdeskDashboard, type HelpdeskMine } from './helpdesk.api.ts';
import { RequestRow, GroupOptions } from './helpdesk-parts.tsx';
import { ht } from './helpdesk-text.ts';

/** This month in Vietnam time (UTC+7), as YYYY-MM. */
const thisMonth = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);

/** The months a desk looks back over: this one and the 23 before it, newest first (a select works in every browser, unlike a month input). */
const recentMonths = () => {
  const [year, month] = thisMonth().split('-').map(Number) as [number, number];
  return Array.from({ length: 24 }, (_, back) => {
    const date = new Date(Date.UTC(year, month - 1 - back, 1));
    return date.toISOString().slice(0, 7);
  });
};

const monthLabel = (yearMonth: string) => {
  const [year, month] = yearMonth.split('-').map(Number) as [number, number];
  return ht('monthName', month, year);
};

/** The month's figures per group: medians and 90th percentiles in service hours, counts by status, and (for the desk) the overdue list. */
export function HelpdeskDashboardSection(props: { groups: HelpdeskMine['groups'] }) {
  const [month, setMonth] = createSignal(thisMonth());
  const [group, setGroup] = createSignal('');
  const dashboard = createAsync(() => getHelpdeskDashboard(month(), group() || null));
  return (
    <section class="helpdesk-section" aria-labelledby="helpdesk-dashboard-title">
      <h2 id="helpdesk-dashboard-title">{ht('dashboardHeading')}</h2>
      <div class="helpdesk-filters">
        <SelectField id="helpdesk-dashboard-month" name="month" label={ht('month')} onChange={setMonth}>
          <For each={recentMonths()}>
            {(m) => (
              <option value={m} selected={m === month()}>
                {monthLabel(m)}
              </option>
            )}
          </For>
        </SelectField>
        <SelectField id="helpdesk-dashboard-group" name="group" label={ht('group')} onChange={setGroup}>
          <option value="">{ht('allGroups')}</option>
          <GroupOptions groups={props.groups} chosen={group()} />
        </SelectField>
      </div>
      <Suspense>
        <Show when={dashboard()}>
          {(d) => (
            <>
              <table class="helpdesk-figures">
                <caption>
                  {ht('dashboardHeading')}: {monthLabel(d().month)}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{ht('measure')}</th>
                    <th scope="col">{ht('count')}</th>
                    <th scope="col">{ht('median')}</th>
                    <th scope="col">{ht('p90')}</th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">{ht('firstResponse')}</th>
                    <td>{d().firstResponse.count}</td>
                    <td data-figure="first-response-median">{ht('hours', d().firstResponse.median)}</td>
                    <td>{ht('hours', d().firstResponse.p90)}</td>
                  </tr>
                  <tr>
                    <th scope="row">{ht('resolution')}</th>
                    <td>{d().resolution.count}</td>
                    <td>{ht('hours', d().resolution.median)}</td>
                    <td>{ht('hours', d().resolution.p90)}</td>
                  </tr>
                </tbody>
              </table>
              <p class="helpdesk-counts">
                {ht('counts')}: {ht('status.NEW')} {d().counts.new} · {ht('status.ASSIGNED')} {d().counts.assigned} · {ht('status.ANSWERED')} {d().counts.answered} · {ht('status.CLOSED')}{' '}
                {d().counts.closed}
              </p>
              <Show when={d().overdue.length}>
                <h3>{ht('overdueHeading')}</h3>
                <ul class="helpdesk-list">
                  <For each={d().overdue}>{(item) => <RequestRow request={item.request} note={ht(`overdueKind.${item.kind}`)} />}</For>
                </ul>
              </Show>
            </>
          )}
        </Show>
      </Suspense>
    </section>
  );
}
