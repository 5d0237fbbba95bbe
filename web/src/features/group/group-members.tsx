import { A, useAction } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { Outcome } from '../../lib/form.ts';
import type { Viewer } from '../account/account.api.ts';
import { profileHref } from '../expert/expert-links.ts';
import { PersonSearch } from '../expert/person-search.tsx';
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
  const inGroup = () => new Set(props.group.members.map((m) => m.expert.id));
  return (
    <section class="group-manage" aria-labelledby="group-manage-title">
      <h3 id="group-manage-title">{gt('manage')}</h3>
      <PersonSearch
        id="group-person-search"
        label={gt('findPerson')}
        hint={gt('findPersonHint')}
        excluded={(id) => inGroup().has(id)}
        actions={(person, done) => (
          <>
            <button
              type="button"
              class="button button-small"
              aria-label={gt('addAs', person.name, gt('role_MEMBER'))}
              onClick={() => {
                props.onAdd(person.id, 'MEMBER');
                done();
              }}
            >
              {gt('role_MEMBER')}
            </button>
            <button
              type="button"
              class="button button-small button-secondary"
              aria-label={gt('addAs', person.name, gt('role_LEAD'))}
              onClick={() => {
                props.onAdd(person.id, 'LEAD');
                done();
              }}
            >
              {gt('role_LEAD')}
            </button>
          </>
        )}
      />
    </section>
  );
}
