import './tasks.css';
import { A, createAsync } from '@solidjs/router';
import { createSignal, createUniqueId, For, Show, Suspense } from 'solid-js';
import { FormAlert, SubmitButton, TextAreaField, TextField } from '../../components/form-field.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { t } from '../../i18n/i18n.ts';
import { textOf } from '../../lib/form.ts';
import { TASK_LIMITS } from '../../../../schema/field-limits.ts';
import { acceptProposal, createTask, declineProposal, getGroupBoard, type GroupBoardData, type ProposalItem, proposeTask } from './task.api.ts';
import { checkLocally, createTaskForm, resetForm, TaskFormAlert, vietnamToday } from './task-form.tsx';
import { ResponsibleSelect, TaskList } from './task-parts.tsx';
import { tt } from './task-text.ts';

type Board = GroupBoardData['group'];
const STATUSES = [
  ['OPEN', 'open'],
  ['IN_PROGRESS', 'inProgress'],
  ['DONE', 'done'],
  ['DROPPED', 'dropped'],
] as const;

/** A group's work board: its tasks by status (overdue marked), proposals, and the forms each member may use. */
export function GroupBoard(props: { group: string; viewerRole: 'LEAD' | 'MEMBER' | null }) {
  const data = createAsync(() => getGroupBoard(props.group));
  return (
    <section class="group-board" aria-label={tt('board')}>
      <p class="muted">{tt('boardIntro')}</p>
      <Suspense fallback={<PageLoading />}>
        <SectionError>
          <Show when={data()}>{(loaded) => <BoardBody data={loaded()} viewerRole={props.viewerRole} />}</Show>
        </SectionError>
      </Suspense>
    </section>
  );
}

function BoardBody(props: { data: GroupBoardData; viewerRole: 'LEAD' | 'MEMBER' | null }) {
  const board = () => props.data.group;
  const leads = () => props.viewerRole === 'LEAD' || props.data.viewer?.role === 'ADMIN';
  const decided = () => board().decided.filter((p) => p.status !== 'PROPOSED');
  // A decided proposal leaves the waiting list with its forms, so the board says how it went.
  const [decision, setDecision] = createSignal<string>();
  return (
    <>
      <Show when={leads()}>
        <p>
          <A href="/tasks/overdue">{tt('overdueLink')}</A>
        </p>
      </Show>
      <div class="task-columns">
        <For each={STATUSES}>
          {([status, key]) => (
            <section class="task-column" aria-labelledby={`tasks-${status}`}>
              <h3 id={`tasks-${status}`}>
                {tt(`status.${status}`)} ({board()[key].length})
              </h3>
              <TaskList tasks={board()[key]} empty={tt('none')} />
            </section>
          )}
        </For>
      </div>
      <section class="task-proposals" aria-labelledby="proposals-waiting">
        <h3 id="proposals-waiting">{tt('waitingHeading')}</h3>
        <FormAlert success={decision()} />
        <Show when={board().waiting.length} fallback={<p class="muted">{tt('noWaiting')}</p>}>
          <ul class="proposal-list">
            <For each={board().waiting}>{(p) => <ProposalCard proposal={p} board={board()} groups={props.data.groups} onDecided={setDecision} />}</For>
          </ul>
        </Show>
        <Show when={decided().length}>
          <h3>{tt('decidedHeading')}</h3>
          <ul class="proposal-list">
            <For each={decided()}>{(p) => <ProposalCard proposal={p} board={board()} groups={props.data.groups} onDecided={setDecision} />}</For>
          </ul>
        </Show>
      </section>
      <div class="task-forms">
        <Show when={props.data.viewer}>
          <Show when={props.data.viewer?.verified || props.data.viewer?.role === 'ADMIN'} fallback={<p class="muted">{tt('proposeVerify')}</p>}>
            <ProposeForm group={board().slug} />
          </Show>
        </Show>
        <Show when={leads()}>
          <CreateTaskForm board={board()} groups={props.data.groups} />
        </Show>
      </div>
    </>
  );
}

function ProposalCard(props: { proposal: ProposalItem; board: Board; groups: GroupBoardData['groups']; onDecided: (message: string) => void }) {
  const id = createUniqueId();
  const accepting = createTaskForm(['responsible', 'dueOn']);
  const declining = createTaskForm(['reason']);
  const accept = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const chosen = { responsible: textOf(form, 'responsible'), dueOn: textOf(form, 'dueOn') };
    void accepting
      .run(() => acceptProposal(props.board.slug, props.proposal.id, props.proposal.version, chosen.responsible, chosen.dueOn), checkLocally(chosen, ['responsible', 'dueOn']))
      .then((done) => done && props.onDecided(tt('accepted')));
  };
  const decline = (event: SubmitEvent) => {
    event.preventDefault();
    const reason = textOf(new FormData(event.currentTarget as HTMLFormElement), 'reason');
    void declining
      .run(() => declineProposal(props.board.slug, props.proposal.id, props.proposal.version, reason), checkLocally({ reason }, ['reason']))
      .then((done) => done && props.onDecided(tt('declined')));
  };
  return (
    <li class="proposal-card" id={`proposal-${props.proposal.id}`}>
      <h4>{props.proposal.title}</h4>
      <p class="muted">
        {tt('proposedBy', props.proposal.proposer.name)} · {tt(`proposalStatus.${props.proposal.status}`)}
      </p>
      <div class="rendered-markdown" innerHTML={props.proposal.descriptionHtml} />
      <Show when={props.proposal.rationale}>
        <p>
          <strong>{tt('rationale')}:</strong> {props.proposal.rationale}
        </p>
      </Show>
      <Show when={props.proposal.status === 'DECLINED'}>
        <p class="proposal-declined">{tt('declinedBecause', props.proposal.declineReason)}</p>
      </Show>
      <Show when={props.proposal.task}>
        {(task) => (
          <p>
            <A href={`/tasks/${encodeURIComponent(task().id)}`}>{task().title}</A>
          </p>
        )}
      </Show>
      <Show when={props.proposal.viewerCanDecide}>
        <div class="proposal-decisions">
          <form class="form proposal-decide" novalidate ref={accepting.ref} onSubmit={accept} aria-label={tt('accept')}>
            <TaskFormAlert form={accepting} />
            <div class="task-field-row">
              <ResponsibleSelect id={`${id}-responsible`} members={props.board.members} groups={props.groups} error={accepting.error('responsible')} />
              <TextField id={`${id}-due`} name="dueOn" type="date" label={tt('dueOn')} min={vietnamToday()} error={accepting.error('dueOn')} />
            </div>
            <div class="form-actions">
              <SubmitButton pending={accepting.pending()} label={tt('accept')} pendingLabel={t('form.saving')} />
            </div>
          </form>
          <form class="form proposal-decide" novalidate ref={declining.ref} onSubmit={decline} aria-label={tt('decline')}>
            <TaskFormAlert form={declining} />
            <TextAreaField
              id={`${id}-reason`}
              name="reason"
              label={tt('declineReason')}
              hint={tt('declineReasonHint')}
              rows={2}
              maxLength={TASK_LIMITS.reason}
              lang="vi"
              error={declining.error('reason')}
            />
            <div class="form-actions">
              <SubmitButton pending={declining.pending()} label={tt('decline')} pendingLabel={t('form.saving')} class="button button-secondary" />
            </div>
          </form>
        </div>
      </Show>
    </li>
  );
}

function ProposeForm(props: { group: string }) {
  const proposing = createTaskForm(['title', 'description', 'rationale']);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const element = event.currentTarget as HTMLFormElement;
    const form = new FormData(element);
    const fields = { title: textOf(form, 'title'), description: textOf(form, 'description'), rationale: textOf(form, 'rationale') };
    void proposing.run(() => proposeTask(props.group, fields), checkLocally(fields, ['title', 'description'])).then((done) => done && resetForm(element));
  };
  return (
    <section class="card task-form-card" aria-labelledby="propose-heading">
      <h3 id="propose-heading" class="card-title">
        {tt('proposeHeading')}
      </h3>
      <p class="card-intro">{tt('proposeIntro')}</p>
      <form class="form" novalidate ref={proposing.ref} onSubmit={submit} aria-labelledby="propose-heading">
        <TaskFormAlert form={proposing} success={tt('proposed')} />
        <TextField id="propose-title" name="title" label={tt('title')} maxLength={TASK_LIMITS.title} lang="vi" error={proposing.error('title')} />
        <TextAreaField id="propose-description" name="description" label={tt('description')} rows={4} maxLength={TASK_LIMITS.markdown} lang="vi" error={proposing.error('description')} />
        <TextAreaField id="propose-rationale" name="rationale" label={tt('rationale')} optional rows={2} maxLength={TASK_LIMITS.rationale} lang="vi" error={proposing.error('rationale')} />
        <div class="form-actions">
          <SubmitButton pending={proposing.pending()} label={tt('send')} pendingLabel={t('form.sending')} />
        </div>
      </form>
    </section>
  );
}

function CreateTaskForm(props: { board: Board; groups: GroupBoardData['groups'] }) {
  const creating = createTaskForm(['title', 'description', 'responsible', 'dueOn']);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const element = event.currentTarget as HTMLFormElement;
    const form = new FormData(element);
    const fields = { title: textOf(form, 'title'), description: textOf(form, 'description'), responsible: textOf(form, 'responsible'), dueOn: textOf(form, 'dueOn') };
    void creating.run(() => createTask(props.board.slug, fields), checkLocally(fields, ['title', 'responsible', 'dueOn'])).then((done) => done && resetForm(element));
  };
  return (
    <section class="card task-form-card" aria-labelledby="create-task-heading">
      <h3 id="create-task-heading" class="card-title">
        {tt('createHeading')}
      </h3>
      <form class="form" novalidate ref={creating.ref} onSubmit={submit} aria-labelledby="create-task-heading">
        <TaskFormAlert form={creating} success={tt('created')} />
        <TextField id="create-title" name="title" label={tt('title')} maxLength={TASK_LIMITS.title} lang="vi" error={creating.error('title')} />
        <TextAreaField id="create-description" name="description" label={tt('description')} optional rows={3} maxLength={TASK_LIMITS.markdown} lang="vi" error={creating.error('description')} />
        <div class="task-field-row">
          <ResponsibleSelect id="create-responsible" members={props.board.members} groups={props.groups} error={creating.error('responsible')} />
          <TextField id="create-due" name="dueOn" type="date" label={tt('dueOn')} min={vietnamToday()} error={creating.error('dueOn')} />
        </div>
        <div class="form-actions">
          <SubmitButton pending={creating.pending()} label={tt('create')} pendingLabel={t('form.saving')} />
        </div>
      </form>
    </section>
  );
}
