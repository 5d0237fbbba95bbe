import { A, createAsync, revalidate } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { formatDateTime, localName } from '../../i18n/i18n.ts';
import { formErrorText, fieldErrorText } from '../../lib/form.ts';
import { getGroupMembers, getHelpdeskDashboard, getHelpdeskQueue, type HelpdeskMine, type HelpdeskRequest, type HelpdeskStatus, triageRequest } from './helpdesk.api.ts';
import { StatusChip } from './helpdesk-parts.tsx';
import { ht } from './helpdesk-text.ts';

type Groups = HelpdeskMine['groups'];

/** The expert groups first: most requests go to one of them. */
const byKind = (groups: Groups) => [...groups].sort((a, b) => Number(b.kind === 'EXPERT') - Number(a.kind === 'EXPERT'));

/** The desk's queue: new requests to triage, assigned ones to reassign, each with group and responder pickers. */
export function HelpdeskQueue(props: { groups: Groups }) {
  const [status, setStatus] = createSignal<HelpdeskStatus>('NEW');
  const queue = createAsync(() => getHelpdeskQueue(status()));
  return (
    <section class="helpdesk-section" aria-labelledby="helpdesk-queue-title">
      <h2 id="helpdesk-queue-title">{ht('queueHeading')}</h2>
      <div class="helpdesk-tabs" role="group" aria-label={ht('queueHeading')}>
        <For each={['NEW', 'ASSIGNED', 'ANSWERED'] as const}>
          {(s) => (
            <button type="button" class="button button-small" classList={{ 'button-secondary': status() !== s }} aria-pressed={status() === s} onClick={() => setStatus(s)}>
              {ht(`status.${s}`)}
            </button>
          )}
        </For>
      </div>
      <Suspense>
        <Show when={queue()?.helpdeskQueue.edges.length} fallback={<p class="empty-note">{ht('queueEmpty')}</p>}>
          <ul class="helpdesk-list">
            <For each={queue()!.helpdeskQueue.edges}>{(edge) => <QueueItem request={edge.node} groups={props.groups} />}</For>
          </ul>
        </Show>
      </Suspense>
    </section>
  );
}

function QueueItem(props: { request: HelpdeskRequest; groups: Groups }) {
  const [group, setGroup] = createSignal(props.request.group?.slug ?? '');
  const [assignee, setAssignee] = createSignal(props.request.assignee?.id ?? '');
  const [message, setMessage] = createSignal<string>();
  const [pending, setPending] = createSignal(false);
  const members = createAsync(async () => (group() ? getGroupMembers(group()) : []));
  const id = () => props.request.id.replace(/[^a-zA-Z0-9]/g, '');
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!group() || !assignee()) return setMessage(fieldErrorText(group() ? 'assigneeId' : 'group', 'REQUIRED'));
    setPending(true);
    const result = await triageRequest(props.request.id, group(), assignee(), props.request.version);
    setPending(false);
    if (result.ok) {
      setMessage(ht('triaged'));
      await revalidate([getHelpdeskQueue.key, getHelpdeskDashboard.key]);
    } else
      setMessage(
        result.problem.form?.code === 'CONFLICT'
          ? ht('conflict')
          : Object.keys(result.problem.fields).length
            ? fieldErrorText(Object.keys(result.problem.fields)[0]!, Object.values(result.problem.fields)[0]!)
            : formErrorText(result.problem.form ?? { code: 'UNKNOWN' }),
      );
    if (!result.ok && result.problem.form?.code === 'CONFLICT') await revalidate(getHelpdeskQueue.key);
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
        <form class="helpdesk-triage" onSubmit={submit} aria-label={`${ht('triage')}: ${props.request.thread?.title ?? ''}`}>
          <label for={`triage-group-${id()}`}>{ht('group')}</label>
          <select
            id={`triage-group-${id()}`}
            value={group()}
            onChange={(e) => {
              setGroup(e.currentTarget.value);
              setAssignee('');
            }}
          >
            <option value="">{ht('chooseGroup')}</option>
            <For each={byKind(props.groups)}>{(g) => <option value={g.slug}>{localName(g)}</option>}</For>
          </select>
          <label for={`triage-assignee-${id()}`}>{ht('assignee')}</label>
          <select id={`triage-assignee-${id()}`} value={assignee()} onChange={(e) => setAssignee(e.currentTarget.value)}>
            <option value="">{ht('chooseAssignee')}</option>
            <For each={members() ?? []}>
              {(m) => (
                <option value={m.expert.id} selected={m.expert.id === assignee()}>
                  {m.expert.name}
                </option>
              )}
            </For>
          </select>
          <button type="submit" class="button button-small" disabled={pending()}>
            {props.request.status === 'NEW' ? ht('triage') : ht('reassign')}
          </button>
          <Show when={message()}>
            <p class="helpdesk-message" role="status">
              {message()}
            </p>
          </Show>
        </form>
      </Show>
    </li>
  );
}
