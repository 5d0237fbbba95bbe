import './tasks.css';
import { Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { createMorePages, MoreButton } from '../../lib/more-pages.tsx';
import { WorkingGroupNav } from '../group/working-group-nav.tsx';
import { getOverdueTasks } from './task.api.ts';
import { TaskList } from './task-parts.tsx';
import { tt } from './task-text.ts';

/** /tasks/overdue: for leads (their groups) and admins (every group), the unfinished tasks past their due day. */
export default function OverduePage() {
  const list = createMorePages(async (cursor) => (await getOverdueTasks(cursor)).viewer?.overdueTasks ?? null);
  return (
    <div class="page overdue-page">
      <DocumentTitle text={tt('overdueHeading')} />
      <WorkingGroupNav />
      <h1>{tt('overdueHeading')}</h1>
      <Suspense fallback={<PageLoading />}>
        <SectionError>
          <Show when={list.pages()}>
            {(pages) => (
              <Show when={pages()[0]} fallback={<p class="muted">{tt('overdueOnlyLeads')}</p>}>
                <p class="muted">{tt('overdueIntro')}</p>
                <TaskList tasks={list.items()} empty={tt('overdueNone')} showGroup />
                <MoreButton list={list} label={tt('more')} />
              </Show>
            )}
          </Show>
        </SectionError>
      </Suspense>
    </div>
  );
}
