import './programme.css';
import { createAsync, revalidate } from '@solidjs/router';
import { createSignal, For, type JSX, Show, Suspense } from 'solid-js';
import { createStore } from 'solid-js/store';
import { DocumentTitle } from '../../components/document-title.tsx';
import { FieldError, FormAlert, SubmitButton, TextField } from '../../components/form-field.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { WorkingGroupNav } from '../group/working-group-nav.tsx';
import { type Outcome, refusedLocally } from '../../lib/form.ts';
import { useProblem } from './admin-form.ts';
import { Reporters } from './admin-reporters.tsx';
import { activateFramework, createFramework, getAdmin, getReportingOrganizations, type ProgrammeAdmin, updateFrameworkCriteria } from './programme.api.ts';
import { ForMembers, TargetText, type Unit } from './programme-parts.tsx';
import { pt } from './programme-text.ts';

type Framework = ProgrammeAdmin['programmeFrameworks'][number];
type Criterion = Framework['criteria'][number];

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
  const organizations = createAsync(() => getReportingOrganizations());
  const done = () => void revalidate(getAdmin.key);
  return (
    <div class="programme-page">
      <DocumentTitle text={pt('adminTitle')} />
      <WorkingGroupNav />
      <header class="page-header">
        <h1 id="page-title">{pt('adminTitle')}</h1>
        <p class="lead">{pt('adminIntro')}</p>
      </header>
      <SectionError>
        <Suspense fallback={<PageLoading />}>
          <Show when={admin()}>
            {(data) => (
              <>
                <section aria-labelledby="frameworks-title">
                  <h2 id="frameworks-title">{pt('frameworks')}</h2>
                  <For each={data().programmeFrameworks}>{(framework) => <FrameworkCard framework={framework} onDone={done} />}</For>
                </section>
                <Reporters reporters={data().programmeReporters} organizations={organizations() ?? []} onDone={done} />
              </>
            )}
          </Show>
        </Suspense>
      </SectionError>
    </div>
  );
}

/** A control in a table cell, styled as the forms' fields, with its error under it. */
interface CellControl {
  id: string;
  error?: string | undefined;
  attributes: { id: string; 'aria-invalid': 'true' | undefined; 'aria-describedby': string | undefined };
}

/** A draft criterion's choice among `values` (its unit, its level), in its table cell. */
function ChoiceCell<T extends string>(props: { control: CellControl; label: string; values: readonly T[]; chosen: T; word: (value: T) => string; onChoose: (value: T) => void }) {
  return (
    <Cell {...props.control}>
      <select {...props.control.attributes} class="select" aria-label={props.label} onChange={(e) => props.onChoose(e.currentTarget.value as T)}>
        <For each={props.values}>
          {(value) => (
            // Chosen on the option: a select's own value is set before its options exist.
            <option value={value} selected={value === props.chosen}>
              {props.word(value)}
            </option>
          )}
        </For>
      </select>
    </Cell>
  );
}

function Cell(props: { id: string; error?: string | undefined; children: JSX.Element }) {
  return (
    <div class="field programme-cell" classList={{ 'has-error': Boolean(props.error) }}>
      {props.children}
      <FieldError id={props.id} error={props.error} />
    </div>
  );
}

function FrameworkCard(props: { framework: Framework; onDone: () => void }) {
  const [criteria, setCriteria] = createStore<Criterion[]>(props.framework.criteria.map((c) => ({ ...c })));
  const [pending, setPending] = createSignal(false);
  const [saved, setSaved] = createSignal<string>();
  let criteriaForm: HTMLFormElement | undefined;
  let copyForm: HTMLFormElement | undefined;
  const edit = useProblem(() => criteriaForm);
  const copy = useProblem(() => copyForm);
  const draft = () => props.framework.status === 'DRAFT';
  const prefix = `framework-${props.framework.id}`;

  const run = async (write: () => Promise<Outcome<unknown>>, into: ReturnType<typeof useProblem>, success: string) => {
    setSaved(undefined);
    setPending(true);
    const result = await write();
    setPending(false);
    into.settle(result);
    if (result.ok) {
      setSaved(success);
      props.onDone();
    }
    return result.ok;
  };
  /** The props a cell's control takes for the criterion's field at `path` (criteria.N.field). */
  const control = (i: number, field: string) => {
    const id = `${prefix}-${i}-${field}`;
    const error = edit.error(`criteria.${i}.${field}`);
    return { id, error, attributes: { id, 'aria-invalid': error ? ('true' as const) : undefined, 'aria-describedby': error ? `${id}-error` : undefined } };
  };

  return (
    <article class="programme-framework-card" data-status={props.framework.status} aria-labelledby={`${prefix}-title`}>
      <h3 id={`${prefix}-title`}>
        {props.framework.code}: {props.framework.title} <span class="programme-badge">{pt(`frameworkStates.${props.framework.status}`)}</span>
      </h3>
      <form
        ref={criteriaForm}
        novalidate
        aria-labelledby={`${prefix}-title`}
        onSubmit={(event) => {
          event.preventDefault();
          void run(() => updateFrameworkCriteria({ id: props.framework.id, revision: props.framework.revision, criteria: [...criteria] }), edit, pt('criteriaSaved'));
        }}
      >
        <FormAlert problem={edit.problem()} success={saved()} />
        <div class="programme-table-scroll">
          {/* A version in force reads as cards on a phone; a draft's editing table scrolls in its box. */}
          <table class="programme-table" classList={{ 'programme-stack': !draft() }}>
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
                        <td data-label={pt('unit')}>{pt(`units.${criterion.unit}`)}</td>
                        <td data-label={pt('target')}>
                          <TargetText unit={criterion.unit} target={criterion.target} />
                        </td>
                        <td data-label={pt('deadline')}>{criterion.deadline ?? '—'}</td>
                        <td data-label={pt('level')}>{pt(`levels.${criterion.level}`)}</td>
                      </tr>
                    }
                  >
                    <tr>
                      <td class="programme-cell-code">
                        <Cell {...control(i(), 'code')}>
                          <input {...control(i(), 'code').attributes} aria-label={pt('code')} value={criterion.code} onInput={(e) => setCriteria(i(), 'code', e.currentTarget.value)} />
                        </Cell>
                      </td>
                      <td class="programme-cell-title">
                        <Cell {...control(i(), 'title')}>
                          <input {...control(i(), 'title').attributes} aria-label={pt('criterion')} value={criterion.title} onInput={(e) => setCriteria(i(), 'title', e.currentTarget.value)} />
                        </Cell>
                      </td>
                      <td>
                        <ChoiceCell
                          control={control(i(), 'unit')}
                          label={pt('unit')}
                          values={['PERCENT', 'COUNT', 'YES_NO', 'DATE'] as const}
                          chosen={criterion.unit}
                          word={(u) => pt(`units.${u}`)}
                          onChoose={(u) => setCriteria(i(), 'unit', u as Unit)}
                        />
                      </td>
                      <td>
                        <Cell {...control(i(), 'target')}>
                          <input {...control(i(), 'target').attributes} aria-label={pt('target')} value={criterion.target} onInput={(e) => setCriteria(i(), 'target', e.currentTarget.value)} />
                        </Cell>
                      </td>
                      <td>
                        <Cell {...control(i(), 'deadline')}>
                          <input
                            {...control(i(), 'deadline').attributes}
                            aria-label={pt('deadline')}
                            type="date"
                            value={criterion.deadline ?? ''}
                            onInput={(e) => setCriteria(i(), 'deadline', e.currentTarget.value || null)}
                          />
                        </Cell>
                      </td>
                      <td>
                        <ChoiceCell
                          control={control(i(), 'level')}
                          label={pt('level')}
                          values={['BOTH', 'MINISTRY', 'PROVINCE'] as const}
                          chosen={criterion.level}
                          word={(l) => pt(`levels.${l}`)}
                          onChoose={(l) => setCriteria(i(), 'level', l as Criterion['level'])}
                        />
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
        </div>
        <Show when={draft()}>
          <div class="form-actions">
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
            <SubmitButton pending={pending()} label={pt('saveCriteria')} />
            <button type="button" class="button" disabled={pending()} onClick={() => void run(() => activateFramework(props.framework.id), edit, pt('activated'))}>
              {pt('activate')}
            </button>
          </div>
        </Show>
      </form>
      <form
        ref={copyForm}
        class="programme-copy"
        novalidate
        aria-label={pt('copyAsDraft')}
        onSubmit={async (event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const code = String(data.get('code') ?? '').trim();
          const title = String(data.get('title') ?? '').trim();
          const missing = { ...(code ? {} : { code: 'REQUIRED' }), ...(title ? {} : { title: 'REQUIRED' }) };
          if (Object.keys(missing).length) return copy.settle(refusedLocally(missing));
          const form = event.currentTarget;
          if (await run(() => createFramework({ code, title, copyFrom: props.framework.id }), copy, pt('copied'))) form.reset();
        }}
      >
        <FormAlert problem={copy.problem()} />
        <div class="programme-copy-fields">
          <TextField id={`${prefix}-new-code`} name="code" label={pt('newCode')} error={copy.error('code')} />
          <TextField id={`${prefix}-new-title`} name="title" label={pt('newTitle')} error={copy.error('title')} />
          <SubmitButton pending={pending()} label={pt('copyAsDraft')} class="button button-secondary" />
        </div>
      </form>
    </article>
  );
}
