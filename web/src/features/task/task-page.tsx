import './tasks.css';
import { A, createAsync, useParams } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { formatDate } from '../../i18n/i18n.ts';
import { textOf } from '../../lib/form.ts';
import { WorkingGroupNav } from '../group/working-group-nav.tsx';
import { addTaskLink, addTaskNote, getTask, removeTaskLink, setTaskStatus, type TaskDetail, type TaskPageData, updateTask } from './task.api.ts';
import { Responsible, vietnamToday, ResponsibleSelect } from './task-parts.tsx';
import { problemText, tt } from './task-text.ts';

/** /tasks/:id: a task with its responsible, due day, status, progress notes and results. */
export default function TaskPage() {
  const params = useParams();
  const data = createAsync(() => getTask(params.id!));
  return (
    <div class="page task-page">
      <WorkingGroupNav />
      <Suspense fallback={<PageLoading />}>
        <SectionError>
          <Show when={data()}>{(loaded) => <TaskBody data={loaded()} />}</Show>
        </SectionError>
      </Suspense>
    </div>
  );
}

type Status = TaskDetail['status'];

/** An address on this site (/practices/<id>, /threads/<id>) names a practice or a thread; anything else is a document. */
function linkTarget(address: string, title: string): { practiceId?: string; threadId?: string; url?: string; title?: string } {
  const path = address.startsWith('/') ? address : address.startsWith(location.origin) ? address.slice(location.origin.length) : '';
  const practice = /^\/practices\/([^/?#]+)/.exec(path);
  if (practice) return { practiceId: decodeURIComponent(practice[1]!) };
  const thread = /^\/(?:threads|discussions|questions)\/([^/?#]+)/.exec(path);
  if (thread) return { threadId: decodeURIComponent(thread[1]!) };
  return { url: address, title };
}

function TaskBody(props: { data: TaskPageData }) {
  const task = () => props.data.task;
  const ref = () => ({ id: task().id, version: task().version, group: task().group.slug });
  const [problem, setProblem] = createSignal('');
  const [editing, setEditing] = createSignal(false);
  const run = async (write: Promise<{ ok: boolean; problem?: unknown }>, form?: HTMLFormElement) => {
    const outcome = (await write) as Awaited<ReturnType<typeof addTaskNote>>;
    setProblem(outcome.ok ? '' : problemText(outcome.problem));
    if (outcome.ok) form?.reset();
    return outcome.ok;
  };
  const move = (event: SubmitEvent) => {
    event.preventDefault();
    const element = event.currentTarget as HTMLFormElement;
    const form = new FormData(element);
    const submitter = (event.submitter as HTMLButtonElement | null)?.value as Status;
    void run(setTaskStatus(ref(), submitter, textOf(form, 'reason')), element);
  };
  const note = (event: SubmitEvent) => {
    event.preventDefault();
    const element = event.currentTarget as HTMLFormElement;
    void run(addTaskNote(task().id, textOf(new FormData(element), 'body')), element);
  };
  const link = (event: SubmitEvent) => {
    event.preventDefault();
    const element = event.currentTarget as HTMLFormElement;
    const form = new FormData(element);
    void run(addTaskLink(task().id, linkTarget(textOf(form, 'address'), textOf(form, 'title'))), element);
  };
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const ok = await run(updateTask(ref(), { title: textOf(form, 'title'), description: textOf(form, 'description'), responsible: textOf(form, 'responsible'), dueOn: textOf(form, 'dueOn') }));
    if (ok) setEditing(false);
  };
  const responsibleValue = () =>
    task().responsibleExpert ? `expert:${task().group.members.find((m) => m.expert.handle === task().responsibleExpert!.handle)?.expert.id ?? ''}` : `group:${task().responsibleGroup?.slug}`;
  return (
    <article>
      <DocumentTitle text={task().title} />
      <p class="muted">
        <A href={`/groups/${encodeURIComponent(task().group.slug)}`}>{tt('taskOf', task().group.name)}</A>
      </p>
      <h1>{task().title}</h1>
      <dl class="task-facts">
        <dt>{tt('responsible')}</dt>
        <dd>
          <Responsible task={task()} />
        </dd>
        <dt>{tt('dueOn')}</dt>
        <dd>
          {task().dueOn}
          <Show when={task().overdue}>
            {' '}
            <strong class="task-overdue">{tt('overdue')}</strong>
          </Show>
        </dd>
        <dt>{tt('statusLabel')}</dt>
        <dd class="task-status">{tt(`status.${task().status}`)}</dd>
      </dl>
      <p class="muted">
        {tt('createdBy', task().createdBy.name)}
        <Show when={task().proposal}>{(proposal) => <> · {tt('fromProposal', proposal().proposer.name)}</>}</Show>
      </p>
      <Show when={task().status === 'DROPPED' && task().dropReason}>
        <p>{tt('dropReason', task().dropReason)}</p>
      </Show>
      <div class="rendered-markdown" innerHTML={task().descriptionHtml} />
      <Show when={problem()}>
        <p class="form-alert is-error" role="alert">
          {problem()}
        </p>
      </Show>
      <Show when={task().viewerNextStatuses.length}>
        <form class="task-status-actions" onSubmit={move} aria-label={tt('changeStatus')}>
          <Show when={task().viewerNextStatuses.includes('DROPPED')}>
            <label>
              {tt('dropReasonLabel')} <input name="reason" maxlength={1000} />
            </label>
          </Show>
          <For each={task().viewerNextStatuses}>
            {(status) => (
              <button type="submit" class="button button-secondary" value={status}>
                {tt(`statusAction.${status}`)}
              </button>
            )}
          </For>
        </form>
      </Show>
      <Show when={task().viewerCanLead}>
        <Show
          when={editing()}
          fallback={
            <button type="button" class="button button-quiet" onClick={() => setEditing(true)}>
              {tt('edit')}
            </button>
          }
        >
          <form class="task-inline-form" onSubmit={save} aria-label={tt('edit')}>
            <label for="edit-title">{tt('title')}</label>
            <input id="edit-title" name="title" value={task().title} required minlength={5} maxlength={200} />
            <label for="edit-description">{tt('description')}</label>
            <textarea id="edit-description" name="description" rows={4}>
              {task().description}
            </textarea>
            <label for="edit-responsible">{tt('responsible')}</label>
            <ResponsibleSelect id="edit-responsible" members={task().group.members} groups={props.data.groups} value={responsibleValue()} />
            <label for="edit-due">{tt('dueOn')}</label>
            <input id="edit-due" name="dueOn" type="date" value={task().dueOn} min={vietnamToday()} required />
            <div>
              <button type="submit" class="button">
                {tt('save')}
              </button>{' '}
              <button type="button" class="button button-quiet" onClick={() => setEditing(false)}>
                {tt('cancel')}
              </button>
            </div>
          </form>
        </Show>
      </Show>
      <section aria-labelledby="task-links">
        <h2 id="task-links">{tt('links')}</h2>
        <Show when={task().links.length} fallback={<p class="muted">{tt('noLinks')}</p>}>
          <ul class="task-links">
            <For each={task().links}>
              {(l) => (
                <li>
                  {tt(`linkKind.${l.kind}`)}:{' '}
                  <Show when={l.kind === 'DOCUMENT'} fallback={<LinkedItem link={l} />}>
                    <a href={l.url} rel="noopener noreferrer" target="_blank">
                      {l.title}
                    </a>
                  </Show>
                  <Show when={task().viewerCanWorkOn}>
                    {' '}
                    <button type="button" class="button button-quiet button-small" onClick={() => void run(removeTaskLink(task().id, l.id))}>
                      {tt('removeLink')}
                    </button>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={task().viewerCanWorkOn}>
          <form class="task-inline-form" onSubmit={link} aria-label={tt('addLink')}>
            <label for="link-address">{tt('linkAddress')}</label>
            <input id="link-address" name="address" required maxlength={2000} />
            <label for="link-title">{tt('linkTitle')}</label>
            <input id="link-title" name="title" maxlength={200} />
            <button type="submit" class="button button-secondary">
              {tt('addLink')}
            </button>
          </form>
        </Show>
      </section>
      <section aria-labelledby="task-notes">
        <h2 id="task-notes">{tt('notes')}</h2>
        <Show when={task().notes.edges.length} fallback={<p class="muted">{tt('noNotes')}</p>}>
          <ol class="task-notes">
            <For each={task().notes.edges}>
              {(e) => (
                <li class="task-note">
                  <p class="muted">
                    <A href={`/experts/${e.node.author.handle}`}>{e.node.author.name}</A> · {formatDate(e.node.createdAt)}
                  </p>
                  <div class="rendered-markdown" innerHTML={e.node.bodyHtml} />
                </li>
              )}
            </For>
          </ol>
        </Show>
        <Show when={task().viewerCanWorkOn}>
          <form class="task-inline-form" onSubmit={note} aria-label={tt('addNote')}>
            <label for="note-body">{tt('noteLabel')}</label>
            <textarea id="note-body" name="body" rows={3} required />
            <button type="submit" class="button">
              {tt('addNote')}
            </button>
          </form>
        </Show>
      </section>
    </article>
  );
}

function LinkedItem(props: { link: TaskDetail['links'][number] }) {
  return (
    <Show when={props.link.practice ?? props.link.thread} fallback={<span class="muted">{tt('unreadable')}</span>}>
      <Show when={props.link.practice} fallback={<A href={`/threads/${encodeURIComponent(props.link.thread!.id)}`}>{props.link.thread!.title}</A>}>
        {(practice) => <A href={`/practices/${encodeURIComponent(practice().id)}`}>{practice().title}</A>}
      </Show>
    </Show>
  );
}
