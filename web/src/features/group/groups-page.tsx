import './groups.css';
import { A, createAsync } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { localName } from '../../i18n/i18n.ts';
import { profileHref } from '../expert/expert-links.ts';
import { getGroups, groupHref, localPurpose, type GroupSummary } from './group.api.ts';
import { gt } from './group-text.ts';
import { WorkingGroupNav } from './working-group-nav.tsx';

/** /groups: the working group's five groups, what each is for, who leads it, and who reads its discussions. */
export default function GroupsPage() {
  const groups = createAsync(() => getGroups());
  return (
    <div class="browse-page groups-page">
      <DocumentTitle text={gt('groupsTitle')} />
      <WorkingGroupNav />
      <header class="page-header">
        <h1 id="page-title">{gt('groupsTitle')}</h1>
        <p class="lead">{gt('groupsIntro')}</p>
      </header>
      <SectionError>
        <Suspense fallback={<PageLoading />}>
          <ul class="group-cards">
            <For each={groups()}>{(group) => <GroupCard group={group} />}</For>
          </ul>
        </Suspense>
      </SectionError>
    </div>
  );
}

function GroupCard(props: { group: GroupSummary }) {
  const leads = () => props.group.members.filter((m) => m.role === 'LEAD');
  return (
    <li class="group-card">
      <Show when={props.group.kind === 'EXPERT'}>
        <p class="group-kind">{gt('kind_EXPERT')}</p>
      </Show>
      <h2 class="group-card-title">
        <A href={groupHref(props.group.slug)}>{localName(props.group)}</A>
      </h2>
      <p>{localPurpose(props.group)}</p>
      <dl class="group-facts">
        <Show when={props.group.members.length}>
          <dt>{gt('leads')}</dt>
          <dd>
            <Show when={leads().length} fallback={gt('noLeads')}>
              <For each={leads()}>
                {(lead, i) => (
                  <>
                    {i() ? ', ' : ''}
                    <A href={profileHref(lead.expert.handle)}>{lead.expert.name}</A>
                  </>
                )}
              </For>
            </Show>
          </dd>
          <dt class="visually-hidden">{gt('people')}</dt>
          <dd>{gt('memberCount', props.group.members.length)}</dd>
        </Show>
        <dt class="visually-hidden">{gt('discussions')}</dt>
        <dd class={props.group.discussionAccess === 'MEMBERS' ? 'group-access group-access-members' : 'group-access'}>
          {props.group.discussionAccess === 'MEMBERS' ? gt('membersOnlyDiscussions') : gt('publicDiscussions')}
        </dd>
        <Show when={props.group.viewerRole}>{(role) => <dd class="group-your-role">{gt(`yourRole_${role()}`)}</dd>}</Show>
      </dl>
    </li>
  );
}
