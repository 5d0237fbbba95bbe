import { useAction, useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { unwrap } from 'solid-js/store';
import type { FormProblem } from '../../lib/form.ts';
import type { PracticeAutosave } from './practice-autosave.ts';
import { formPath, problemsBeforeSubmit } from './practice-draft.ts';
import { practiceHref } from './practice-links.ts';
import { submitPracticeAction } from './practice-writes.api.ts';
import { te } from '../review/edit-review-text.ts';

/* Sending a practice for review (or, once published, its edit), and what the editor says when that cannot be done yet. */

export type SubmitNotice = { kind: 'fixFirst' } | { kind: 'form'; form: NonNullable<FormProblem['form']> };

export function createPracticeSubmit(options: {
  editor: PracticeAutosave;
  form: () => HTMLFormElement | undefined;
  summary: () => HTMLDivElement | undefined;
  /** A published practice's edit was waiting for a curator when the editor opened. */
  editWasWaiting?: boolean;
}) {
  const { editor, form } = options;
  const navigate = useNavigate();
  const submitForReview = useAction(submitPracticeAction);

  const [submitNotice, setSubmitNotice] = createSignal<SubmitNotice>();
  /** Whether the summary of the field errors is shown: from a failed submit until they are all fixed. */
  const [summaryShown, setSummaryShown] = createSignal(false);
  const [submitting, setSubmitting] = createSignal(false);
  const [versionNotice, setVersionNotice] = createSignal<string>();

  /** A change typed: the notices about the last submit no longer hold. */
  const clearNotices = () => {
    setSubmitNotice(undefined);
    setVersionNotice(undefined);
  };

  const focusFirstProblem = () =>
    queueMicrotask(() => {
      const target = form()?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form()?.querySelector<HTMLElement>('.editor-notice');
      target?.focus();
      target?.scrollIntoView({ block: 'center' });
    });
  /** After a submit that found problems in fields: every one listed at the top, focus there. */
  const showSummary = () => {
    if (!Object.keys(editor.errors()).length) {
      setSubmitNotice({ kind: 'fixFirst' });
      focusFirstProblem();
      return;
    }
    setSummaryShown(true);
    queueMicrotask(() => {
      const summary = options.summary();
      summary?.scrollIntoView({ block: 'start' });
      summary?.focus({ preventScroll: true });
    });
  };

  async function submit() {
    if (submitting()) return;
    clearNotices();
    setSubmitting(true);
    try {
      // Everything the form can see is listed at once, beside what the API refused of what was
      // typed (a draft saves first, as it would anyway), so one try shows every field to fix.
      const local = problemsBeforeSubmit(unwrap(editor.values));
      if (Object.keys(local).length) {
        const result = await editor.saveNow();
        editor.setErrors((current) => ({ ...current, ...local }));
        if (result.problem) setSubmitNotice({ kind: 'form', form: result.problem });
        showSummary();
        return;
      }

      const result = await editor.saveNow();
      const id = editor.practiceId();
      if (result.problem) {
        setSubmitNotice({ kind: 'form', form: result.problem });
        focusFirstProblem();
        return;
      }
      if (!result.ok || id === null) {
        showSummary();
        return;
      }
      const outcome = await submitForReview(id);
      // A published practice with nothing (new) to send: its edit was sent already (and not saved
      // over since: a save withdraws it), or it says what the published text says.
      if (editor.status() === 'PUBLISHED' && !outcome.ok && outcome.problem.form?.code === 'CONFLICT') {
        setVersionNotice(options.editWasWaiting && !editor.savedAt() ? te('alreadyWaiting') : te('noEdit'));
        return;
      }
      if (outcome.ok) {
        editor.setStatus(outcome.data.practice.status);
        navigate(practiceHref(id));
        return;
      }
      const missing = Object.entries(outcome.problem.fields);
      if (missing.length) {
        editor.setErrors((current) => ({
          ...current,
          ...Object.fromEntries(missing.map(([path, code]) => [formPath(path, { linkKeys: [], coAuthors: [] }), code])),
        }));
        showSummary();
        return;
      }
      if (outcome.problem.form) setSubmitNotice({ kind: 'form', form: outcome.problem.form });
      focusFirstProblem();
    } finally {
      setSubmitting(false);
    }
  }

  return { submit, submitting, submitNotice, versionNotice, summaryShown, clearNotices };
}

export type PracticeSubmit = ReturnType<typeof createPracticeSubmit>;
