import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { SelectField } from '../../components/form-field.tsx';
import type { TaskCard } from './task.api.ts';
import { tt } from './task-text.ts';

/** A task's address: its page. */
export const taskHref = (id: string) => `/tasks/${encodeURIComponent(id)}`;

/** Who carries the task: its person (a link to their profile) or its group. */
export function Responsible(props: { task: Pick<TaskCard, 'responsibleExpert' | 'responsibleGroup'> }) {
  return (
    <Show when={props.task.responsibleExpert} fallback={<span>{tt('responsibleGroup', props.task.responsibleGroup?.name ?? '')}</span>}>
      {(person) => <A href={`/experts/${person().handle}`}>{person().name}</A>}
    </Show>
  );
}

/** One task in a list: title, responsible, due day, overdue mark. */
export function TaskRow(props: { task: TaskCard & { group?: { name: string } }; showGroup?: boolean }) {
  return (
    <li class="task-row" classList={{ 'is-overdue': props.task.overdue }}>
      <A href={taskHref(props.task.id)} class="task-row-title">
        {props.task.title}
      </A>
      <span class="task-row-meta muted">
        <Show when={props.showGroup}>
          <span>{props.task.group?.name} · </span>
        </Show>
        <Responsible task={props.task} /> · {tt('due', props.task.dueOn)}
        <Show when={props.task.overdue}>
          {' '}
          <strong class="task-overdue">{tt('overdue')}</strong>
        </Show>
      </span>
    </li>
  );
}

export function TaskList(props: { tasks: readonly (TaskCard & { group?: { name: string } })[]; empty: string; showGroup?: boolean }) {
  return (
    <Show when={props.tasks.length} fallback={<p class="muted">{props.empty}</p>}>
      <ul class="task-list">
        <For each={props.tasks}>{(task) => <TaskRow task={task} showGroup={props.showGroup} />}</For>
      </ul>
    </Show>
  );
}

/**
 * The responsible picker: a member of the group, or one of the groups, in two option groups.
 * Its value is "expert:<id>" or "group:<slug>" (task.api.ts responsibleOf).
 */
export function ResponsibleSelect(props: {
  id: string;
  members: readonly { expert: { id: string; name: string } }[];
  groups: readonly { slug: string; name: string }[];
  value?: string;
  error: string | undefined;
}) {
  return (
    <SelectField id={props.id} name="responsible" label={tt('responsible')} error={props.error}>
      <option value="">{tt('choose')}</option>
      <optgroup label={tt('people')}>
        <For each={props.members}>
          {(m) => (
            <option value={`expert:${m.expert.id}`} selected={props.value === `expert:${m.expert.id}`}>
              {m.expert.name}
            </option>
          )}
        </For>
      </optgroup>
      <optgroup label={tt('groups')}>
        <For each={props.groups}>
          {(g) => (
            <option value={`group:${g.slug}`} selected={props.value === `group:${g.slug}`}>
              {g.name}
            </option>
          )}
        </For>
      </optgroup>
    </SelectField>
  );
}
