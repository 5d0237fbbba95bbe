import './tasks.css';
import { createAsync } from '@solidjs/router';
import { Show, Suspense } from 'solid-js';
import { SectionError } from '../../components/section-error.tsx';
import { getExpertTasks } from './task.api.ts';
import { TaskList } from './task-parts.tsx';
import { tt } from './task-text.ts';

/** "Nhiệm vụ" on a profile: the person's current tasks and those closed lately (signed-in readers only). */
export function ExpertTasks(props: { handle: string }) {
  const data = createAsync(() => getExpertTasks(props.handle));
  const current = () => data()?.expert.current.edges.map((e) => e.node) ?? [];
  const closed = () => data()?.expert.closed.edges.map((e) => e.node) ?? [];
  return (
    <Suspense>
      <SectionError>
        <Show when={current().length || closed().length}>
          <section class="profile-section expert-tasks" aria-labelledby="expert-tasks-heading">
            <h2 id="expert-tasks-heading">{tt('profileTasks')}</h2>
            <h3>{tt('profileCurrent')}</h3>
            <TaskList tasks={current()} empty={tt('profileNone')} showGroup />
            <Show when={closed().length}>
              <h3>{tt('profileClosed')}</h3>
              <TaskList tasks={closed()} empty={tt('profileNone')} showGroup />
            </Show>
          </section>
        </Show>
      </SectionError>
    </Suspense>
  );
}
