import './programme.css';
import { createAsync, revalidate } from '@solidjs/router';
import { createEffect, createSignal, For, Show, Suspense } from 'solid-js';
import { createStore } from 'solid-js/store';
import { parseValue } from '../../../../schema/programme/values.ts';
import { DocumentTitle } from '../../components/document-title.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { formatDateTime, locale } from '../../i18n/i18n.ts';
import { WorkingGroupNav } from '../group/working-group-nav.tsx';
import { type EntryDraft, type EntryStatus, getMyOrganizations, getReportForm, type ProgrammeReportForm, reviseReport, saveReport, submitReport } from './programme.api.ts';
import { ForMembers, formatValue, statusText, type Unit } from './programme-parts.tsx';
import { pt } from './programme-text.ts';

const UNIT_OF: Record<Unit, 'percent' | 'count' | 'yes-no' | 'date'> = { PERCENT: 'percent', COUNT: 'count', YES_NO: 'yes-no', DATE: 'date' };
const STATUSES: EntryStatus[] = ['ACHIEVED', 'ON_TRACK', 'AT_RISK', 'NOT_STARTED'];

/** /programme/report: a reporting member's form for their organisation and the current period. */
export default function ReportPage() {
  return (
    <ForMembers>
      <ReportDesk />
    </ForMembers>
  );
}

function ReportDesk() {
  const mine = createAsync(() => getMyOrganizations());
  const [chosen, setChosen] = createSignal<string | null>(null);
  const organization = () => chosen() ?? mine()?.myProgrammeOrganizations[0]?.slug ?? null;
  const period = () => mine()?.currentProgrammePeriod ?? null;
  const chosenOrganization = () => mine()?.myProgrammeOrganizations.find((o) => o.slug === organization());
  const form = createAsync(async () => (organization() && period() ? getReportForm(organization()!, period()!) : undefined));
  return (
    <div class="programme-page">
      <DocumentTitle text={pt('reportTitle')} />
      <WorkingGroupNav />
      <header class="page-header">
        <h1 id="page-title">{pt('reportTitle')}</h1>
        <Show when={period()}>{(p) => <p class="lead">{pt('reportIntro', pt('periodName', p()))}</p>}</Show>
      </header>
      <SectionError>
        <Suspense fallback={<PageLoading />}>
          <Show when={mine()}>
            {(data) => (
              <Show when={data().myProgrammeOrganizations.length} fallback={<p class="empty-note">{pt('notReporter')}</p>}>
                <Show when={data().myProgrammeOrganizations.length > 1}>
                  <div class="field programme-report-organization">
                    <label for="report-organization">{pt('chooseOrganization')}</label>
                    <select id="report-organization" class="select" onChange={(event) => setChosen(event.currentTarget.value)}>
                      <For each={data().myProgrammeOrganizations}>{(o) => <option value={o.slug}>{o.name}</option>}</For>
                    </select>
                  </div>
                </Show>
                <Show when={form()}>
                  {(f) => (
                    <ReportForm
                      form={f()}
                      organization={organization()!}
                      period={period()!}
                      organizationName={chosenOrganization()?.name ?? ''}
                      level={chosenOrganization()?.kind === 'MINISTRY' || chosenOrganization()?.kind === 'MINISTRY_AGENCY' ? 'MINISTRY' : 'PROVINCE'}
                    />
                  )}
                </Show>
              </Show>
            )}
          </Show>
        </Suspense>
      </SectionError>
    </div>
  );
}

function ReportForm(props: { form: ProgrammeReportForm; organization: string; period: string; organizationName: string; level: 'MINISTRY' | 'PROVINCE' }) {
  const latest = () => props.form.programmeReportVersions[0] ?? null;
  // A report keeps the criteria of the framework it was started on; a new one takes the active framework's.
  const criteria = () => (latest()?.framework?.criteria ?? props.form.programmeFramework?.criteria ?? []).filter((c) => c.level === 'BOTH' || c.level === props.level);
  const locked = () => latest() !== null && latest()!.state !== 'DRAFT';
  const [entries, setEntries] = createStore<Record<string, { value: string; status: EntryStatus; evidence: string; comment: string }>>({});
  const [comment, setComment] = createSignal('');
  const [problems, setProblems] = createSignal<Record<string, string>>({});
  const [notice, setNotice] = createSignal<string | null>(null);
  // The notice is the form's alert: a problem (red) unless it says the write went through.
  const succeeded = () => notice() === pt('submitted') || notice() === pt('saved');
  const [busy, setBusy] = createSignal(false);

  createEffect(() => {
    const report = latest();
    for (const c of criteria()) {
      const entry = report?.entries.find((e) => e.criterionCode === c.code);
      setEntries(c.code, { value: entry?.value ?? '', status: (entry?.status ?? 'NOT_STARTED') as EntryStatus, evidence: (entry?.evidence ?? []).join('\n'), comment: entry?.comment ?? '' });
    }
    setComment(report?.comment ?? '');
  });

  /** The unit check the server makes, shown at once beside the field. */
  const localProblem = (code: string, unit: Unit) => {
    const raw = entries[code]?.value.trim() ?? '';
    if (!raw) return null;
    const parsed = parseValue(UNIT_OF[unit], raw);
    return 'problem' in parsed ? parsed.problem : null;
  };

  const draft = (): EntryDraft[] =>
    criteria()
      .filter((c) => entries[c.code])
      .map((c) => {
        const e = entries[c.code]!;
        return {
          criterion: c.code,
          value: e.value.trim() || null,
          status: e.status,
          evidence: e.evidence
            .split(/\s+/)
            .map((s) => s.trim())
            .filter(Boolean),
          comment: e.comment,
        };
      });

  const problemText = (code: string) => pt(`problems.${code}` as 'problems.INVALID') || pt('problems.INVALID');

  async function write(andSubmit: boolean) {
    setNotice(null);
    const local: Record<string, string> = {};
    criteria().forEach((c) => {
      const problem = localProblem(c.code, c.unit);
      if (problem) local[c.code] = problem;
    });
    if (Object.keys(local).length) {
      setProblems(local);
      setNotice(pt('formHasErrors'));
      return;
    }
    setBusy(true);
    try {
      const saved = await saveReport({ organization: props.organization, period: props.period, revision: latest()?.revision ?? 0, entries: draft(), comment: comment() });
      if (!saved.ok) return showProblem(saved.problem);
      if (andSubmit) {
        const submitted = await submitReport({ organization: props.organization, period: props.period, revision: saved.data.report.revision });
        if (!submitted.ok) return showProblem(submitted.problem);
      }
      setProblems({});
      setNotice(andSubmit ? pt('submitted') : pt('saved'));
      await revalidate(getReportForm.keyFor(props.organization, props.period));
    } finally {
      setBusy(false);
    }
  }

  function showProblem(problem: { fields: Record<string, string>; form?: { code: string } }) {
    const byCriterion: Record<string, string> = {};
    const shown = draft();
    for (const [path, code] of Object.entries(problem.fields)) {
      const match = /^entries\.(\d+)\./.exec(path);
      const criterion = match ? shown[Number(match[1])]?.criterion : undefined;
      if (criterion) byCriterion[criterion] = code;
    }
    setProblems(byCriterion);
    setNotice(Object.keys(byCriterion).length ? pt('formHasErrors') : problemText(problem.form?.code ?? 'UNKNOWN'));
  }

  async function startCorrection() {
    setBusy(true);
    const result = await reviseReport({ organization: props.organization, period: props.period });
    setBusy(false);
    if (!result.ok) return showProblem(result.problem);
    setNotice(null);
    await revalidate(getReportForm.keyFor(props.organization, props.period));
  }

  return (
    <form
      class="programme-report-form"
      aria-labelledby="report-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        void write(true);
      }}
    >
      <h2 id="report-form-title">
        {props.organizationName} · {pt('periodName', props.period)}
      </h2>
      <Show when={latest()}>
        {(report) => (
          <p class="programme-state" data-state={report().state}>
            {report().state === 'DRAFT' ? pt('draftNote', report().version) : pt('lockedNote', report().version)}
          </p>
        )}
      </Show>
      <div role="status" class="programme-notice">
        <Show when={notice()}>
          <p class="form-alert" classList={{ 'is-error': !succeeded(), 'is-success': succeeded() }}>
            {notice()}
          </p>
        </Show>
      </div>
      <For each={criteria()}>
        {(c) => {
          const id = `value-${c.code}`;
          const problem = () => problems()[c.code] ?? localProblem(c.code, c.unit);
          return (
            <fieldset class="programme-entry" classList={{ 'has-error': Boolean(problem()) }} disabled={locked() || busy()}>
              <legend>
                {c.code}: {locale() === 'en' && c.titleEn ? c.titleEn : c.title}
              </legend>
              <p class="field-hint">
                {pt('target')}: {c.unit === 'YES_NO' ? pt('yes') : formatValue(c.unit, c.target)}
              </p>
              <div class="programme-entry-fields">
                <div class="field">
                  <label for={id}>
                    {pt('value')} ({pt(`valueHint.${c.unit}`)})
                  </label>
                  <Show
                    when={c.unit === 'YES_NO'}
                    fallback={
                      <input
                        id={id}
                        name={id}
                        type={c.unit === 'DATE' ? 'date' : 'text'}
                        inputmode={c.unit === 'DATE' ? undefined : 'decimal'}
                        value={entries[c.code]?.value ?? ''}
                        aria-invalid={Boolean(problem())}
                        aria-describedby={problem() ? `${id}-error` : undefined}
                        onInput={(event) => setEntries(c.code, 'value', event.currentTarget.value)}
                      />
                    }
                  >
                    <select id={id} name={id} class="select" value={entries[c.code]?.value ?? ''} onChange={(event) => setEntries(c.code, 'value', event.currentTarget.value)}>
                      <option value="">—</option>
                      <option value="yes">{pt('yes')}</option>
                      <option value="no">{pt('no')}</option>
                    </select>
                  </Show>
                  <Show when={problem()}>
                    <p id={`${id}-error`} class="field-error">
                      {problemText(problem()!)}
                    </p>
                  </Show>
                </div>
                <div class="field">
                  <label for={`status-${c.code}`}>{pt('status')}</label>
                  <select id={`status-${c.code}`} class="select" onChange={(event) => setEntries(c.code, 'status', event.currentTarget.value as EntryStatus)}>
                    {/* Chosen on the option: a select's own value is set before its options exist. */}
                    <For each={STATUSES}>
                      {(s) => (
                        <option value={s} selected={s === (entries[c.code]?.status ?? 'NOT_STARTED')}>
                          {statusText(s)}
                        </option>
                      )}
                    </For>
                  </select>
                </div>
                <div class="field">
                  <label for={`evidence-${c.code}`}>{pt('evidence')}</label>
                  <textarea
                    id={`evidence-${c.code}`}
                    rows="2"
                    placeholder="https://"
                    aria-describedby={`evidence-${c.code}-hint`}
                    value={entries[c.code]?.evidence ?? ''}
                    onInput={(event) => setEntries(c.code, 'evidence', event.currentTarget.value)}
                  />
                  <p id={`evidence-${c.code}-hint`} class="field-hint">
                    {pt('evidenceHint')}
                  </p>
                </div>
                <div class="field">
                  <label for={`comment-${c.code}`}>{pt('comment')}</label>
                  <textarea id={`comment-${c.code}`} rows="2" value={entries[c.code]?.comment ?? ''} onInput={(event) => setEntries(c.code, 'comment', event.currentTarget.value)} />
                </div>
              </div>
            </fieldset>
          );
        }}
      </For>
      <div class="field">
        <label for="report-comment">{pt('reportComment')}</label>
        <textarea id="report-comment" rows="3" value={comment()} disabled={locked()} onInput={(event) => setComment(event.currentTarget.value)} />
      </div>
      <div class="form-actions">
        <Show
          when={!locked()}
          fallback={
            <button type="button" class="button" disabled={busy()} onClick={() => void startCorrection()}>
              {pt('revise')}
            </button>
          }
        >
          <button type="button" class="button button-secondary" disabled={busy()} onClick={() => void write(false)}>
            {pt('saveDraft')}
          </button>
          <button type="submit" class="button" disabled={busy()}>
            {pt('submit')}
          </button>
        </Show>
      </div>
      <Show when={props.form.programmeReportVersions.length}>
        <section aria-labelledby="report-history">
          <h2 id="report-history">{pt('history')}</h2>
          <ul>
            <For each={props.form.programmeReportVersions}>
              {(v) => <li>{pt('versionLine', v.version, pt(`states.${v.state}`), (v.submittedBy ?? v.createdBy).name, formatDateTime(v.submittedAt ?? v.updatedAt))}</li>}
            </For>
          </ul>
        </section>
      </Show>
    </form>
  );
}
