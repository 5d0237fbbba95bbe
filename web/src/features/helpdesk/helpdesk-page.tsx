import './helpdesk.css';
import { A, createAsync, revalidate, useNavigate } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { FormAlert, SelectField, SubmitButton, TextAreaField, TextField } from '../../components/form-field.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { formatDateTime } from '../../i18n/i18n.ts';
import { focusProblems, lengthProblems, type Outcome, problemOf } from '../../lib/form.ts';
import { THREAD_LIMITS } from '../../../../schema/field-limits.ts';
import { canAdminister, createViewer } from '../account/account.api.ts';
import { WorkingGroupNav } from '../group/working-group-nav.tsx';
import { TopicCheckboxes } from '../topic/topic-checkboxes.tsx';
import { HelpdeskDashboardSection } from './helpdesk-dashboard.tsx';
import { getHelpdeskHome, getHelpdeskMine, type HelpdeskHome, type HelpdeskMine, submitRequest } from './helpdesk.api.ts';
import { fieldError, REQUEST_LENGTHS } from './helpdesk-form.ts';
import { RequestRow } from './helpdesk-parts.tsx';
import { HelpdeskQueue } from './helpdesk-queue.tsx';
import { ht } from './helpdesk-text.ts';

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** "Đang mở cửa" or when it opens again, and the weekly hours. */
export function DeskHours(props: { settings: HelpdeskHome['helpdeskSettings'] }) {
  const days = () => {
    const openings = props.settings.openings;
    const first = openings[0];
    // One line when every open day keeps the same hours (Monday–Friday, 08:00–17:00).
    if (first && openings.every((o) => o.opensAt === first.opensAt && o.closesAt === first.closesAt)) {
      const weekdays = openings.map((o) => o.weekday);
      const contiguous = weekdays.every((d, i) => i === 0 || d === weekdays[i - 1]! + 1);
      const span =
        contiguous && weekdays.length > 2
          ? `${ht(`weekday.${weekdays[0]}` as 'weekday.1')} – ${ht(`weekday.${weekdays.at(-1)}` as 'weekday.1')}`
          : weekdays.map((d) => ht(`weekday.${d}` as 'weekday.1')).join(', ');
      return [`${span}, ${clock(first.opensAt)}–${clock(first.closesAt)}`];
    }
    return openings.map((o) => `${ht(`weekday.${o.weekday}` as 'weekday.1')}, ${clock(o.opensAt)}–${clock(o.closesAt)}`);
  };
  return (
    <section class="helpdesk-hours" aria-labelledby="helpdesk-hours-title">
      <p class="helpdesk-open-state" classList={{ open: props.settings.openNow }}>
        <strong>{props.settings.openNow ? ht('openNow') : ht('closedUntil', props.settings.nextOpeningAt ? formatDateTime(props.settings.nextOpeningAt) : '—')}</strong>
      </p>
      <h2 id="helpdesk-hours-title" class="visually-hidden">
        {ht('serviceHours')}
      </h2>
      <p>
        {ht('serviceHours')}: {days().join('; ')} ({ht('vietnamTime')}).
      </p>
      <p class="muted">{ht('targets', ht('hours', props.settings.firstResponseTargetHours), ht('hours', props.settings.resolutionTargetHours))}</p>
    </section>
  );
}

/** /helpdesk: what the desk is, its hours now, the request form, the organisation's requests, the desk's queue and the figures. */
export default function HelpdeskPage() {
  const viewer = createViewer();
  const home = createAsync(() => getHelpdeskHome());
  return (
    <div class="helpdesk-page">
      <DocumentTitle text={ht('title')} />
      <WorkingGroupNav />
      <header class="page-header">
        <h1 id="page-title">{ht('title')}</h1>
        <p class="lead">{ht('intro')}</p>
        <p class="helpdesk-links">
          <A href="/helpdesk/faq">{ht('faqLink')}</A>
          <Show when={canAdminister(viewer()?.role)}>
            {' · '}
            <A href="/helpdesk/settings">{ht('settingsLink')}</A>
          </Show>
        </p>
      </header>
      <SectionError>
        <Suspense fallback={<PageLoading />}>
          <Show when={home()}>{(data) => <DeskHours settings={data().helpdeskSettings} />}</Show>
          <Show when={viewer() !== undefined}>
            <Show when={viewer()} fallback={<p class="helpdesk-sign-in">{ht('signIn')}</p>}>
              <MemberSections desk={home()?.helpdeskSettings.viewerIsDesk ?? false} />
            </Show>
          </Show>
        </Suspense>
      </SectionError>
    </div>
  );
}

function MemberSections(props: { desk: boolean }) {
  const mine = createAsync(() => getHelpdeskMine());
  return (
    <Show when={mine()}>
      {(data) => (
        <>
          <SubmitForm organizations={data().helpdeskOrganizations} />
          <section class="helpdesk-section" aria-labelledby="helpdesk-mine-title">
            <h2 id="helpdesk-mine-title">{ht('mineHeading')}</h2>
            <Show when={data().viewerOrganizationHelpdeskRequests.edges.length} fallback={<p class="empty-note">{ht('mineEmpty')}</p>}>
              <ul class="helpdesk-list">
                <For each={data().viewerOrganizationHelpdeskRequests.edges}>{(edge) => <RequestRow request={edge.node} />}</For>
              </ul>
            </Show>
          </section>
          <Show when={props.desk}>
            <HelpdeskQueue groups={data().groups} />
          </Show>
          <HelpdeskDashboardSection groups={data().groups} />
        </>
      )}
    </Show>
  );
}

function SubmitForm(props: { organizations: HelpdeskMine['helpdeskOrganizations'] }) {
  const navigate = useNavigate();
  const [outcome, setOutcome] = createSignal<Outcome<unknown>>();
  const [pending, setPending] = createSignal(false);
  const [topics, setTopics] = createSignal<string[]>([]);
  let form: HTMLFormElement | undefined;
  focusProblems(() => form, outcome);
  const problem = () => problemOf(outcome());
  const error = (field: string) => fieldError(problem(), field, REQUEST_LENGTHS);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (pending()) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const text = { title: String(data.get('title') ?? '').trim(), body: String(data.get('body') ?? '').trim() };
    const found = lengthProblems(text, REQUEST_LENGTHS);
    if (Object.keys(found).length) return setOutcome({ ok: false, problem: { fields: found, form: { code: 'VALIDATION_FAILED' } } });
    setPending(true);
    const result = await submitRequest({ ...text, topics: topics(), organization: String(data.get('organization') ?? ''), anonymousInFaq: data.get('anonymousInFaq') === 'on' });
    setPending(false);
    setOutcome(result);
    if (result.ok) {
      await revalidate(getHelpdeskMine.key);
      if (result.data.request.thread) navigate(`/threads/${result.data.request.thread.id}`);
    }
  };
  return (
    <section class="helpdesk-section" aria-labelledby="helpdesk-submit-title">
      <h2 id="helpdesk-submit-title">{ht('submitHeading')}</h2>
      <Show when={props.organizations.length} fallback={<p class="empty-note">{ht('notAllowed')}</p>}>
        <p class="muted">{ht('submitIntro')}</p>
        <form ref={form} class="helpdesk-form" novalidate onSubmit={submit} aria-labelledby="helpdesk-submit-title">
          <FormAlert problem={problem()} />
          <SelectField id="helpdesk-organization" name="organization" label={ht('organization')} error={error('organization')}>
            <For each={props.organizations}>{(o) => <option value={o.slug}>{o.name}</option>}</For>
          </SelectField>
          <TextField id="helpdesk-title" name="title" label={ht('questionTitle')} maxLength={THREAD_LIMITS.title} lang="vi" error={error('title')} />
          <TextAreaField id="helpdesk-body" name="body" label={ht('questionBody')} hint={ht('questionBodyHint')} rows={6} maxLength={THREAD_LIMITS.markdown} lang="vi" optional error={error('body')} />
          <TopicCheckboxes
            id="helpdesk-topics"
            name="topics"
            value={[]}
            max={THREAD_LIMITS.topics}
            legend={ht('topics')}
            hint={(n) => ht('topicsHint', n)}
            onChange={setTopics}
            error={error('topics')}
          />
          <div class="field">
            <label class="checkbox">
              <input type="checkbox" name="anonymousInFaq" />
              <span>{ht('anonymous')}</span>
            </label>
          </div>
          <SubmitButton pending={pending()} label={ht('submit')} pendingLabel={ht('sending')} />
        </form>
      </Show>
    </section>
  );
}
