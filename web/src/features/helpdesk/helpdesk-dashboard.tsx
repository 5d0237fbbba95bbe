import { createAsync } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { localName } from '../../i18n/i18n.ts';
import { getHelpdeskDashboard, type HelpdeskMine } from './helpdesk.api.ts';
import { RequestRow } from './helpdesk-parts.tsx';
import { ht } from './helpdesk-text.ts';

/** This month in Vietnam time (UTC+7), as YYYY-MM. */
const thisMonth = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);

/** The month's figures per group: medians and 90th percentiles in service hours, counts by status, and (for the desk) the overdue list. */
export function HelpdeskDashboardSection(props: { groups: HelpdeskMine['groups'] }) {
  const [month, setMonth] = createSignal(thisMonth());
  const [group, setGroup] = createSignal('');
  const dashboard = createAsync(() => getHelpdeskDashboard(month(), group() || null));
  return (
    <section class="helpdesk-section" aria-labelledby="helpdesk-dashboard-title">
      <h2 id="helpdesk-dashboard-title">{ht('dashboardHeading')}</h2>
      <div class="helpdesk-filters">
        <label>
          {ht('month')} <input type="month" value={month()} max={thisMonth()} onChange={(e) => /^\d{4}-\d{2}$/.test(e.currentTarget.value) && setMonth(e.currentTarget.value)} />
        </label>
        <label>
          {ht('group')}{' '}
          <select value={group()} onChange={(e) => setGroup(e.currentTarget.value)}>
            <option value="">{ht('allGroups')}</option>
            <For each={props.groups}>{(g) => <option value={g.slug}>{localName(g)}</option>}</For>
          </select>
        </label>
      </div>
      <Suspense>
        <Show when={dashboard()}>
          {(d) => (
            <>
              <table class="helpdesk-figures">
                <caption>
                  {ht('dashboardHeading')}: {d().month}
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
