import './tasks.css';
import { A, createAsync } from '@solidjs/router';
import { createSignal, createUniqueId, For, Show, Suspense } from 'solid-js';
import { PageLoading } from '../../components/page-loading.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { textOf } from '../../lib/form.ts';
import { acceptProposal, createTask, declineProposal, getGroupBoard, type GroupBoardData, type ProposalItem, proposeTask } from './task.api.ts';
import { ResponsibleSelect, TaskList, vietnamToday } from './task-parts.tsx';
import { problemText, tt } from './task-text.ts';

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
        <Show when={board().waiting.length} fallback={<p class="muted">{tt('noWaiting')}</p>}>
          <ul class="proposal-list">
            <For each={board().waiting}>{(p) => <ProposalCard proposal={p} board={board()} groups={props.data.groups} />}</For>
          </ul>
        </Show>
        <Show when={decided().length}>
          <h3>{tt('decidedHeading')}</h3>
          <ul class="proposal-list">
            <For each={decided()}>{(p) => <ProposalCard proposal={p} board={board()} groups={props.data.groups} />}</For>
          </ul>
        </Show>
      </section>
      <Show when={props.data.viewer}>
        <Show when={props.data.viewer?.verified || props.data.viewer?.role === 'ADMIN'} fallback={<p class="muted">{tt('proposeVerify')}</p>}>
          <ProposeForm group={board().slug} />
        </Show>
      </Show>
      <Show when={leads()}>
        <CreateTaskForm board={board()} groups={props.data.groups} />
      </Show>
    </>
  );
}

function ProposalCard(props: { proposal: ProposalItem; board: Board; groups: GroupBoardData['groups'] }) {
  const [problem, setProblem] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const id = createUniqueId();
  const accept = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    const outcome = await acceptProposal(props.board.slug, props.proposal.id, props.proposal.version, textOf(form, 'responsible'), textOf(form, 'dueOn'));
    setBusy(false);
    setProblem(outcome.ok ? '' : problemText(outcome.problem));
  };
  const decline = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    const outcome = await declineProposal(props.board.slug, props.proposal.id, props.proposal.version, textOf(form, 'reason'));
    setBusy(false);
    setProblem(outcome.ok ? '' : problemText(outcome.problem));
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
        <form class="proposal-decide" onSubmit={accept} aria-label={tt('accept')}>
          <label for={`${id}-responsible`}>{tt('responsible')}</label>
          <ResponsibleSelect id={`${id}-responsible`} members={props.board.members} groups={props.groups} />
          <label for={`${id}-due`}>{tt('dueOn')}</label>
          <input id={`${id}-due`} name="dueOn" type="date" min={vietnamToday()} required />
          <button type="submit" class="button" disabled={busy()}>
            {tt('accept')}
          </button>
        </form>
        <form class="proposal-decide" onSubmit={decline} aria-label={tt('decline')}>
          <label for={`${id}-reason`}>{tt('declineReason')}</label>
          <input id={`${id}-reason`} name="reason" required maxlength={1000} />
          <button type="submit" class="button button-secondary" disabled={busy()}>
            {tt('decline')}
          </button>
        </form>
      </Show>
      <Show when={problem()}>
        <p class="form-alert is-error" role="alert">
          {problem()}
        </p>
      </Show>
    </li>
  );
}

function ProposeForm(props: { group: string }) {
  const [problem, setProblem] = createSignal('');
  const [notice, setNotice] = createSignal('');
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const element = event.currentTarget as HTMLFormElement;
    const form = new FormData(element);
    const outcome = await proposeTask(props.group, { title: textOf(form, 'title'), description: textOf(form, 'description'), rationale: textOf(form, 'rationale') });
    setProblem(outcome.ok ? '' : problemText(outcome.problem));
    setNotice(outcome.ok ? tt('proposed') : '');
    if (outcome.ok) element.reset();
  };
  return (
    <form class="task-form" onSubmit={submit} aria-labelledby="propose-heading">
      <h3 id="propose-heading">{tt('proposeHeading')}</h3>
      <p class="muted">{tt('proposeIntro')}</p>
      <label for="propose-title">{tt('title')}</label>
      <input id="propose-title" name="title" required minlength={5} maxlength={200} />
      <label for="propose-description">{tt('description')}</label>
      <textarea id="propose-description" name="description" required rows={4} />
      <label for="propose-rationale">{tt('rationale')}</label>
      <textarea id="propose-rationale" name="rationale" rows={2} />
      <button type="submit" class="button">
        {tt('send')}
      </button>
      <Show when={problem()}>
        <p class="form-alert is-error" role="alert">
          {problem()}
        </p>
      </Show>
      <Show when={notice()}>
        <p class="form-alert is-success" role="status">
          {notice()}
        </p>
      </Show>
    </form>
  );
}

function CreateTaskForm(props: { board: Board; groups: GroupBoardData['groups'] }) {
  const [problem, setProblem] = createSignal('');
  const [notice, setNotice] = createSignal('');
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const element = event.currentTarget as HTMLFormElement;
    const form = new FormData(element);
    const outcome = await createTask(props.board.slug, {
      title: textOf(form, 'title'),
      description: textOf(form, 'description'),
      responsible: textOf(form, 'responsible'),
      dueOn: textOf(form, 'dueOn'),
    });
    setProblem(outcome.ok ? '' : problemText(outcome.problem));
    setNotice(outcome.ok ? tt('created') : '');
    if (outcome.ok) element.reset();
  };
  return (
    <form class="task-form" onSubmit={submit} aria-labelledby="create-task-heading">
      <h3 id="create-task-heading">{tt('createHeading')}</h3>
      <label for="create-title">{tt('title')}</label>
      <input id="create-title" name="title" required minlength={5} maxlength={200} />
      <label for="create-description">{tt('description')}</label>
      <textarea id="create-description" name="description" rows={3} />
      <label for="create-responsible">{tt('responsible')}</label>
      <ResponsibleSelect id="create-responsible" members={props.board.members} groups={props.groups} />
      <label for="create-due">{tt('dueOn')}</label>
      <input id="create-due" name="dueOn" type="date" min={vietnamToday()} required />
      <button type="submit" class="button">
        {tt('create')}
      </button>
      <Show when={problem()}>
        <p class="form-alert is-error" role="alert">
          {problem()}
        </p>
      </Show>
      <Show when={notice()}>
        <p class="form-alert is-success" role="status">
          {notice()}
        </p>
      </Show>
    </form>
  );
}
