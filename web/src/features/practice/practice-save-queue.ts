import { createSignal } from 'solid-js';
import { unwrap } from 'solid-js/store';
import type { FormProblem, Outcome } from '../../lib/form.ts';
import { apiValue, DRAFT_FIELDS, fieldOf, fingerprint, formPath, isBlank, isPartialLink, sentLinkKeys, type DraftField, type DraftValues } from './practice-draft.ts';
import { PRACTICE_LIMITS, type PracticeStatus } from './practice-params.ts';
import type { PracticeDraft } from './practice-record.api.ts';
import type { PracticeChanges, SavedPractice } from './practice-writes.api.ts';

/*
 * The practice editor's saving, apart from the router and the page: which fields to send, one
 * save at a time, what the API said about each, and the pause after typing before an autosave.
 * practice-autosave.ts gives it the real request and timer; the unit tests give it their own.
 * A published practice saves the same way: the API keeps its saves as its pending edit, and the
 * public keeps the published text until the author sends the edit and a curator publishes it.
 */

/** How long typing may pause before a draft, or a published practice's edit, is saved. */
export const AUTOSAVE_DELAY_MS = 1500;

export type SavePhase = 'idle' | 'saving' | 'failed';

/** What a save attempt came to: `ok` when everything typed so far is saved. */
export interface SaveResult {
  ok: boolean;
  /** Set when the request itself failed (network, rate limit, conflict): nothing was saved. */
  problem?: FormProblem['form'];
}

/**
 * Sends one save: creates the draft when `id` is null, else updates the fields given, refused
 * with CONFLICT when the practice changed after `baseUpdatedAt`.
 */
export type SavePractice = (id: string | null, changes: PracticeChanges, baseUpdatedAt?: string) => Promise<Outcome<{ practice: SavedPractice }>>;

/** The pause before an autosave: starting it again replaces the pause running. */
export interface SaveTimer {
  start: (run: () => void, ms: number) => void;
  stop: () => void;
}

export function windowTimer(): SaveTimer {
  let handle: ReturnType<typeof setTimeout> | undefined;
  return {
    start(run, ms) {
      clearTimeout(handle);
      handle = setTimeout(run, ms);
    },
    stop() {
      clearTimeout(handle);
      handle = undefined;
    },
  };
}

export interface SaveQueueOptions {
  /** The form's values (a store in the page), read at each save. */
  values: DraftValues;
  initial: PracticeDraft | null;
  save: SavePractice;
  timer: SaveTimer;
  onCreated: (id: string) => void;
  onEdited: () => void;
  /** Caches a derived value between changes (the page passes createMemo); plain by default. */
  memo?: <T>(compute: () => T) => () => T;
}

export function createSaveQueue(options: SaveQueueOptions) {
  const { values, initial, timer } = options;
  const memo = options.memo ?? ((compute) => compute);

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

  const dirtyFields = memo(() => DRAFT_FIELDS.filter((field) => fingerprint(values, field) !== saved()[field]));
  const unsaved = () => dirtyFields().some((field) => !refused().has(field));
  const hasTitle = () => values.title.trim().length >= PRACTICE_LIMITS.titleMin;
  const hasPartialLinks = () => values.links.some(isPartialLink);

  let queue: Promise<unknown> = Promise.resolve();

  /** One attempt to save what changed; attempts run one after another, never side by side. */
  async function attemptSave(): Promise<SaveResult> {
    timer.stop();
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
      const outcome = await options.save(id, changes, id === null ? undefined : baseUpdatedAt());

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
        if (unsaved()) schedule();
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
    timer.stop();
    timer.start(() => void saveNow(), AUTOSAVE_DELAY_MS);
  }

  /** A change typed or chosen: forget the field's old errors, and save after a pause. */
  function edited(field: DraftField) {
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([path]) => fieldOf(path) !== field)));
    if (refused().has(field)) setRefused((current) => new Set([...current].filter((f) => f !== field)));
    options.onEdited();
    schedule();
  }

  return { practiceId, status, setStatus, version, phase, savedAt, saveProblem, refused, errors, setErrors, unsaved, hasTitle, hasPartialLinks, saveNow, edited };
}
