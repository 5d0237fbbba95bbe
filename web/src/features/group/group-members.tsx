import { A, createAsync, useAction } from '@solidjs/router';
import { createEffect, createSignal, For, on, onCleanup, Show, Suspense } from 'solid-js';
import type { Outcome } from '../../lib/form.ts';
import type { Viewer } from '../account/account.api.ts';
import { profileHref } from '../expert/expert-links.ts';
import { getExpertDirectory } from '../expert/expert.api.ts';
import { removeGroupMemberAction, setGroupMemberAction, type GroupDetail } from './group.api.ts';
import { gt } from './group-text.ts';

type Member = GroupDetail['members'][number];
type Role = Member['role'];

/** The group's people, leads first, linking to their profiles; admins change them here. */
export function GroupMembers(props: { group: GroupDetail; viewer: Viewer }) {
  const admin = () => props.viewer.role === 'ADMIN';
  const setMember = useAction(setGroupMemberAction);
  const removeMember = useAction(removeGroupMemberAction);
  const [failed, setFailed] = createSignal(false);
  const settle = async (change: Promise<Outcome<unknown>>) => setFailed(!(await change).ok);
  const byRole = (role: Role) => props.group.members.filter((m) => m.role === role);
  const list = (role: Role) => (
    <Show when={byRole(role).length}>
      <h3 class="group-role-title">{gt(`role_${role}`)}</h3>
      <ul class="group-people">
        <For each={byRole(role)}>
          {(member) => (
            <li>
              <A href={profileHref(member.expert.handle)}>{member.expert.name}</A>
              <Show when={member.expert.position}>
                <span class="muted"> · {member.expert.position}</span>
              </Show>
              <Show when={admin()}>
                <span class="group-member-tools">
                  <button type="button" class="button button-small button-secondary" onClick={() => settle(setMember(props.group.slug, member.expert.id, role === 'LEAD' ? 'MEMBER' : 'LEAD'))}>
                    {role === 'LEAD' ? gt('makeMember', member.expert.name) : gt('makeLead', member.expert.name)}
                  </button>
                  <button type="button" class="button button-small button-secondary" onClick={() => settle(removeMember(props.group.slug, member.expert.id))}>
                    {gt('remove', member.expert.name)}
                  </button>
                </span>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
  return (
    <>
      <Show when={props.group.members.length} fallback={<p class="muted">{gt('noPeople')}</p>}>
        {list('LEAD')}
        {list('MEMBER')}
      </Show>
      <Show when={admin()}>
        <AddPerson group={props.group} onAdd={(id, role) => settle(setMember(props.group.slug, id, role))} />
      </Show>
      <Show when={failed()}>
        <p class="form-error" role="alert">
          {gt('changeFailed')}
        </p>
      </Show>
    </>
  );
}

/** Admins: a search of the directory by name, each person found added as a member or a lead. */
function AddPerson(props: { group: GroupDetail; onAdd: (expertId: string, role: Role) => void }) {
  const [text, setText] = createSignal('');
  const [term, setTerm] = createSignal('');
  // Searches once the typing pauses, not at each key.
  createEffect(
    on(text, (value) => {
      const timer = setTimeout(() => setTerm(value.trim()), 250);
      onCleanup(() => clearTimeout(timer));
    }),
  );
  const results = createAsync(async () => {
    const q = term();
    if (q.length < 2) return undefined;
    const inGroup = new Set(props.group.members.map((m) => m.expert.id));
    return (await getExpertDirectory({ q })).edges.map((e) => e.node).filter((p) => !inGroup.has(p.id));
  });
  return (
    <section class="group-manage" aria-labelledby="group-manage-title">
      <h3 id="group-manage-title">{gt('manage')}</h3>
      <label for="group-person-search">{gt('findPerson')}</label>
      <input id="group-person-search" type="search" autocomplete="off" maxLength={100} value={text()} onInput={(event) => setText(event.currentTarget.value)} aria-describedby="group-person-hint" />
      <p id="group-person-hint" class="muted">
        {gt('findPersonHint')}
      </p>
      <Suspense>
        <Show when={results()}>
          {(found) => (
            <ul class="group-people">
              <For each={found()} fallback={<li class="muted">{gt('noMatches')}</li>}>
                {(person) => (
                  <li>
                    {person.name}{' '}
                    <button type="button" class="button button-small" onClick={() => props.onAdd(person.id, 'MEMBER')}>
                      {gt('addAs', person.name, gt('role_MEMBER'))}
                    </button>{' '}
                    <button type="button" class="button button-small button-secondary" onClick={() => props.onAdd(person.id, 'LEAD')}>
                      {gt('addAs', person.name, gt('role_LEAD'))}
                    </button>
                  </li>
                )}
              </For>
            </ul>
          )}
        </Show>
      </Suspense>
    </section>
  );
}
