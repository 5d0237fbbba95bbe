import { createMemo, createSignal, For, Show } from 'solid-js';
import { FormAlert } from '../../components/form-field.tsx';
import { t } from '../../i18n/i18n.ts';
import { type FieldLengths, fieldErrorText, focusProblems, type FormProblem, lengthProblems, type Outcome, refusedLocally } from '../../lib/form.ts';
import { TASK_LIMITS, WEB_ADDRESS_MAX } from '../../../../schema/field-limits.ts';
import { tt } from './task-text.ts';

/*
 * What the task feature's forms share: a write's state (pending, its problem, its success), each
 * field's message from the API's field errors, and the checks worth making before asking.
 */

/** The field that sets an API input, where the names differ: the picker gives one of two ids, the address a practice, a thread or a url. */
const FIELD_OF_PATH: Record<string, string> = {
  responsibleExpertId: 'responsible',
  responsibleGroup: 'responsible',
  practiceId: 'address',
  threadId: 'address',
  url: 'address',
};

/** The lengths the API takes, by field of the task forms (a document's title shares title's maximum). */
const LENGTHS: FieldLengths = {
  title: [TASK_LIMITS.titleMin, TASK_LIMITS.title],
  description: [0, TASK_LIMITS.markdown],
  body: [1, TASK_LIMITS.markdown],
  rationale: [0, TASK_LIMITS.rationale],
  reason: [1, TASK_LIMITS.reason],
  linkTitle: [0, TASK_LIMITS.linkTitle],
  address: [1, WEB_ADDRESS_MAX],
};

/** Codes only the task API gives, with the feature's own words. */
const TASK_CODES = new Set(['NOT_MEMBER', 'IN_PAST', 'ONE_RESPONSIBLE', 'NOT_HTTPS', 'TAKEN', 'INVALID_TRANSITION', 'ONE_TARGET', 'TOO_MANY']);

/** The message for one field's error code, in the current language. */
export function taskFieldError(field: string, code: string): string {
  if (TASK_CODES.has(code)) return tt(`fieldError.${code as 'IN_PAST'}`);
  if (code === 'REQUIRED' && field === 'responsible') return tt('fieldError.chooseResponsible');
  if ((code === 'INVALID' || code === 'REQUIRED') && field === 'dueOn') return tt('fieldError.chooseDay');
  // The app's usual "reason" wants three characters (staff decisions); a task's reason, one.
  if (code === 'REQUIRED') return t('fieldError.REQUIRED');
  return fieldErrorText(field, code, LENGTHS);
}

/** Today in Vietnam, YYYY-MM-DD: the earliest due day (the API's own rule). */
export const vietnamToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/**
 * What a form can tell before asking the API, in the API's codes: a field left empty, a length
 * out of bounds, a due day gone by. `values` holds the fields the form checks, by field name.
 */
export function checkLocally(values: Record<string, string>, required: readonly string[]): Record<string, string> {
  const fields = lengthProblems(values, LENGTHS, required);
  if (values.dueOn && !fields.dueOn && values.dueOn < vietnamToday()) fields.dueOn = 'IN_PAST';
  return fields;
}

export type TaskForm = ReturnType<typeof createTaskForm>;

/**
 * One form's write: pending while it runs, then its problem (each field's message under the
 * field; focus moves to the first) or its success. `shown` names the fields the form has; an
 * error on any other input (a status the task can no longer take, too many links) is the form's.
 */
export function createTaskForm(shown: readonly string[], rename: Record<string, string> = {}) {
  const [pending, setPending] = createSignal(false);
  const [outcome, setOutcome] = createSignal<Outcome<unknown>>();
  let element: HTMLFormElement | undefined;
  focusProblems(() => element, outcome);

  const problem = () => {
    const last = outcome();
    return last && !last.ok ? last.problem : undefined;
  };
  const errors = createMemo(() => {
    const byField: Record<string, string> = {};
    for (const [path, code] of Object.entries(problem()?.fields ?? {})) {
      const field = rename[path] ?? FIELD_OF_PATH[path] ?? path;
      byField[field] ??= taskFieldError(field, code);
    }
    return byField;
  });

  /** Runs the write unless `local` found problems; true when it was done. */
  const run = async (write: () => Promise<Outcome<unknown>>, local: Record<string, string> = {}): Promise<boolean> => {
    if (pending()) return false;
    if (Object.keys(local).length) {
      setOutcome(refusedLocally(local));
      return false;
    }
    setPending(true);
    const done = await write();
    setPending(false);
    setOutcome(done);
    return done.ok;
  };

  return {
    ref: (form: HTMLFormElement) => {
      element = form;
    },
    pending,
    problem,
    run,
    succeeded: () => outcome()?.ok === true,
    /** Forgets the last outcome (a form closed, or reopened fresh). */
    clear: () => setOutcome(undefined),
    error: (field: string) => errors()[field],
    /** Errors on inputs no field of this form shows. */
    unplaced: () =>
      Object.entries(errors())
        .filter(([field]) => !shown.includes(field))
        .map(([, message]) => message),
  };
}

/** Empties a form after it was sent; its textareas are told, so their counters go back to zero. */
export function resetForm(form: HTMLFormElement) {
  form.reset();
  for (const area of form.querySelectorAll('textarea')) area.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * The form's own message: what went wrong as a whole, an error on an input no field shows, or
 * that it worked. A conflict reloads what the page shows (task.api.ts), so it says to try again.
 */
export function TaskFormAlert(props: { form: TaskForm; success?: string }) {
  const problem = (): FormProblem | undefined => {
    const found = props.form.problem();
    // Every field error is under its field; the form's alert says to look there (VALIDATION_FAILED).
    return found && props.form.unplaced().length === 0 ? found : undefined;
  };
  return (
    <>
      <Show when={props.form.unplaced().length}>
        <div class="form-alert is-error" role="alert" tabindex="-1">
          <div>
            <For each={props.form.unplaced()}>{(message) => <p>{message}</p>}</For>
          </div>
        </div>
      </Show>
      <FormAlert problem={problem()} success={props.form.succeeded() ? props.success : undefined} />
      <Show when={props.form.problem()?.form?.code === 'CONFLICT'}>
        <p class="muted">{tt('conflictReloaded')}</p>
      </Show>
    </>
  );
}
