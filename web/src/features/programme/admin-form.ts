import { createSignal } from 'solid-js';
import { fieldErrorText, focusProblems, type Outcome } from '../../lib/form.ts';
import { pt } from './programme-text.ts';

/* The admin page's forms (admin-page.tsx, admin-reporters.tsx): their problems as the other forms show them. */

/** The API's codes this page words itself; the others take the forms' shared wording. */
const OWN_CODES = ['NOT_A_MEMBER', 'NOT_REPORTING', 'UNKNOWN'] as const;
export const errorText = (path: string, code: string) => ((OWN_CODES as readonly string[]).includes(code) ? pt(`fieldErrors.${code as (typeof OWN_CODES)[number]}`) : fieldErrorText(path, code));

/** A form's problem and its field messages, with focus moved to the first field at fault. */
export function useProblem(form: () => HTMLFormElement | undefined) {
  const [outcome, setOutcome] = createSignal<Outcome<unknown>>();
  focusProblems(form, outcome);
  const problem = () => {
    const result = outcome();
    return result && !result.ok ? result.problem : undefined;
  };
  return {
    problem,
    settle: setOutcome,
    error: (path: string) => {
      const code = problem()?.fields[path];
      return code ? errorText(path, code) : undefined;
    },
  };
}
