import { A, useAction, useBeforeLeave, useNavigate } from '@solidjs/router';
import { createMemo, createSignal, For, Index, Match, onCleanup, onMount, Show, Switch, untrack } from 'solid-js';
import { createStore, unwrap } from 'solid-js/store';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/form-field.tsx';
import { formatTime, t } from '../../i18n/i18n.ts';
import { fieldErrorText, formErrorText, type FormProblem } from '../../lib/form.ts';
import type { Viewer } from '../account/account.api.ts';
import { OrganizationSelect } from '../organization/organization-select.tsx';
import { PlaceSelect } from '../place/place-select.tsx';
import { TopicCheckboxes } from '../topic/topic-checkboxes.tsx';
import { CoAuthorField } from './co-author-field.tsx';
import { MarkdownField } from './markdown-field.tsx';
import { StatusChip } from './practice-badges.tsx';
import {
  apiValue,
  DRAFT_FIELDS,
  draftValues,
  fieldOf,
  fingerprint,
  FORM_ORDER,
  formPath,
  isBlank,
  isPartialLink,
  problemsBeforeSubmit,
  sentLinkKeys,
  type DraftField,
  type DraftValues,
  type LinkRow,
} from './practice-draft.ts';
import {
  latestYear,
  PRACTICE_LIMITS,
  practiceHref,
  savePracticeAction,
  STAGES,
  submitPracticeAction,
  type PracticeChanges,
  type PracticeDraft,
  type PracticeStatus,
} from './practice.api.ts';

/** How long typing may pause before a draft is saved. */
const AUTOSAVE_DELAY_MS = 1500;

type SavePhase = 'idle' | 'saving' | 'failed';

/** What a save attempt came to: `ok` when everything typed so far is saved. */
interface SaveResult {
  ok: boolean;
  /** Set when the request itself failed (network, rate limit, conflict): nothing was saved. */
  problem?: FormProblem['form'];
}

const years = () => Array.from({ length: latestYear() - PRACTICE_LIMITS.yearMin + 1 }, (_, i) => latestYear() - i);

/**
 * The structured form of a practice, saving itself: a new one is created once it has a title,
 * then each change is saved after a pause in typing. A published practice is saved only on
 * request, since each save publishes a new version.
 */
export function PracticeEditor(props: { practice: PracticeDraft | null; viewer: Viewer; onCreated?: (id: string) => void }) {
  const initial = untrack(() => props.practice);
  const viewer = untrack(() => props.viewer);
  const navigate = useNavigate();
  const save = useAction(savePracticeAction);
  const submitForReview = useAction(submitPracticeAction);

  const [values, setValues] = createStore<DraftValues>(draftValues(initial, viewer.id));
  // What the API holds, field by field, as far as this editor knows.
  const [saved, setSaved] = createSignal<Record<string, string>>(
    Object.fromEntries(DRAFT_FIELDS.map((field) => [field, fingerprint(unwrap(values), field)])),
  );
  const [practiceId, setPracticeId] = createSignal<string | null>(initial?.id ?? null);
  const [status, setStatus] = createSignal<PracticeStatus>(initial?.status ?? 'DRAFT');
  const [version, setVersion] = createSignal(initial?.version ?? 0);
  // The version of the practice this editor's text is based on; a save from an older base is refused.
  const [baseUpdatedAt, setBaseUpdatedAt] = createSignal<string | undefined>(initial?.updatedAt);
  const [phase, setPhase] = createSignal<SavePhase>('idle');
  const [savedAt, setSavedAt] = createSignal<Date>();
  const [saveProblem, setSaveProblem] = createSignal<FormProblem['form']>();
  /** Fields the API refused at the last save: not sent again until they are edited. */
  const [refused, setRefused] = createSignal<ReadonlySet<DraftField>>(new Set());
  /** Field errors shown beside the fields, by form path. */
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [submitNotice, setSubmitNotice] = createSignal<{ kind: 'fixFirst' } | { kind: 'form'; form: NonNullable<FormProblem['form']> }>();
  /** Whether the summary of the field errors is shown: from a failed submit until they are all fixed. */
  const [summaryShown, setSummaryShown] = createSignal(false);
  const [submitting, setSubmitting] = createSignal(false);
  const [versionNotice, setVersionNotice] = createSignal<string>();

  // A published practice publishes each save as a new version: it is saved on request only.
  const autosave = () => status() !== 'PUBLISHED';
  const dirtyFields = createMemo(() => DRAFT_FIELDS.filter((field) => fingerprint(values, field) !== saved()[field]));
  const unsaved = () => dirtyFields().some((field) => !refused().has(field));
  const hasTitle = () => values.title.trim().length >= PRACTICE_LIMITS.titleMin;
  const hasPartialLinks = () => values.links.some(isPartialLink);

  let form: HTMLFormElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  /* ---------- Saving ---------- */

  /** One attempt to save what changed; attempts run one after another, never side by side. */
  async function attemptSave(): Promise<SaveResult> {
    clearTimeout(timer);
    timer = undefined;
    for (let round = 0; round < 3; round++) {
      const id = practiceId();
      let fields = dirtyFields().filter((field) => !refused().has(field));
      if (id === null) {
        // A draft begins with its title; then everything already written goes with it.
        if (!hasTitle() || refused().has('title')) return { ok: false };
        fields = DRAFT_FIELDS.filter((field) => !refused().has(field) && !isBlank(apiValue(values, field)));
      }
      if (!fields.length) return { ok: refused().size === 0 };

      const snapshot = unwrap(values);
      const changes = Object.fromEntries(fields.map((field) => [field, apiValue(snapshot, field)])) as PracticeChanges;
      const sent = { linkKeys: sentLinkKeys(snapshot), coAuthors: [...snapshot.coAuthors] };
      const prints = Object.fromEntries(fields.map((field) => [field, fingerprint(snapshot, field)]));
      setPhase('saving');
      const outcome = await save(id, changes, id === null ? undefined : baseUpdatedAt());

      if (outcome.ok) {
        const practice = outcome.data.practice;
        setSaved((current) => ({ ...current, ...prints }));
        setStatus(practice.status);
        setVersion(practice.version);
        setBaseUpdatedAt(practice.updatedAt);
        setSavedAt(new Date());
        setSaveProblem(undefined);
        setPhase('idle');
        if (id === null) {
          setPracticeId(practice.id);
          props.onCreated?.(practice.id);
        }
        // Typing went on during the request: the next round saves that too (autosave waits for a pause).
        if (!unsaved()) return { ok: refused().size === 0 };
        if (autosave()) schedule();
        return { ok: refused().size === 0 };
      }

      const fieldErrors = Object.entries(outcome.problem.fields);
      if (!fieldErrors.length) {
        setSaveProblem(outcome.problem.form);
        setPhase('failed');
        return { ok: false, problem: outcome.problem.form };
      }
      // Some fields were refused: say so beside them, and save the others without them.
      const shown: Record<string, string> = {};
      const atFault = new Set<DraftField>();
      for (const [path, code] of fieldErrors) {
        const formName = formPath(path, sent);
        shown[formName] ??= code;
        atFault.add(fieldOf(formName));
      }
      setErrors((current) => ({ ...current, ...shown }));
      setRefused((current) => new Set([...current, ...atFault]));
      setPhase('idle');
    }
    return { ok: false };
  }

  const saveNow = () => {
    const run = queue.then(attemptSave, attemptSave);
    // The chain only orders the saves; attemptSave shows each one's failure (the "failed" phase).
    queue = run.catch(() => undefined);
    return run;
  };

  function schedule() {
    clearTimeout(timer);
    if (!autosave()) return;
    timer = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
  }

  /** A change typed or chosen: forget the field's old errors, and save after a pause. */
  function edited(field: DraftField) {
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([path]) => fieldOf(path) !== field)));
    if (refused().has(field)) setRefused((current) => new Set([...current].filter((f) => f !== field)));
    setSubmitNotice(undefined);
    setVersionNotice(undefined);
    schedule();
  }

  const setField = <F extends Exclude<DraftField, 'links'>>(field: F, value: DraftValues[F]) => {
    setValues(field, value as never);
    edited(field);
  };

  /* ---------- Leaving with unsaved changes ---------- */

  useBeforeLeave((event) => {
    const id = practiceId();
    // A new draft moving to its own address is not leaving.
    if (id && typeof event.to === 'string' && event.to.startsWith(`/practices/${encodeURIComponent(id)}/edit`)) return;
    if (event.defaultPrevented) return;
    if (autosave() && (unsaved() || phase() === 'saving')) {
      // A draft saves what is left first, and asks only if that fails.
      event.preventDefault();
      void saveNow().then((result) => {
        if (result.ok || window.confirm(t('practiceEditor.leaveUnsaved'))) event.retry(true);
      });
    } else if (!autosave() && unsaved() && !window.confirm(t('practiceEditor.leaveUnsaved'))) {
      // A published practice saves only on request: leaving would drop the changes.
      event.preventDefault();
    }
  });
  const beforeUnload = (event: BeforeUnloadEvent) => {
    if (!(unsaved() || phase() === 'saving')) return;
    event.preventDefault();
    if (autosave()) void saveNow();
  };
  const onHidden = () => {
    if (document.visibilityState === 'hidden' && autosave() && unsaved()) void saveNow();
  };
  onMount(() => {
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('visibilitychange', onHidden);
  });
  onCleanup(() => {
    clearTimeout(timer);
    window.removeEventListener('beforeunload', beforeUnload);
    document.removeEventListener('visibilitychange', onHidden);
  });

  /* ---------- Submitting ---------- */

  let summary: HTMLDivElement | undefined;
  const focusFirstProblem = () =>
    queueMicrotask(() => {
      const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('.editor-notice');
      target?.focus();
      target?.scrollIntoView({ block: 'center' });
    });
  /** After a submit that found problems in fields: every one listed at the top, focus there. */
  const showSummary = () => {
    if (!Object.keys(errors()).length) {
      setSubmitNotice({ kind: 'fixFirst' });
      focusFirstProblem();
      return;
    }
    setSummaryShown(true);
    queueMicrotask(() => {
      summary?.scrollIntoView({ block: 'start' });
      summary?.focus({ preventScroll: true });
    });
  };

  async function submit() {
    if (submitting()) return;
    setSubmitNotice(undefined);
    setVersionNotice(undefined);
    setSubmitting(true);
    try {
      // Everything the form can see is listed at once, beside what the API refused of what was
      // typed (a draft saves first, as it would anyway), so one try shows every field to fix.
      const local = problemsBeforeSubmit(unwrap(values));
      if (Object.keys(local).length) {
        const result: SaveResult = autosave() ? await saveNow() : { ok: true };
        setErrors((current) => ({ ...current, ...local }));
        if (result.problem) setSubmitNotice({ kind: 'form', form: result.problem });
        showSummary();
        return;
      }

      const hadChanges = unsaved();
      const result = await saveNow();
      const id = practiceId();
      if (result.problem) {
        setSubmitNotice({ kind: 'form', form: result.problem });
        focusFirstProblem();
        return;
      }
      if (!result.ok || id === null) {
        showSummary();
        return;
      }
      if (status() === 'PUBLISHED') {
        setVersionNotice(hadChanges ? t('practiceEditor.versionSaved', version()) : t('practiceEditor.noChanges'));
        return;
      }
      const outcome = await submitForReview(id);
      if (outcome.ok) {
        setStatus(outcome.data.practice.status);
        navigate(practiceHref(id));
        return;
      }
      const missing = Object.entries(outcome.problem.fields);
      if (missing.length) {
        setErrors((current) => ({ ...current, ...Object.fromEntries(missing.map(([path, code]) => [formPath(path, { linkKeys: [], coAuthors: [] }), code])) }));
        showSummary();
        return;
      }
      if (outcome.problem.form) setSubmitNotice({ kind: 'form', form: outcome.problem.form });
      focusFirstProblem();
    } finally {
      setSubmitting(false);
    }
  }

  /* ---------- Messages ---------- */

  const limitOf: Partial<Record<string, number>> = {
    summary: PRACTICE_LIMITS.summary,
    problem: PRACTICE_LIMITS.markdown,
    solution: PRACTICE_LIMITS.markdown,
    results: PRACTICE_LIMITS.markdown,
    lessons: PRACTICE_LIMITS.markdown,
    title: PRACTICE_LIMITS.title,
    label: PRACTICE_LIMITS.linkLabel,
  };

  function errorText(path: string): string | undefined {
    const code = errors()[path];
    if (!code) return undefined;
    const field = fieldOf(path);
    const last = path.split('.').at(-1) ?? path;
    if (field === 'links' && path !== 'links' && code === 'REQUIRED') return t('practiceEditor.linkIncomplete');
    if (code === 'REQUIRED') {
      if (field === 'title') return fieldErrorText('title', code);
      if (field === 'topics') return t('practiceEditor.topicsRequired');
      if (['stage', 'year', 'organization', 'place'].includes(field)) return t('practiceEditor.choiceRequired');
      return t('practiceEditor.requiredToSubmit');
    }
    if (code === 'TOO_SHORT' && field === 'title') return t('fieldError.TOO_SHORT', PRACTICE_LIMITS.titleMin);
    if (code === 'TOO_LONG') {
      if (path === 'topics') return t('practiceEditor.tooManyTopics');
      if (path === 'links') return t('practiceEditor.tooManyLinks');
      if (path === 'coAuthors') return t('practiceEditor.coAuthorTooMany');
      const max = limitOf[last];
      if (max) return t('fieldError.TOO_LONG', max);
    }
    if (field === 'coAuthors' && code === 'UNKNOWN' && path !== 'coAuthors') return t('practiceEditor.coAuthorUnknown', path.slice('coAuthors.'.length));
    return fieldErrorText(last, code);
  }

  /* ---------- The summary of problems ---------- */

  /** The paths in error, in the order of the form (link rows and co-authors as listed). */
  const summaryKeys = createMemo(
    () => {
      const rank = (path: string) => {
        const field = fieldOf(path);
        const [, key] = path.split('.');
        const within = field === 'links' ? values.links.findIndex((row) => row.key === key) : field === 'coAuthors' ? values.coAuthors.indexOf(key ?? '') : -1;
        return [FORM_ORDER.indexOf(field), within, path.endsWith('.url') ? 1 : 0];
      };
      const byRank = (a: string, b: string) => {
        const [x, y] = [rank(a), rank(b)];
        return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
      };
      return Object.keys(errors()).sort(byRank);
    },
    [],
    // Same paths, same list: rows stay as they are while other fields are fixed.
    { equals: (a, b) => a.length === b.length && a.every((path, i) => path === b[i]) },
  );

  const fieldIds: Partial<Record<DraftField, string>> = {
    title: 'practice-title',
    summary: 'practice-summary',
    problem: 'practice-problem',
    solution: 'practice-solution',
    results: 'practice-results',
    lessons: 'practice-lessons',
    place: 'practice-place',
    organization: 'practice-organization',
    stage: 'practice-stage',
    year: 'practice-year',
    topics: 'practice-topics',
    links: 'practice-links',
    coAuthors: 'practice-co-authors',
  };
  const fieldLabels: Record<DraftField, () => string> = {
    title: () => t('practiceEditor.title'),
    summary: () => t('practiceEditor.summary'),
    problem: () => t('practiceEditor.problem'),
    solution: () => t('practiceEditor.solution'),
    results: () => t('practiceEditor.results'),
    lessons: () => t('practiceEditor.lessons'),
    place: () => t('choice.place'),
    organization: () => t('choice.organization'),
    stage: () => t('practiceEditor.stage'),
    year: () => t('practiceEditor.year'),
    topics: () => t('practiceEditor.topics'),
    links: () => t('practiceEditor.links'),
    coAuthors: () => t('practiceEditor.coAuthors'),
  };

  function summaryItem(path: string): SummaryItem {
    const field = fieldOf(path);
    const link = /^links\.([^.]+)\.(label|url)$/.exec(path);
    if (link) {
      const index = values.links.findIndex((row) => row.key === link[1]);
      const part = link[2] === 'url' ? t('profileForm.linkUrl') : t('profileForm.linkLabel');
      return { target: `link-${link[1]}-${link[2]}`, text: `${t('profileForm.linkGroup', index + 1)}, ${part}: ${errorText(path) ?? ''}` };
    }
    return { target: fieldIds[field] ?? 'practice-title', text: `${fieldLabels[field]()}: ${errorText(path) ?? ''}` };
  }

  /* ---------- Links ---------- */

  let nextLinkKey = values.links.length;
  const addLink = () => {
    const key = `n${nextLinkKey++}`;
    setValues('links', (rows) => [...rows, { key, label: '', url: '' }]);
    queueMicrotask(() => form?.querySelector<HTMLInputElement>(`#link-${key}-label`)?.focus());
  };
  const removeLink = (key: string, index: number) => {
    setValues('links', (rows) => rows.filter((row) => row.key !== key));
    edited('links');
    queueMicrotask(() => {
      const rows = form?.querySelectorAll<HTMLInputElement>('.link-row input[id$="-label"]');
      (rows?.[index] ?? rows?.[index - 1] ?? form?.querySelector<HTMLButtonElement>('.link-add'))?.focus();
    });
  };
  const setLink = (index: number, part: keyof Omit<LinkRow, 'key'>, value: string) => {
    setValues('links', index, part, value);
    edited('links');
  };

  const taken = () => {
    const first = initial?.authors[0];
    return [viewer.handle, ...(first && first.id !== viewer.id ? [first.handle] : [])];
  };

  return (
    <div class="editor-page">
      <header class="page-header editor-header">
        <p class="editor-kicker">
          <StatusChip status={status()} />
          <Show when={practiceId()}>
            {(id) => (
              <A href={practiceHref(id())} class="editor-view-link">
                {t('practiceEditor.view')}
                <span aria-hidden="true"> →</span>
              </A>
            )}
          </Show>
        </p>
        <h1 id="page-title">{initial ? t('practiceEditor.editTitle') : t('practiceEditor.newTitle')}</h1>
        <Show when={status() === 'DRAFT' || status() === 'RETURNED'}>
          <p class="lead">{t('practiceEditor.intro')}</p>
        </Show>
      </header>

      <Switch>
        <Match when={status() === 'PUBLISHED'}>
          <div class="status-panel is-waiting editor-mode-note">
            <p>{t('practiceEditor.publishedNote', version())}</p>
          </div>
        </Match>
        <Match when={status() === 'SUBMITTED'}>
          <div class="status-panel editor-mode-note">
            <p>{t('practiceEditor.submittedNote')}</p>
          </div>
        </Match>
        <Match when={status() === 'RETURNED' && initial?.returnReason}>
          <div class="status-panel is-declined editor-mode-note">
            <p lang="vi" class="request-statement">{t('practiceEditor.returnedNote', initial!.returnReason)}</p>
          </div>
        </Match>
      </Switch>

      <form
        class="form editor-form"
        novalidate
        ref={form}
        aria-labelledby="page-title"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        onKeyDown={(event) => {
          // Enter in a one-line field is not "submit for review": only the button sends it.
          const target = event.target as HTMLElement;
          if (event.key === 'Enter' && target instanceof HTMLInputElement && target.type !== 'checkbox' && target.type !== 'radio') event.preventDefault();
        }}
      >
        <Show when={summaryShown() && summaryKeys().length}>
          <ErrorSummary
            id="practice-problems"
            title={t('errorSummary.practiceTitle')}
            keys={summaryKeys}
            item={summaryItem}
            ref={(element) => (summary = element)}
          />
        </Show>
        <fieldset class="form-section editor-section">
          <legend>{t('practiceEditor.basics')}</legend>
          <TextField
            id="practice-title"
            name="title"
            label={t('practiceEditor.title')}
            hint={t('practiceEditor.titleHint')}
            value={values.title}
            maxLength={PRACTICE_LIMITS.title}
            lang="vi"
            onInput={(value) => setField('title', value)}
            error={errorText('title')}
          />
          <TextAreaField
            id="practice-summary"
            name="summary"
            label={t('practiceEditor.summary')}
            hint={t('practiceEditor.summaryHint')}
            value={values.summary}
            rows={3}
            maxLength={PRACTICE_LIMITS.summary}
            lang="vi"
            onInput={(value) => setField('summary', value)}
            error={errorText('summary')}
          />
        </fieldset>

        <fieldset class="form-section editor-section editor-section-wide" aria-describedby="practice-markdown-hint">
          <legend>{t('practiceEditor.content')}</legend>
          <p id="practice-markdown-hint" class="field-hint editor-section-hint">{t('practiceEditor.markdownHint')}</p>
          <MarkdownField
            id="practice-problem"
            label={t('practiceEditor.problem')}
            hint={t('practiceEditor.problemHint')}
            value={values.problem}
            maxLength={PRACTICE_LIMITS.markdown}
            formatHintId="practice-markdown-hint"
            onInput={(value) => setField('problem', value)}
            error={errorText('problem')}
          />
          <MarkdownField
            id="practice-solution"
            label={t('practiceEditor.solution')}
            hint={t('practiceEditor.solutionHint')}
            value={values.solution}
            rows={10}
            maxLength={PRACTICE_LIMITS.markdown}
            formatHintId="practice-markdown-hint"
            onInput={(value) => setField('solution', value)}
            error={errorText('solution')}
          />
          <MarkdownField
            id="practice-results"
            label={t('practiceEditor.results')}
            hint={t('practiceEditor.resultsHint')}
            value={values.results}
            maxLength={PRACTICE_LIMITS.markdown}
            formatHintId="practice-markdown-hint"
            onInput={(value) => setField('results', value)}
            error={errorText('results')}
          />
          <MarkdownField
            id="practice-lessons"
            label={t('practiceEditor.lessons')}
            hint={t('practiceEditor.lessonsHint')}
            value={values.lessons}
            rows={6}
            optional
            maxLength={PRACTICE_LIMITS.markdown}
            formatHintId="practice-markdown-hint"
            onInput={(value) => setField('lessons', value)}
            error={errorText('lessons')}
          />
        </fieldset>

        <fieldset class="form-section editor-section">
          <legend>{t('practiceEditor.context')}</legend>
          <div class="editor-pair">
            <PlaceSelect
              id="practice-place"
              name="place"
              value={values.place}
              optional={false}
              onChange={(code) => setField('place', code)}
              error={errorText('place')}
            />
            <OrganizationSelect
              id="practice-organization"
              name="organization"
              place={values.place}
              value={values.organization}
              optional={false}
              onChange={(slug) => setField('organization', slug)}
              error={errorText('organization')}
            />
          </div>

          <fieldset
            id="practice-stage"
            class="field checkbox-field stage-field"
            classList={{ 'has-error': Boolean(errorText('stage')) }}
            aria-describedby={errorText('stage') ? 'practice-stage-error' : undefined}
          >
            <legend>{t('practiceEditor.stage')}</legend>
            <ul class="stage-options">
              <For each={STAGES}>
                {(stage) => (
                  <li>
                    <label class="stage-option">
                      <input
                        type="radio"
                        name="stage"
                        value={stage}
                        checked={values.stage === stage}
                        aria-invalid={errorText('stage') ? 'true' : undefined}
                        onChange={() => setField('stage', stage)}
                      />
                      <span>
                        <span class="stage-option-name">{t(`practice.stage.${stage}`)}</span>
                        <span class="stage-option-hint">{t(`practice.stageHint.${stage}`)}</span>
                      </span>
                    </label>
                  </li>
                )}
              </For>
            </ul>
            <Show when={errorText('stage')}>
              {(message) => (
                <p id="practice-stage-error" class="field-error">
                  {message()}
                </p>
              )}
            </Show>
          </fieldset>

          <div class="editor-year">
            <SelectField id="practice-year" name="year" label={t('practiceEditor.year')} error={errorText('year')} onChange={(year) => setField('year', year)}>
              <option value="" selected={!values.year}>{t('practiceEditor.noYear')}</option>
              <Index each={years()}>{(year) => <option value={String(year())} selected={String(year()) === values.year}>{year()}</option>}</Index>
            </SelectField>
          </div>

          <TopicCheckboxes
            id="practice-topics"
            name="topics"
            value={values.topics}
            max={PRACTICE_LIMITS.topics}
            legend={t('practiceEditor.topics')}
            hint={(chosen) => t('practiceEditor.topicsHint', chosen)}
            optional={false}
            onChange={(slugs) => setField('topics', slugs)}
            error={errorText('topics')}
          />
        </fieldset>

        <fieldset class="form-section editor-section">
          <legend>{t('practiceEditor.more')}</legend>
          <div class="field links-field" id="practice-links">
            <p class="field-label" id="practice-links-label">
              {t('practiceEditor.links')} <span class="field-optional">{t('form.optional')}</span>
            </p>
            <p class="field-hint">{t('practiceEditor.linksHint')}</p>
            <Show when={values.links.length} fallback={<p class="muted">{t('profileForm.noLinks')}</p>}>
              <ol class="link-rows" aria-labelledby="practice-links-label">
                <For each={values.links}>
                  {(row, index) => (
                    <li class="link-row">
                      <fieldset>
                        <legend class="visually-hidden">{t('profileForm.linkGroup', index() + 1)}</legend>
                        <TextField
                          id={`link-${row.key}-label`}
                          name={`links.${row.key}.label`}
                          label={t('profileForm.linkLabel')}
                          value={row.label}
                          maxLength={PRACTICE_LIMITS.linkLabel}
                          lang="vi"
                          onInput={(value) => setLink(index(), 'label', value)}
                          error={errorText(`links.${row.key}.label`)}
                        />
                        <TextField
                          id={`link-${row.key}-url`}
                          name={`links.${row.key}.url`}
                          type="url"
                          label={t('profileForm.linkUrl')}
                          value={row.url}
                          inputMode="url"
                          spellcheck={false}
                          maxLength={300}
                          onInput={(value) => setLink(index(), 'url', value)}
                          error={errorText(`links.${row.key}.url`)}
                        />
                      </fieldset>
                      <button type="button" class="button button-quiet link-remove" onClick={() => removeLink(row.key, index())}>
                        {t('profileForm.removeLink', index() + 1)}
                      </button>
                    </li>
                  )}
                </For>
              </ol>
            </Show>
            <Show when={errorText('links')}>{(message) => <p class="field-error">{message()}</p>}</Show>
            <Show when={values.links.length < PRACTICE_LIMITS.links}>
              <button type="button" class="button button-secondary link-add" onClick={addLink}>
                <span aria-hidden="true">+</span> {t('profileForm.addLink')}
              </button>
            </Show>
          </div>

          <CoAuthorField
            id="practice-co-authors"
            value={values.coAuthors}
            taken={taken()}
            onChange={(handles) => setField('coAuthors', handles)}
            errorFor={(handle) => errorText(`coAuthors.${handle}`)}
            error={errorText('coAuthors')}
          />
        </fieldset>

        <div class="editor-bar" role="group" aria-label={t('practiceEditor.actions')}>
          <div class="editor-bar-inner">
            <SaveStatus
              phase={phase()}
              waitingForTitle={practiceId() === null && !hasTitle()}
              unsaved={unsaved() || hasPartialLinks()}
              refused={refused().size > 0}
              savedAt={savedAt()}
              problem={saveProblem()}
              onRetry={() => void saveNow()}
            />
            <div class="editor-bar-actions">
              <Show when={status() !== 'SUBMITTED'}>
                <button type="submit" class="button" disabled={submitting()} aria-describedby="editor-submit-hint">
                  {submitting()
                    ? status() === 'PUBLISHED'
                      ? t('form.saving')
                      : t('practiceEditor.submitting')
                    : status() === 'PUBLISHED'
                      ? t('practiceEditor.saveVersion')
                      : t('practiceEditor.submit')}
                </button>
              </Show>
            </div>
          </div>
          <Show when={submitNotice()}>
            {(notice) => (
              <div class="form-alert is-error editor-notice" role="alert" tabindex="-1">
                <p>
                  {notice().kind === 'fixFirst'
                    ? t('practiceEditor.fixFirst')
                    : formErrorText((notice() as { form: NonNullable<FormProblem['form']> }).form)}
                </p>
              </div>
            )}
          </Show>
          <Show when={versionNotice()}>
            {(message) => (
              <div class="form-alert is-success editor-notice" role="status" tabindex="-1">
                <p>{message()}</p>
              </div>
            )}
          </Show>
          <Show when={status() === 'DRAFT' || status() === 'RETURNED'}>
            <p id="editor-submit-hint" class="field-hint editor-bar-hint">{t('practiceEditor.submitHint')}</p>
          </Show>
        </div>
      </form>
    </div>
  );
}

/** Where the draft stands: waiting for a title, unsaved, saving, saved at a time, or not saved. */
function SaveStatus(props: {
  phase: SavePhase;
  waitingForTitle: boolean;
  unsaved: boolean;
  refused: boolean;
  savedAt: Date | undefined;
  problem: FormProblem['form'];
  onRetry: () => void;
}) {
  return (
    <div class="save-status" aria-live="polite">
      <Switch>
        <Match when={props.phase === 'saving'}>
          <p class="save-status-text is-saving">
            <span class="save-dot" aria-hidden="true" />
            {t('practiceEditor.saving')}
          </p>
        </Match>
        <Match when={props.phase === 'failed'}>
          <p class="save-status-text is-failed">
            {props.problem && props.problem.code !== 'UNKNOWN' ? formErrorText(props.problem) : t('practiceEditor.saveFailed')}{' '}
            <button type="button" class="button-link" onClick={() => props.onRetry()}>
              {t('practiceEditor.retry')}
            </button>
          </p>
        </Match>
        <Match when={props.refused}>
          <p class="save-status-text is-failed">{t('practiceEditor.fieldsNotSaved')}</p>
        </Match>
        <Match when={props.waitingForTitle}>
          <p class="save-status-text">{t('practiceEditor.waitingForTitle')}</p>
        </Match>
        <Match when={props.unsaved}>
          <p class="save-status-text">{t('practiceEditor.unsaved')}</p>
        </Match>
        <Match when={props.savedAt}>
          {(at) => (
            <p class="save-status-text is-saved">
              <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
                <path d="M3 8.5 6.5 12 13 4.5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
              </svg>
              {t('practiceEditor.saved', formatTime(at()))}
            </p>
          )}
        </Match>
      </Switch>
    </div>
  );
}
