import { A, createAsync } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { localName } from '../../i18n/i18n.ts';
import { getExpertGroups, groupHref } from './group.api.ts';
import { gt } from './group-text.ts';

/** A profile's working-group memberships: each group (linked) with the person's role there; nothing when they are in none. */
export function ExpertGroups(props: { handle: string }) {
  const groups = createAsync(() => getExpertGroups(props.handle));
  return (
    <Suspense>
      <Show when={groups()?.length}>
        <section class="profile-section" aria-labelledby="profile-groups">
          <h2 id="profile-groups">{gt('profileGroups')}</h2>
          <ul class="chip-list">
            <For each={groups()}>
              {(membership) => (
                <li>
                  <A class="chip chip-link" href={groupHref(membership.group.slug)}>
                    {localName(membership.group)} · {gt(`role_${membership.role}`)}
                  </A>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </Suspense>
  );
}
