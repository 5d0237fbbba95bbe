import './programme.css';
import { createAsync, revalidate } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { createStore } from 'solid-js/store';
import { DocumentTitle } from '../../components/document-title.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { WorkingGroupNav } from '../group/working-group-nav.tsx';
import { activateFramework, createFramework, getAdmin, type ProgrammeAdmin, removeReporter, setReporter, updateFrameworkCriteria } from './programme.api.ts';
import { ForMembers, TargetText, type Unit } from './programme-parts.tsx';
import { pt } from './programme-text.ts';

type Framework = ProgrammeAdmin['programmeFrameworks'][number];
type Criterion = Framework['criteria'][number];

const problemOf = (result: { ok: boolean; problem?: { fields: Record<string, string>; form?: { code: string } } }) =>
  result.ok ? pt('done') : [result.problem?.form?.code, ...Object.entries(result.problem?.fields ?? {}).map(([path, code]) => pt('fieldProblem', path, code))].filter(Boolean).join(' · ');

/** /programme/admin: the versions of the criteria (copy, edit a draft, activate) and the reporting members, for admins. */
export default function ProgrammeAdminPage() {
  return (
    <ForMembers admins>
      <ProgrammeAdministration />
    </ForMembers>
  );
}

function ProgrammeAdministration() {
  const admin = createAsync(() => getAdmin());
  const [notice, setNotice] = createSignal('');
  const done = (message: string) => {
    setNotice(message);
    void revalidate(getAdmin.key);
  };
  return (
    <div class="programme-page">
      <DocumentTitle text={pt('adminTitle')} />
      <WorkingGroupNav />
      <header class="page-header">
        <h1 id="page-title">{pt('adminTitle')}</h1>
        <p class="lead">{pt('adminIntro')}</p>
      </header>
      <p role="status" class="programme-notice">
        {notice()}
      </p>
      <SectionError>
        <Suspense fallback={<PageLoading />}>
          <Show when={admin()}>
            {(data) => (
              <>
                <section aria-labelledby="frameworks-title">
                  <h2 id="frameworks-title">{pt('frameworks')}</h2>
                  <For each={data().programmeFrameworks}>{(framework) => <FrameworkCard framework={framework} onDone={done} />}</For>
                </section>
                <Reporters reporters={data().programmeReporters} onDone={done} />
              </>
            )}
          </Show>
        </Suspense>
      </SectionError>
    </div>
  );
}

function FrameworkCard(props: { framework: Framework; onDone: (message: string) => void }) {
  const [code, setCode] = createSignal('');
  const [title, setTitle] = createSignal('');
  const [criteria, setCriteria] = createStore<Criterion[]>(props.framework.criteria.map((c) => ({ ...c })));
  const draft = () => props.framework.status === 'DRAFT';
  return (
    <article class="programme-framework-card" data-status={props.framework.status}>
      <h3>
        {props.framework.code}: {props.framework.title} <span class="programme-badge">{pt(`frameworkStates.${props.framework.status}`)}</span>
      </h3>
      <table class="programme-table">
        <thead>
          <tr>
            <th scope="col">{pt('code')}</th>
            <th scope="col">{pt('criterion')}</th>
            <th scope="col">{pt('unit')}</th>
            <th scope="col">{pt('target')}</th>
            <th scope="col">{pt('deadline')}</th>
            <th scope="col">{pt('level')}</th>
            <Show when={draft()}>
              <th scope="col">
                <span class="visually-hidden">{pt('removeCriterion')}</span>
              </th>
            </Show>
          </tr>
        </thead>
        <tbody>
          <For each={criteria}>
            {(criterion, i) => (
              <Show
                when={draft()}
                fallback={
                  <tr>
                    <td>{criterion.code}</td>
                    <td>{criterion.title}</td>
                    <td>{pt(`units.${criterion.unit}`)}</td>
                    <td>
                      <TargetText unit={criterion.unit} target={criterion.target} />
                    </td>
                    <td>{criterion.deadline ?? '—'}</td>
                    <td>{pt(`levels.${criterion.level}`)}</td>
                  </tr>
                }
              >
                <tr>
                  <td>
                    <input aria-label={pt('code')} size="5" value={criterion.code} onInput={(e) => setCriteria(i(), 'code', e.currentTarget.value)} />
                  </td>
                  <td>
                    <input aria-label={pt('criterion')} value={criterion.title} onInput={(e) => setCriteria(i(), 'title', e.currentTarget.value)} />
                  </td>
                  <td>
                    <select aria-label={pt('unit')} value={criterion.unit} onChange={(e) => setCriteria(i(), 'unit', e.currentTarget.value as Unit)}>
                      <For each={['PERCENT', 'COUNT', 'YES_NO', 'DATE'] as const}>{(u) => <option value={u}>{pt(`units.${u}`)}</option>}</For>
                    </select>
                  </td>
                  <td>
                    <input aria-label={pt('target')} size="10" value={criterion.target} onInput={(e) => setCriteria(i(), 'target', e.currentTarget.value)} />
                  </td>
                  <td>
                    <input aria-label={pt('deadline')} type="date" value={criterion.deadline ?? ''} onInput={(e) => setCriteria(i(), 'deadline', e.currentTarget.value || null)} />
                  </td>
                  <td>
                    <select aria-label={pt('level')} value={criterion.level} onChange={(e) => setCriteria(i(), 'level', e.currentTarget.value as Criterion['level'])}>
                      <For each={['BOTH', 'MINISTRY', 'PROVINCE'] as const}>{(l) => <option value={l}>{pt(`levels.${l}`)}</option>}</For>
                    </select>
                  </td>
                  <td>
                    <button type="button" class="button button-secondary" onClick={() => setCriteria((list) => list.filter((_, j) => j !== i()))}>
                      {pt('removeCriterion')}
                    </button>
                  </td>
                </tr>
              </Show>
            )}
          </For>
        </tbody>
      </table>
      <div class="form-actions">
        <Show when={draft()}>
          <button
            type="button"
            class="button button-secondary"
            onClick={() =>
              setCriteria(criteria.length, {
                code: `CT${String(criteria.length + 1).padStart(2, '0')}`,
                title: '',
                titleEn: '',
                unit: 'PERCENT',
                target: '0',
                deadline: null,
                level: 'BOTH',
                order: criteria.length,
              })
            }
          >
            {pt('addCriterion')}
          </button>
          <button
            type="button"
            class="button"
            onClick={async () => props.onDone(problemOf(await updateFrameworkCriteria({ id: props.framework.id, revision: props.framework.revision, criteria: [...criteria] })))}
          >
            {pt('saveCriteria')}
          </button>
          <button type="button" class="button" onClick={async () => props.onDone(problemOf(await activateFramework(props.framework.id)))}>
            {pt('activate')}
          </button>
        </Show>
      </div>
      <form
        class="programme-copy"
        onSubmit={async (event) => {
          event.preventDefault();
          props.onDone(problemOf(await createFramework({ code: code(), title: title(), copyFrom: props.framework.id })));
        }}
      >
        <label>
          {pt('newCode')} <input required value={code()} onInput={(e) => setCode(e.currentTarget.value)} />
        </label>{' '}
        <label>
          {pt('newTitle')} <input required value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
        </label>{' '}
        <button type="submit" class="button button-secondary">
          {pt('copyAsDraft')}
        </button>
      </form>
    </article>
  );
}

function Reporters(props: { reporters: ProgrammeAdmin['programmeReporters']; onDone: (message: string) => void }) {
  const [organization, setOrganization] = createSignal('');
  const [handle, setHandle] = createSignal('');
  return (
    <section aria-labelledby="reporters-title">
      <h2 id="reporters-title">{pt('reporters')}</h2>
      <form
        class="programme-copy"
        onSubmit={async (event) => {
          event.preventDefault();
          props.onDone(problemOf(await setReporter(organization().trim(), handle().trim())));
        }}
      >
        <label>
          {pt('organizationSlug')} <input required value={organization()} onInput={(e) => setOrganization(e.currentTarget.value)} />
        </label>{' '}
        <label>
          {pt('handle')} <input required value={handle()} onInput={(e) => setHandle(e.currentTarget.value)} />
        </label>{' '}
        <button type="submit" class="button">
          {pt('addReporter')}
        </button>
      </form>
      <table class="programme-table">
        <thead>
          <tr>
            <th scope="col">{pt('organization')}</th>
            <th scope="col">{pt('reporters')}</th>
            <th scope="col">
              <span class="visually-hidden">{pt('remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.reporters}>
            {(r) => (
              <tr>
                <td>{r.organization.name}</td>
                <td>
                  <a href={`/experts/${r.expert.handle}`}>{r.expert.name}</a>
                </td>
                <td>
                  <button type="button" class="button button-secondary" onClick={async () => props.onDone(problemOf(await removeReporter(r.organization.slug, r.expert.id)))}>
                    {pt('remove')}
                  </button>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </section>
  );
}
