import './tasks.css';
import { A, createAsync, useParams } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { FormAlert, SubmitButton, TextAreaField, TextField } from '../../components/form-field.tsx';
import { formatDate, t } from '../../i18n/i18n.ts';
import { textOf } from '../../lib/form.ts';
import { TASK_LIMITS, WEB_ADDRESS_MAX } from '../../../../schema/field-limits.ts';
import { WorkingGroupNav } from '../group/working-group-nav.tsx';
import { addTaskLink, addTaskNote, getTask, removeTaskLink, setTaskStatus, type TaskDetail, type TaskPageData, updateTask } from './task.api.ts';
import { checkLocally, createTaskForm, resetForm, TaskFormAlert, vietnamToday } from './task-form.tsx';
import { Responsible, ResponsibleSelect } from './task-parts.tsx';
import { tt } from './task-text.ts';

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
  const [editing, setEditing] = createSignal(false);
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
      <Show when={task().viewerNextStatuses.length}>
        <StatusForm task={task()} at={ref()} />
      </Show>
      <Show when={task().viewerCanLead}>
        <EditTask task={task()} groups={props.data.groups} at={ref()} responsible={responsibleValue()} editing={editing()} onEditing={setEditing} />
      </Show>
      <section aria-labelledby="task-links">
        <h2 id="task-links">{tt('links')}</h2>
        <TaskLinks task={task()} />
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
          <NoteForm taskId={task().id} />
        </Show>
      </section>
    </article>
  );
}

type TaskAt = { id: string; version: number; group: string };

/** The statuses the viewer may move the task to, one button each; dropping needs a reason. */
function StatusForm(props: { task: TaskDetail; at: TaskAt }) {
  const moving = createTaskForm(['reason']);
  const [target, setTarget] = createSignal<Status>();
  const move = (event: SubmitEvent) => {
    event.preventDefault();
    const element = event.currentTarget as HTMLFormElement;
    const status = (event.submitter as HTMLButtonElement | null)?.value as Status | undefined;
    if (!status) return;
    const reason = textOf(new FormData(element), 'reason');
    setTarget(status);
    void moving.run(() => setTaskStatus(props.at, status, reason), checkLocally({ reason }, status === 'DROPPED' ? ['reason'] : [])).then((done) => done && resetForm(element));
  };
  return (
    <form class="form card task-card" novalidate ref={moving.ref} onSubmit={move} aria-label={tt('changeStatus')}>
      <h2 class="card-title">{tt('changeStatus')}</h2>
      <TaskFormAlert form={moving} success={tt('statusChanged')} />
      <Show when={props.task.viewerNextStatuses.includes('DROPPED')}>
        <TextAreaField id="drop-reason" name="reason" label={tt('dropReasonLabel')} hint={tt('dropReasonHint')} rows={2} maxLength={TASK_LIMITS.reason} lang="vi" error={moving.error('reason')} />
      </Show>
      <div class="button-row">
        <For each={props.task.viewerNextStatuses}>
          {(status) => (
            <button
              type="submit"
              class={status === 'DROPPED' ? 'button button-danger' : 'button button-secondary'}
              value={status}
              disabled={moving.pending()}
              aria-disabled={moving.pending() ? 'true' : undefined}
            >
              {moving.pending() && target() === status ? t('form.saving') : tt(`statusAction.${status}`)}
            </button>
          )}
        </For>
      </div>
    </form>
  );
}

/** A lead's edit of the title, description, responsible and due day, opened from a button. */
function EditTask(props: { task: TaskDetail; groups: TaskPageData['groups']; at: TaskAt; responsible: string; editing: boolean; onEditing: (on: boolean) => void }) {
  const saving = createTaskForm(['title', 'description', 'responsible', 'dueOn']);
  const save = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const fields = { title: textOf(form, 'title'), description: textOf(form, 'description'), responsible: textOf(form, 'responsible'), dueOn: textOf(form, 'dueOn') };
    // An unchanged due day that has gone by stays (the API checks only a new one).
    const local = checkLocally(fields, ['title', 'responsible', 'dueOn']);
    if (fields.dueOn === props.task.dueOn && local.dueOn === 'IN_PAST') delete local.dueOn;
    void saving.run(() => updateTask(props.at, fields), local).then((done) => done && props.onEditing(false));
  };
  const open = () => {
    saving.clear();
    props.onEditing(true);
  };
  return (
    <Show
      when={props.editing}
      fallback={
        <div class="task-edit-closed">
          <Show when={saving.succeeded()}>
            <FormAlert success={tt('saved')} />
          </Show>
          <button type="button" class="button button-secondary" onClick={open}>
            {tt('edit')}
          </button>
        </div>
      }
    >
      <form class="form card task-card" novalidate ref={saving.ref} onSubmit={save} aria-label={tt('edit')}>
        <h2 class="card-title">{tt('edit')}</h2>
        <TaskFormAlert form={saving} />
        <TextField id="edit-title" name="title" label={tt('title')} value={props.task.title} maxLength={TASK_LIMITS.title} lang="vi" error={saving.error('title')} />
        <TextAreaField
          id="edit-description"
          name="description"
          label={tt('description')}
          optional
          value={props.task.description}
          rows={4}
          maxLength={TASK_LIMITS.markdown}
          lang="vi"
          error={saving.error('description')}
        />
        <div class="task-field-row">
          <ResponsibleSelect id="edit-responsible" members={props.task.group.members} groups={props.groups} value={props.responsible} error={saving.error('responsible')} />
          <TextField id="edit-due" name="dueOn" type="date" label={tt('dueOn')} value={props.task.dueOn} min={vietnamToday()} error={saving.error('dueOn')} />
        </div>
        <div class="form-actions">
          <SubmitButton pending={saving.pending()} label={tt('save')} />
          <button type="button" class="button button-quiet" onClick={() => props.onEditing(false)}>
            {tt('cancel')}
          </button>
        </div>
      </form>
    </Show>
  );
}

/** The results linked to the task, with the form that links one more. */
function TaskLinks(props: { task: TaskDetail }) {
  const linking = createTaskForm(['address', 'linkTitle'], { title: 'linkTitle' });
  const unlinking = createTaskForm([]);
  const link = (event: SubmitEvent) => {
    event.preventDefault();
    const element = event.currentTarget as HTMLFormElement;
    const form = new FormData(element);
    const fields = { address: textOf(form, 'address'), linkTitle: textOf(form, 'title') };
    const target = linkTarget(fields.address, fields.linkTitle);
    const local = checkLocally(fields, target.url !== undefined ? ['address', 'linkTitle'] : ['address']);
    void linking.run(() => addTaskLink(props.task.id, target), local).then((done) => done && resetForm(element));
  };
  return (
    <>
      <TaskFormAlert form={unlinking} success={tt('linkRemoved')} />
      <Show when={props.task.links.length} fallback={<p class="muted">{tt('noLinks')}</p>}>
        <ul class="task-links">
          <For each={props.task.links}>
            {(l) => (
              <li>
                <span class="task-link-kind">{tt(`linkKind.${l.kind}`)}</span>{' '}
                <Show when={l.kind === 'DOCUMENT'} fallback={<LinkedItem link={l} />}>
                  <a href={l.url} rel="noopener noreferrer" target="_blank">
                    {l.title}
                  </a>
                </Show>
                <Show when={props.task.viewerCanWorkOn}>
                  {' '}
                  <button type="button" class="button button-quiet button-small" disabled={unlinking.pending()} onClick={() => void unlinking.run(() => removeTaskLink(props.task.id, l.id))}>
                    {tt('removeLink')}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.task.viewerCanWorkOn}>
        <form class="form card task-card" novalidate ref={linking.ref} onSubmit={link} aria-label={tt('addLink')}>
          <TaskFormAlert form={linking} success={tt('linkAdded')} />
          <TextField
            id="link-address"
            name="address"
            label={tt('linkAddress')}
            hint={tt('linkAddressHint')}
            inputMode="url"
            spellcheck={false}
            maxLength={WEB_ADDRESS_MAX}
            error={linking.error('address')}
          />
          <TextField id="link-title" name="title" label={tt('linkTitle')} hint={tt('linkTitleHint')} optional maxLength={TASK_LIMITS.linkTitle} lang="vi" error={linking.error('linkTitle')} />
          <div class="form-actions">
            <SubmitButton pending={linking.pending()} label={tt('addLink')} class="button button-secondary" />
          </div>
        </form>
      </Show>
    </>
  );
}

function NoteForm(props: { taskId: string }) {
  const noting = createTaskForm(['body']);
  const note = (event: SubmitEvent) => {
    event.preventDefault();
    const element = event.currentTarget as HTMLFormElement;
    const body = textOf(new FormData(element), 'body');
    void noting.run(() => addTaskNote(props.taskId, body), checkLocally({ body }, ['body'])).then((done) => done && resetForm(element));
  };
  return (
    <form class="form card task-card" novalidate ref={noting.ref} onSubmit={note} aria-label={tt('addNote')}>
      <TaskFormAlert form={noting} success={tt('noteAdded')} />
      <TextAreaField id="note-body" name="body" label={tt('noteLabel')} rows={3} maxLength={TASK_LIMITS.markdown} lang="vi" error={noting.error('body')} />
      <div class="form-actions">
        <SubmitButton pending={noting.pending()} label={tt('addNote')} />
      </div>
    </form>
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
