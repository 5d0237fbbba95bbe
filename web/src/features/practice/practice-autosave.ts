import { useAction, useBeforeLeave } from '@solidjs/router';
import { createMemo, onCleanup, onMount } from 'solid-js';
import { createStore } from 'solid-js/store';
import { t } from '../../i18n/i18n.ts';
import { draftValues, type DraftField, type DraftValues } from './practice-draft.ts';
import type { PracticeDraft } from './practice-record.api.ts';
import { createSaveQueue, windowTimer } from './practice-save-queue.ts';
import { savePracticeAction } from './practice-writes.api.ts';

/*
 * The practice editor's state and its saving, in the page: what the form holds, the queue of
 * saves that follows the typing (practice-save-queue.ts), and the guards against leaving with
 * changes not yet saved.
 */

export type { SavePhase, SaveResult } from './practice-save-queue.ts';

/**
 * The editor's shared state and saving, for one editor (call it while the component is set up:
 * it registers the leave guards and their cleanup). `onEdited` runs on every change typed.
 */
export function createPracticeAutosave(options: { initial: PracticeDraft | null; viewerId: string; onCreated: (id: string) => void; onEdited: () => void }) {
  const [values, setValues] = createStore<DraftValues>(draftValues(options.initial, options.viewerId));
  const timer = windowTimer();
  const queue = createSaveQueue({ values, initial: options.initial, save: useAction(savePracticeAction), timer, onCreated: options.onCreated, onEdited: options.onEdited, memo: createMemo });
  const { practiceId, phase, unsaved, saveNow, edited } = queue;

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
    if (unsaved() || phase() === 'saving') {
      // Saves what is left first, and asks only if that fails.
      event.preventDefault();
      void saveNow().then((result) => {
        if (result.ok || window.confirm(t('practiceEditor.leaveUnsaved'))) event.retry(true);
      });
    }
  });
  const beforeUnload = (event: BeforeUnloadEvent) => {
    if (!(unsaved() || phase() === 'saving')) return;
    event.preventDefault();
    void saveNow();
  };
  const onHidden = () => {
    if (document.visibilityState === 'hidden' && unsaved()) void saveNow();
  };
  onMount(() => {
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('visibilitychange', onHidden);
  });
  onCleanup(() => {
    timer.stop();
    window.removeEventListener('beforeunload', beforeUnload);
    document.removeEventListener('visibilitychange', onHidden);
  });

  return { ...queue, values, setValues, setField };
}

export type PracticeAutosave = ReturnType<typeof createPracticeAutosave>;
