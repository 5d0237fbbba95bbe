import { A, createAsync, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show, Suspense } from 'solid-js';
import { formatDate, formatDateTime, t } from '../../i18n/i18n.ts';
import { getAuditLog, type AuditEntry } from './audit.api.ts';
import { profileHref } from '../expert/expert.api.ts';

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || null;

/** Roles are recorded in the API's lower case ("curator"); say them as the interface does. */
function roleName(value: string | null | undefined) {
  switch (value?.toUpperCase()) {
    case 'MEMBER':
      return t('roles.MEMBER');
    case 'CURATOR':
      return t('roles.CURATOR');
    case 'MODERATOR':
      return t('roles.MODERATOR');
    case 'ADMIN':
      return t('roles.ADMIN');
    default:
      return value ?? '';
  }
}

function describe(entry: AuditEntry) {
  switch (entry.action) {
    case 'ROLE_CHANGED':
      return t('audit.action.ROLE_CHANGED', roleName(entry.from), roleName(entry.to));
    case 'EXPERT_SUSPENDED':
      return t('audit.action.EXPERT_SUSPENDED', entry.to ? formatDate(entry.to) : '');
    case 'EXPERT_UNSUSPENDED':
      return t('audit.action.EXPERT_UNSUSPENDED');
    case 'EXPERT_VERIFIED':
      return t('audit.action.EXPERT_VERIFIED');
    case 'VERIFICATION_DECLINED':
      return t('audit.action.VERIFICATION_DECLINED');
  }
}

/** The admins' audit log, newest first, optionally about one person (`?subject=<id>`). */
export function AuditLog() {
  const [search] = useSearchParams();
  const subject = () => single(search.subject);
  const [cursors, setCursors] = createSignal<(string | null)[]>([null]);
  createEffect(on(subject, () => setCursors([null]), { defer: true }));
  const first = createAsync(() => getAuditLog(subject(), null));
  const subjectName = () => first()?.edges[0]?.node.subject.name;

  return (
    <section class="card" aria-labelledby="audit-heading">
      <h2 id="audit-heading" class="card-title">
        {t('audit.heading')}
      </h2>
      <p class="card-intro">{t('audit.intro')}</p>
      <Show when={subject()}>
        <p class="filter-note">
          <Suspense>{subjectName() ? t('audit.about', subjectName()!) : null}</Suspense> <A href="/staff/audit">{t('audit.showAll')}</A>
        </p>
      </Show>
      <Suspense fallback={<p class="muted">{t('app.loading')}</p>}>
        <Show when={first()?.edges.length !== 0} fallback={<p class="empty-note">{t('audit.empty')}</p>}>
          <table class="audit-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.whom')}</th>
                <th scope="col">{t('audit.why')}</th>
              </tr>
            </thead>
            <For each={cursors()}>
              {(cursor, index) => <AuditRows subject={subject()} after={cursor} last={index() === cursors().length - 1} onMore={(next) => setCursors([...cursors(), next])} />}
            </For>
          </table>
        </Show>
      </Suspense>
    </section>
  );
}

function AuditRows(props: { subject: string | null; after: string | null; last: boolean; onMore: (cursor: string) => void }) {
  const page = createAsync(() => getAuditLog(props.subject, props.after));
  return (
    <tbody>
      <For each={page()?.edges}>
        {(edge) => (
          <tr>
            <td data-label={t('audit.when')}>
              <time datetime={edge.node.createdAt}>{formatDateTime(edge.node.createdAt)}</time>
            </td>
            <td data-label={t('audit.who')}>
              <A href={profileHref(edge.node.actor.handle)}>{edge.node.actor.name}</A>
            </td>
            <td data-label={t('audit.what')}>{describe(edge.node)}</td>
            <td data-label={t('audit.whom')}>
              <A href={`/staff/people?handle=${encodeURIComponent(edge.node.subject.handle)}`}>{edge.node.subject.name}</A>
            </td>
            <td data-label={t('audit.why')} lang="vi">
              {edge.node.reason}
            </td>
          </tr>
        )}
      </For>
      <Show when={props.last && page()?.pageInfo.hasNextPage && page()?.pageInfo.endCursor}>
        {(cursor) => (
          <tr class="audit-more">
            <td colSpan={5}>
              <button type="button" class="button button-secondary" onClick={() => props.onMore(cursor())}>
                {t('audit.more')}
              </button>
            </td>
          </tr>
        )}
      </Show>
    </tbody>
  );
}
