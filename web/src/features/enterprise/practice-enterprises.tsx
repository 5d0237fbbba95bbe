import { A, createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { enterpriseHref, getPracticeEnterprises } from './enterprise.api.ts';
import { et } from './enterprise-text.ts';

/** "Doanh nghiệp đồng hành: VNPT, Viettel…" on a published practice: the directory's enterprises that took part, linked (its free-text partners stay as the authors wrote them). */
export function PracticeEnterprises(props: { practiceId: string }) {
  const enterprises = createAsync(() => getPracticeEnterprises(props.practiceId).catch(() => []));
  return (
    <Show when={enterprises()?.length}>
      <p class="practice-enterprises">
        {et('practiceLine')}:{' '}
        <For each={enterprises()}>
          {(link, i) => (
            <>
              {i() > 0 ? ', ' : ''}
              <A href={enterpriseHref(link.enterprise.slug)} title={link.role}>
                {link.enterprise.organization.shortName ?? link.enterprise.name}
              </A>
            </>
          )}
        </For>
      </p>
    </Show>
  );
}
