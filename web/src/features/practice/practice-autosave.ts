import { useAction, useBeforeLeave } from '@solidjs/router';
import { createMemo, createSignal, onCleanup, onMount } from 'solid-js';
import { createStore, unwrap } from 'solid-js/store';
import { t } from '../../i18n/i18n.ts';
import type { FormProblem } from '../../lib/form.ts';
import { apiValue, DRAFT_FIELDS, draftValues, fieldOf, fingerprint, formPath, isBlank, isPartialLink, sentLinkKeys, type DraftField, type DraftValues } from './practice-draft.ts';
import { PRACTICE_LIMITS, savePracticeAction, type PracticeChanges, type PracticeDraft, type PracticeStatus } from './practice.api.ts';

/*
 * The practice editor's state and its saving: what the form holds, what the API holds, and the
 * queue of saves that follows the typing (after a pause, one save at a time, again on retry).
 */

/** How long typing may pause before a draft is saved. */
const AUTOSAVE_DELAY_MS = 1500;

export type SavePhase = 'idle' | 'saving' | 'failed';

/** What a save attempt came to: `ok` when everything typed so far is saved. */
export interface SaveResult {
  ok: boolean;
  /** Set when the request itself failed (network, rate limit, conflict): nothing was saved. */
  problem?: FormProblem['form'];
}

/**
 * The editor's shared state and saving, for one editor (call it while the component is set up:
 * it registers the leave guards and their cleanup). `onEdited` runs on every change typed.
 */
export function createPracticeAutosave(options: { initial: PracticeDraft | null; viewerId: string; onCreated: (id: string) => void; onEdited: () => void }) {
  const { initial } = options;
  const save = useAction(savePracticeAction);

  const [values, setValues] = createStore<DraftValues>(draftValues(initial, options.viewerId));
  // What the API holds, field by field, as far as this editor knows.
  const [saved, setSaved] = createSignal<Record<string, string>>(Object.fromEntries(DRAFT_FIELDS.map((field) => [field, fingerprint(unwrap(values), field)])));
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

  // A published practice publishes each save as a new version: it is saved on request only.
  const autosave = () => status() !== 'PUBLISHED';
  const dirtyFields = createMemo(() => DRAFT_FIELDS.filter((field) => fingerprint(values, field) !== saved()[field]));
  const unsaved = () => dirtyFields().some((field) => !refused().has(field));
  const hasTitle = () => values.title.trim().length >= PRACTICE_LIMITS.titleMin;
  const hasPartialLinks = () => values.links.some(isPartialLink);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

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
          options.onCreated(practice.id);
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
    options.onEdited();
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

  return {
    values,
    setValues,
    setField,
    edited,
    practiceId,
    status,
    setStatus,
    version,
    phase,
    savedAt,
    saveProblem,
    refused,
    errors,
    setErrors,
    autosave,
    unsaved,
    hasTitle,
    hasPartialLinks,
    saveNow,
  };
}

export type PracticeAutosave = ReturnType<typeof createPracticeAutosave>;
