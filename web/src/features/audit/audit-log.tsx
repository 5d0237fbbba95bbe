import { A, createAsync, useNavigate, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show, Suspense } from 'solid-js';
import { formatDate, formatDateTime, locale, t } from '../../i18n/i18n.ts';
import { threadHref } from '../discussion/discussion-links.ts';
import { profileHref } from '../expert/expert.api.ts';
import { practiceHref } from '../practice/practice-links.ts';
import { AUDIT_ACTIONS, ta } from './audit-text.ts';
import { auditFilterOf, getAuditLog, type AuditAction, type AuditEntry, type AuditFilter } from './audit.api.ts';

/** Roles are recorded in the API's lower case ("curator"); say them as the interface does. */
function roleName(value: string | null | undefined) {
  const role = value?.toUpperCase();
  return role === 'MEMBER' || role === 'CURATOR' || role === 'MODERATOR' || role === 'ADMIN' ? t(`roles.${role}`) : (value ?? '');
}

/** An action's name alone, for the filter ("…" where a description names its values). */
function actionName(action: AuditAction) {
  if (action === 'ROLE_CHANGED') return ta('action.ROLE_CHANGED', '…', '…');
  if (action === 'EXPERT_SUSPENDED') return ta('action.EXPERT_SUSPENDED', '…');
  if (action === 'GROUP_MEMBER_SET') return ta('action.GROUP_MEMBER_SET', '…');
  return ta(`action.${action}`);
}

function describe(entry: AuditEntry) {
  switch (entry.action) {
    case 'ROLE_CHANGED':
      return ta('action.ROLE_CHANGED', roleName(entry.from), roleName(entry.to));
    case 'EXPERT_SUSPENDED':
      return ta('action.EXPERT_SUSPENDED', entry.to ? formatDate(entry.to) : '');
    case 'GROUP_MEMBER_SET':
      return ta('action.GROUP_MEMBER_SET', entry.to === 'lead' ? ta('groupLead') : ta('groupMember'));
    default:
      return ta(`action.${entry.action}`);
  }
}

/** What the action was about besides the person, linked; "no longer readable" once it is not. */
function Target(props: { entry: AuditEntry }) {
  const e = () => props.entry;
  return (
    <Show
      when={e().practice ?? e().collection ?? e().thread ?? e().group ?? e().task ?? e().organization ?? (e().reply ? true : null)}
      fallback={e().action.startsWith('PRACTICE_') || e().action.startsWith('COLLECTION_') ? ta('gone') : null}
    >
      <Show when={e().practice}>{(practice) => <A href={practiceHref(practice().id)}>{practice().title}</A>}</Show>
      <Show when={e().group}>{(group) => <A href={`/groups/${encodeURIComponent(group().slug)}`}>{locale() === 'en' ? group().nameEn : group().name}</A>}</Show>
      <Show when={e().task}>{(task) => <A href={`/tasks/${encodeURIComponent(task().id)}`}>{task().title}</A>}</Show>
      <Show when={e().organization}>{(organization) => <A href={`/enterprises/${encodeURIComponent(organization().slug)}`}>{organization().name}</A>}</Show>
      <Show when={e().collection}>{(collection) => <A href={`/collections/${encodeURIComponent(collection().slug)}`}>{collection().title}</A>}</Show>
      <Show when={e().thread}>
        {(thread) => <A href={e().reply ? `${threadHref(thread().id)}#reply-${e().reply!.id}` : threadHref(thread().id)}>{e().reply ? `${ta('reply')} · ${thread().title}` : thread().title}</A>}
      </Show>
    </Show>
  );
}

/**
 * The admins' audit log, newest first, narrowed by the address: about one person (`?subject=`),
 * by one person (`?actor=`), about one practice (`?practice=`), one kind of action (`?action=`).
 */
export function AuditLog() {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const filter = (): AuditFilter => auditFilterOf(search, AUDIT_ACTIONS);
  const [cursors, setCursors] = createSignal<(string | null)[]>([null]);
  createEffect(
    on(
      () => JSON.stringify(filter()),
      () => setCursors([null]),
      { defer: true },
    ),
  );
  const first = createAsync(() => getAuditLog(filter(), null));
  const firstNode = () => first()?.edges[0]?.node;
  const narrowed = () => Boolean(filter().subject || filter().actor || filter().practice || filter().action);
  const chooseAction = (action: string) => {
    const params = new URLSearchParams(Object.entries(filter()).filter(([key, value]) => value && key !== 'action') as [string, string][]);
    if (action) params.set('action', action);
    navigate(`/staff/audit${params.size ? `?${params}` : ''}`);
  };

  return (
    <section class="card" aria-labelledby="audit-heading">
      <div class="card-head">
        <h2 id="audit-heading" class="card-title">
          {ta('heading')}
        </h2>
        <div class="field field-inline">
          <label for="audit-action">{ta('filterAction')}</label>
          <select id="audit-action" class="select" onChange={(event) => chooseAction(event.currentTarget.value)}>
            <option value="" selected={!filter().action}>
              {ta('anyAction')}
            </option>
            <For each={AUDIT_ACTIONS}>
              {(action) => (
                <option value={action} selected={filter().action === action}>
                  {actionName(action)}
                </option>
              )}
            </For>
          </select>
        </div>
      </div>
      <p class="card-intro">{ta('intro')}</p>
      <Show when={narrowed()}>
        <p class="filter-note">
          <Suspense>
            <Show when={firstNode()}>
              {(node) => (
                <>
                  <Show when={filter().subject}>{ta('about', node().subject.name)} </Show>
                  <Show when={filter().actor}>{ta('byActor', node().actor.name)} </Show>
                  <Show when={filter().practice}>{ta('aboutPractice')} </Show>
                </>
              )}
            </Show>
          </Suspense>
          <A href="/staff/audit">{ta('showAll')}</A>
        </p>
      </Show>
      <Suspense fallback={<p class="muted">{t('app.loading')}</p>}>
        <Show when={first()?.edges.length !== 0} fallback={<p class="empty-note">{ta('empty')}</p>}>
          <table class="audit-table">
            <thead>
              <tr>
                <th scope="col">{ta('when')}</th>
                <th scope="col">{ta('who')}</th>
                <th scope="col">{ta('what')}</th>
                <th scope="col">{ta('target')}</th>
                <th scope="col">{ta('whom')}</th>
                <th scope="col">{ta('why')}</th>
              </tr>
            </thead>
            <For each={cursors()}>{(cursor, index) => <AuditRows filter={filter()} after={cursor} last={index() === cursors().length - 1} onMore={(next) => setCursors([...cursors(), next])} />}</For>
          </table>
        </Show>
      </Suspense>
    </section>
  );
}

function AuditRows(props: { filter: AuditFilter; after: string | null; last: boolean; onMore: (cursor: string) => void }) {
  const page = createAsync(() => getAuditLog(props.filter, props.after));
  return (
    <tbody>
      <For each={page()?.edges}>
        {(edge) => (
          <tr>
            <td data-label={ta('when')}>
              <time datetime={edge.node.createdAt}>{formatDateTime(edge.node.createdAt)}</time>
            </td>
            <td data-label={ta('who')}>
              <A href={profileHref(edge.node.actor.handle)}>{edge.node.actor.name}</A>{' '}
              <A class="audit-narrow" href={`/staff/audit?actor=${encodeURIComponent(edge.node.actor.id)}`} aria-label={ta('byActor', edge.node.actor.name)} title={ta('onlyTheirs')}>
                ⌕
              </A>
            </td>
            <td data-label={ta('what')}>{describe(edge.node)}</td>
            <td data-label={ta('target')} lang="vi">
              <Target entry={edge.node} />
            </td>
            <td data-label={ta('whom')}>
              <A href={`/staff/people?handle=${encodeURIComponent(edge.node.subject.handle)}`}>{edge.node.subject.name}</A>
            </td>
            <td data-label={ta('why')} lang="vi">
              {edge.node.reason}
            </td>
          </tr>
        )}
      </For>
      <Show when={props.last && page()?.pageInfo.hasNextPage && page()?.pageInfo.endCursor}>
        {(cursor) => (
          <tr class="audit-more">
            <td colSpan={6}>
              <button type="button" class="button button-secondary" onClick={() => props.onMore(cursor())}>
                {ta('more')}
              </button>
            </td>
          </tr>
        )}
      </Show>
    </tbody>
  );
}
