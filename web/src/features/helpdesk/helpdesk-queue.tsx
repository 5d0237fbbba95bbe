import { A, createAsync, revalidate } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { formatDateTime } from '../../i18n/i18n.ts';
import { FormAlert, SelectField, SubmitButton } from '../../components/form-field.tsx';
import { focusProblems, type Outcome, problemOf } from '../../lib/form.ts';
import { getGroupMembers, getHelpdeskDashboard, getHelpdeskQueue, type HelpdeskMine, type HelpdeskRequest, type HelpdeskStatus, triageRequest } from './helpdesk.api.ts';
import { fieldError, REQUEST_LENGTHS } from './helpdesk-form.ts';
import { StatusChip, GroupOptions } from './helpdesk-parts.tsx';
import { ht } from './helpdesk-text.ts';

type Groups = HelpdeskMine['groups'];

/** The expert groups first: most requests go to one of them. */
const byKind = (groups: Groups) => [...groups].sort((a, b) => Number(b.kind === 'EXPERT') - Number(a.kind === 'EXPERT'));

/** The desk's queue: new requests to triage, assigned ones to reassign, each with group and responder pickers. */
export function HelpdeskQueue(props: { groups: Groups }) {
  const [status, setStatus] = createSignal<HelpdeskStatus>('NEW');
  const queue = createAsync(() => getHelpdeskQueue(status()));
  // Said above the list: the request someone else moved first may have left this tab.
  const [conflicted, setConflicted] = createSignal<string>();
  return (
    <section class="helpdesk-section" aria-labelledby="helpdesk-queue-title">
      <h2 id="helpdesk-queue-title">{ht('queueHeading')}</h2>
      <div class="helpdesk-tabs" role="group" aria-label={ht('queueHeading')}>
        <For each={['NEW', 'ASSIGNED', 'ANSWERED'] as const}>
          {(s) => (
            <button
              type="button"
              class="button button-small"
              classList={{ 'button-secondary': status() !== s }}
              aria-pressed={status() === s}
              onClick={() => {
                setConflicted(undefined);
                setStatus(s);
              }}
            >
              {ht(`status.${s}`)}
            </button>
          )}
        </For>
      </div>
      <Show when={conflicted()}>
        {(title) => (
          <div class="helpdesk-queue-alert">
            <FormAlert problem={{ fields: {}, form: { code: 'CONFLICT' } }} />
            <p class="field-hint">{ht('conflictQueue', title())}</p>
          </div>
        )}
      </Show>
      <Suspense>
        <Show when={queue()?.helpdeskQueue.edges.length} fallback={<p class="empty-note">{ht('queueEmpty')}</p>}>
          <ul class="helpdesk-list">
            <For each={queue()!.helpdeskQueue.edges}>{(edge) => <QueueItem request={edge.node} groups={props.groups} onConflict={setConflicted} />}</For>
          </ul>
        </Show>
      </Suspense>
    </section>
  );
}

function QueueItem(props: { request: HelpdeskRequest; groups: Groups; onConflict: (title: string) => void }) {
  const [group, setGroup] = createSignal(props.request.group?.slug ?? '');
  const [assignee, setAssignee] = createSignal(props.request.assignee?.id ?? '');
  const [outcome, setOutcome] = createSignal<Outcome<unknown>>();
  const [pending, setPending] = createSignal(false);
  const members = createAsync(async () => (group() ? getGroupMembers(group()) : []));
  const id = (part: string) => `triage-${part}-${props.request.id.replace(/[^a-zA-Z0-9]/g, '')}`;
  const problem = () => problemOf(outcome());
  const error = (field: string) => fieldError(problem(), field, REQUEST_LENGTHS);
  let form: HTMLFormElement | undefined;
  focusProblems(() => form, outcome);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (pending()) return;
    const missing = { ...(group() ? {} : { group: 'REQUIRED' }), ...(assignee() ? {} : { assigneeId: 'REQUIRED' }) };
    if (Object.keys(missing).length) return setOutcome({ ok: false, problem: { fields: missing, form: { code: 'VALIDATION_FAILED' } } });
    setPending(true);
    const result = await triageRequest(props.request.id, group(), assignee(), props.request.version);
    setPending(false);
    const conflict = !result.ok && result.problem.form?.code === 'CONFLICT';
    setOutcome(conflict ? undefined : result);
    if (conflict) props.onConflict(props.request.thread?.title ?? '');
    // Done, or someone else moved it first: either way the queue shows its state now.
    if (result.ok || conflict) await revalidate([getHelpdeskQueue.key, getHelpdeskDashboard.key]);
  };
  return (
    <li class="helpdesk-row">
      <div class="helpdesk-row-head">
        <StatusChip status={props.request.status} />
        <Show when={props.request.thread}>
          {(thread) => (
            <A href={`/threads/${thread().id}`} lang="vi">
              {thread().title}
            </A>
          )}
        </Show>
      </div>
      <p class="helpdesk-row-meta muted">
        {props.request.organization.name} · {props.request.asker.name} · <time datetime={props.request.openedAt}>{formatDateTime(props.request.openedAt)}</time> ·{' '}
        {ht('waited', ht('hours', props.request.serviceHoursOpen))}
      </p>
      <Show when={props.request.viewerCanTriage}>
        <form ref={form} class="helpdesk-triage" novalidate onSubmit={submit} aria-label={`${ht('triage')}: ${props.request.thread?.title ?? ''}`}>
          <FormAlert problem={problem()?.form?.code === 'VALIDATION_FAILED' ? undefined : problem()} success={outcome()?.ok ? ht('triaged') : undefined} />
          <div class="helpdesk-triage-fields">
            <SelectField
              id={id('group')}
              name="group"
              label={ht('group')}
              error={error('group')}
              onChange={(value) => {
                setGroup(value);
                setAssignee('');
              }}
            >
              <option value="">{ht('chooseGroup')}</option>
              <GroupOptions groups={byKind(props.groups)} chosen={group()} />
            </SelectField>
            <SelectField id={id('assignee')} name="assigneeId" label={ht('assignee')} error={error('assigneeId')} onChange={setAssignee}>
              <option value="">{ht('chooseAssignee')}</option>
              <For each={members() ?? []}>
                {(m) => (
                  <option value={m.expert.id} selected={m.expert.id === assignee()}>
                    {m.expert.name}
                  </option>
                )}
              </For>
            </SelectField>
            <SubmitButton pending={pending()} label={props.request.status === 'NEW' ? ht('triage') : ht('reassign')} pendingLabel={ht('sending')} class="button helpdesk-triage-submit" />
          </div>
        </form>
      </Show>
    </li>
  );
}
