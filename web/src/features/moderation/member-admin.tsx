import { A, createAsync, useNavigate, useSearchParams, useSubmission } from '@solidjs/router';
import { createSignal, For, Match, Show, Suspense, Switch } from 'solid-js';
import { FormAlert, SelectField, SubmitButton, TextField } from '../../components/form-field.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { formatDate, t } from '../../i18n/i18n.ts';
import { errorFor, focusProblems, useFormSubmission, problemOf } from '../../lib/form.ts';
import { canAdminister, canModerate, getViewer, type Role, type Viewer } from '../account/account.api.ts';
import { ExpertAvatar } from '../expert/expert-avatar.tsx';
import { RoleBadge, VerifiedBadge } from '../expert/expert-badges.tsx';
import { changeRoleAction, getMember, getStaffMembers, searchMembers, suspendAction, unsuspendAction, type Member, type MemberSummary } from './moderation.api.ts';
import { profileHref } from '../expert/expert.api.ts';
import { SEARCH_LIMITS, STAFF_LIMITS } from '../../../../schema/field-limits.ts';

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

/**
 * Staff work on one member at a time: find them (by handle, by name, or in the staff list),
 * then change their role (admins) or suspend them (moderators and admins). The chosen person
 * is in the address (`?handle=`), so a link to them can be shared with another admin.
 */
export function MemberAdmin() {
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const viewer = createAsync(() => getViewer());
  const query = () => single(search.q);
  const handle = () => single(search.handle);

  const find = (event: SubmitEvent) => {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget as HTMLFormElement).get('q') ?? '').trim();
    // Exactly a handle: open that person; anything else is a search.
    if (/^[a-z][a-z0-9._-]{1,29}$/.test(text) && !text.includes(' ')) navigate(`/staff/people?handle=${encodeURIComponent(text)}&q=${encodeURIComponent(text)}`);
    else setSearch({ q: text || undefined, handle: undefined });
  };

  return (
    <div class="card-stack">
      <section class="card" aria-labelledby="people-heading">
        <h2 id="people-heading" class="card-title">
          {t('people.heading')}
        </h2>
        <form class="search-row" role="search" onSubmit={find}>
          <TextField
            id="people-q"
            name="q"
            type="search"
            label={t('people.find')}
            hint={t('people.findHint')}
            value={query() ?? ''}
            autocomplete="off"
            spellcheck={false}
            maxLength={SEARCH_LIMITS.text}
          />
          <button type="submit" class="button">
            {t('people.search')}
          </button>
        </form>
        <Show when={query() && !handle()}>
          <Suspense fallback={<p class="muted">{t('app.loading')}</p>}>
            <SearchResults text={query()!} />
          </Suspense>
        </Show>
      </section>

      <Show when={handle()}>
        {(chosen) => (
          <Suspense fallback={<p class="muted">{t('app.loading')}</p>}>
            <MemberPanel handle={chosen()} viewer={viewer()} />
          </Suspense>
        )}
      </Show>

      <section class="card" aria-labelledby="staff-list-heading">
        <h2 id="staff-list-heading" class="card-title">
          {t('people.staffList')}
        </h2>
        <Suspense fallback={<p class="muted">{t('app.loading')}</p>}>
          <StaffList />
        </Suspense>
      </section>
    </div>
  );
}

function MemberRow(props: { member: MemberSummary }) {
  const [search] = useSearchParams();
  const href = () => {
    const params = new URLSearchParams({ handle: props.member.handle });
    const q = single(search.q);
    if (q) params.set('q', q);
    return `/staff/people?${params}`;
  };
  return (
    <li class="member-row">
      <ExpertAvatar name={props.member.name} handle={props.member.handle} url={props.member.avatarUrl} size="small" />
      <div class="member-row-text">
        <A href={href()} class="member-row-name">
          {props.member.name}
          <span class="visually-hidden"> ({t('people.select', props.member.name)})</span>
        </A>
        <span class="muted"> {t('people.handle', props.member.handle)}</span>
        <Show when={props.member.organization}>
          {(org) => (
            <p class="muted member-row-org" lang="vi">
              {org().name}
            </p>
          )}
        </Show>
      </div>
      <RoleBadge role={props.member.role} />
    </li>
  );
}

function SearchResults(props: { text: string }) {
  const found = createAsync(() => searchMembers(props.text));
  return (
    <Show when={found()}>
      {(result) => (
        <div aria-live="polite">
          <h3 class="card-subtitle">{t('people.results')}</h3>
          <Show when={result().edges.length} fallback={<p class="muted">{t('people.noResults')}</p>}>
            <ul class="member-list">
              <For each={result().edges}>{(edge) => <MemberRow member={edge.node} />}</For>
            </ul>
          </Show>
        </div>
      )}
    </Show>
  );
}

function StaffList() {
  const staff = createAsync(() => getStaffMembers());
  return (
    <ul class="member-list">
      <For each={staff()}>{(member) => <MemberRow member={member} />}</For>
    </ul>
  );
}

function MemberPanel(props: { handle: string; viewer: Viewer | null | undefined }) {
  const member = createAsync(() => getMember(props.handle));
  return (
    <Switch>
      <Match when={member() === null}>
        <StateMessage title={t('people.notFound', props.handle)} />
      </Match>
      <Match when={member()}>{(found) => <MemberDetails member={found()} viewer={props.viewer} />}</Match>
    </Switch>
  );
}

function MemberDetails(props: { member: Member; viewer: Viewer | null | undefined }) {
  // Kept here rather than in the forms: a suspension swaps one form for the other, and its
  // confirmation must outlive the form that made it.
  const forThisMember = ([form]: [FormData | URLSearchParams]) => form.get('expertId') === props.member.id;
  const suspending = useFormSubmission(suspendAction, forThisMember);
  const unsuspending = useFormSubmission(unsuspendAction, forThisMember);
  const done = () => {
    const latest = [suspending, unsuspending].find((s) => s.result?.ok);
    if (!latest) return undefined;
    return latest === suspending ? t('people.suspended', props.member.name) : t('people.unsuspended', props.member.name);
  };
  const mayModerate = () => canModerate(props.viewer?.role) && (props.viewer?.role === 'ADMIN' || (props.member.role !== 'ADMIN' && props.member.role !== 'MODERATOR'));

  return (
    <section class="card member-panel" aria-labelledby="member-heading">
      <header class="member-head">
        <ExpertAvatar name={props.member.name} handle={props.member.handle} url={props.member.avatarUrl} size="large" />
        <div class="member-identity">
          <h2 id="member-heading" class="card-title">
            {props.member.name}
          </h2>
          <p class="muted">
            {t('people.handle', props.member.handle)}
            <Show when={props.member.position}>
              {' · '}
              <span lang="vi">{props.member.position}</span>
            </Show>
          </p>
          <Show when={props.member.organization}>
            {(org) => (
              <p class="muted" lang="vi">
                {org().name}
              </p>
            )}
          </Show>
          <p class="profile-badges">
            <VerifiedBadge verified={props.member.verified} />
            <RoleBadge role={props.member.role} />
            <Show when={props.member.role === 'MEMBER'}>
              <span class="role-badge" data-role="member">
                {t('roles.MEMBER')}
              </span>
            </Show>
          </p>
          <p class="member-links">
            <A href={profileHref(props.member.handle)}>{t('people.viewProfile')}</A>
            <Show when={canAdminister(props.viewer?.role)}>
              <A href={`/staff/audit?subject=${encodeURIComponent(props.member.id)}`}>{t('people.viewAudit')}</A>
            </Show>
          </p>
        </div>
      </header>
      <FormAlert success={done()} />
      <Show when={props.member.suspendedUntil}>
        {(until) => (
          <div class="status-panel is-declined">
            <p class="status-panel-title">{t('people.suspendedUntil', formatDate(until()))}</p>
            <Show when={props.member.suspensionReason}>{(reason) => <p lang="vi">{t('verification.declinedReason', reason())}</p>}</Show>
          </div>
        )}
      </Show>
      <Show when={props.viewer?.id !== props.member.id} fallback={<p class="muted">{t('people.self')}</p>}>
        <Show when={canAdminister(props.viewer?.role)}>
          <RoleForm member={props.member} />
        </Show>
        <Show when={canModerate(props.viewer?.role)}>
          <Show when={mayModerate()} fallback={<p class="muted">{t('people.moderatorLimit')}</p>}>
            <Show when={props.member.suspendedUntil} fallback={<SuspendForm member={props.member} />}>
              <UnsuspendForm member={props.member} />
            </Show>
          </Show>
        </Show>
      </Show>
    </section>
  );
}

const roles: Role[] = ['MEMBER', 'CURATOR', 'MODERATOR', 'ADMIN'];

function RoleForm(props: { member: Member }) {
  const submission = useFormSubmission(changeRoleAction, ([form]) => form.get('expertId') === props.member.id);
  const [role, setRole] = createSignal<string>(props.member.role);
  const problem = () => problemOf(submission.result);
  const done = () => {
    const result = submission.result;
    return result?.ok ? t('people.roleChanged', result.data.expert.name, t(`roles.${result.data.expert.role}`)) : undefined;
  };
  let form: HTMLFormElement | undefined;
  focusProblems(
    () => form,
    () => submission.result,
  );
  return (
    <form action={changeRoleAction} method="post" class="form member-form" novalidate ref={form} aria-labelledby="role-heading">
      <h3 id="role-heading" class="card-subtitle">
        {t('people.roleHeading')}
      </h3>
      <FormAlert problem={problem()} success={done()} />
      <input type="hidden" name="expertId" value={props.member.id} />
      <SelectField id="role-new" name="role" label={t('people.newRole')} error={errorFor(problem(), 'role')} onChange={setRole}>
        <For each={roles}>
          {(value) => (
            <option value={value} selected={value === props.member.role}>
              {t(`roles.${value}`)}
            </option>
          )}
        </For>
      </SelectField>
      <TextField id="role-reason" name="reason" label={t('people.reason')} hint={t('people.reasonHint')} maxLength={STAFF_LIMITS.reason} lang="vi" error={errorFor(problem(), 'reason')} />
      <div class="form-actions">
        <SubmitButton pending={submission.pending ?? false} label={t('people.changeRole')} />
        <Show when={role() === props.member.role}>
          <span class="muted">{t('people.roleSame')}</span>
        </Show>
      </div>
    </form>
  );
}

/** Today in Vietnam as YYYY-MM-DD, shifted by `days`: the date input's bounds. */
const vietnamDay = (days: number) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

function SuspendForm(props: { member: Member }) {
  const submission = useSubmission(suspendAction, ([form]) => form.get('expertId') === props.member.id);
  const problem = () => problemOf(submission.result);
  let form: HTMLFormElement | undefined;
  focusProblems(
    () => form,
    () => submission.result,
  );
  return (
    <form action={suspendAction} method="post" class="form member-form" novalidate ref={form} aria-labelledby="suspend-heading">
      <h3 id="suspend-heading" class="card-subtitle">
        {t('people.suspendHeading')}
      </h3>
      <p class="muted">{t('people.suspendIntro')}</p>
      <FormAlert problem={problem()} />
      <input type="hidden" name="expertId" value={props.member.id} />
      <TextField
        id="suspend-until"
        name="until"
        type="date"
        label={t('people.until')}
        value={vietnamDay(7)}
        min={vietnamDay(0)}
        max={vietnamDay(STAFF_LIMITS.suspensionDays - 1)}
        error={errorFor(problem(), 'until')}
      />
      <TextField id="suspend-reason" name="reason" label={t('people.suspendReason')} hint={t('people.reasonHint')} maxLength={STAFF_LIMITS.reason} lang="vi" error={errorFor(problem(), 'reason')} />
      <div class="form-actions">
        <SubmitButton pending={submission.pending ?? false} label={t('people.suspend')} class="button button-danger" />
      </div>
    </form>
  );
}

function UnsuspendForm(props: { member: Member }) {
  const submission = useSubmission(unsuspendAction, ([form]) => form.get('expertId') === props.member.id);
  const problem = () => problemOf(submission.result);
  let form: HTMLFormElement | undefined;
  focusProblems(
    () => form,
    () => submission.result,
  );
  return (
    <form action={unsuspendAction} method="post" class="form member-form" novalidate ref={form} aria-labelledby="unsuspend-heading">
      <h3 id="unsuspend-heading" class="card-subtitle">
        {t('people.unsuspend')}
      </h3>
      <FormAlert problem={problem()} />
      <input type="hidden" name="expertId" value={props.member.id} />
      <TextField
        id="unsuspend-reason"
        name="reason"
        label={t('people.unsuspendReason')}
        hint={t('people.reasonHint')}
        maxLength={STAFF_LIMITS.reason}
        lang="vi"
        error={errorFor(problem(), 'reason')}
      />
      <div class="form-actions">
        <SubmitButton pending={submission.pending ?? false} label={t('people.unsuspend')} />
      </div>
    </form>
  );
}
