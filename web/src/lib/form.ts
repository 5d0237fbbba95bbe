import { json, useSubmission, useSubmissions, type Action } from '@solidjs/router';
import { createEffect, on, onCleanup } from 'solid-js';
import { formatDate, t } from '../i18n/i18n.ts';
import type { TadaDocumentNode } from 'gql.tada';
import { isOutage, request } from './graphql-client.ts';
import { ACCOUNT_LIMITS, PROFILE_LIMITS, STAFF_LIMITS, VERIFICATION_LIMITS, WEB_ADDRESS_MAX } from '../../../schema/field-limits.ts';

/** What the router hands an action bound to a `<form method="post">` (URLSearchParams unless multipart). */
export type FormInput = FormData | URLSearchParams;

/** The trimmed text of a form field, or '' when it is missing. */
export const textOf = (form: FormInput, name: string) => String(form.get(name) ?? '').trim();

/** Why a write did not happen, in the shape the forms show it. */
export interface FormProblem {
  /** Field path as the API names it ("email", "links.0.url", "specialties.2") → error code. */
  fields: Record<string, string>;
  /** A problem with the form as a whole: the error's code, plus what some errors carry. */
  form?: { code: string; retryAfterSeconds?: number; reason?: string; until?: string };
}

/** A write's result as forms see it: the payload, or why not. */
export type Outcome<T> = { ok: true; data: T } | { ok: false; problem: FormProblem };

interface ErrorResult {
  __typename: string;
  code?: string;
  fieldErrors?: readonly { path: string; code: string }[];
  retryAfterSeconds?: number;
  reason?: string;
  until?: string;
}

/** A problem found in the browser before asking the API, in the API's own codes. */
export const refusedLocally = (fields: Record<string, string>): Outcome<never> => ({ ok: false, problem: { fields, form: { code: 'VALIDATION_FAILED' } } });

/** refusedLocally as an action's result: it revalidates nothing (an action returning a plain value would reload every query). */
export const invalid = (fields: Record<string, string>) => json<Outcome<never>>(refusedLocally(fields), { revalidate: [] });

/** The lengths a form's fields take, by field name. */
export type FieldLengths = Readonly<Record<string, readonly [min: number, max: number]>>;

/**
 * What a form can tell of its texts before asking the API, in the API's codes: an empty field
 * that is `required` (by default, those with a minimum), one too short, one too long.
 */
export function lengthProblems(values: Record<string, string>, lengths: FieldLengths, required: readonly string[] = Object.keys(lengths).filter((field) => lengths[field]![0] > 0)) {
  const found: Record<string, string> = {};
  for (const [field, value] of Object.entries(values)) {
    const [min, max] = lengths[field] ?? [0, Number.POSITIVE_INFINITY];
    if (!value) {
      if (required.includes(field)) found[field] = 'REQUIRED';
    } else if (value.length < min) found[field] = 'TOO_SHORT';
    else if (value.length > max) found[field] = 'TOO_LONG';
  }
  return found;
}

/**
 * Turns a mutation's union result into an Outcome: the member named `payload` is success, any
 * other is one of the API's typed errors (they all implement `Error { code }`).
 */
export function settle<R extends { __typename?: string }, N extends string>(result: R, payload: N): Outcome<Extract<R, { __typename: N }>> {
  if (result.__typename === payload) return { ok: true, data: result as Extract<R, { __typename: N }> };
  const error = result as ErrorResult;
  const fields: Record<string, string> = {};
  for (const fieldError of error.fieldErrors ?? []) fields[fieldError.path] ??= fieldError.code;
  const form: NonNullable<FormProblem['form']> = { code: error.code ?? 'UNKNOWN' };
  if (error.retryAfterSeconds !== undefined) form.retryAfterSeconds = error.retryAfterSeconds;
  if (error.reason !== undefined) form.reason = error.reason;
  if (error.until !== undefined) form.until = error.until;
  return { ok: false, problem: { fields, form } };
}

/**
 * Runs a write; a request that failed on the way becomes a form problem: an outage keeps its
 * code (NETWORK_ERROR, UNAVAILABLE: nothing was changed, try again), anything else is UNKNOWN.
 */
export async function attempt<T>(write: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  try {
    return await write();
  } catch (error) {
    if (!isOutage(error)) return { ok: false, problem: { fields: {}, form: { code: 'UNKNOWN' } } };
    const form: NonNullable<FormProblem['form']> = { code: error.code };
    if (error.retryAfterSeconds !== undefined) form.retryAfterSeconds = error.retryAfterSeconds;
    return { ok: false, problem: { fields: {}, form } };
  }
}

/** An Outcome with its data changed by `map` when it is a success; a problem passes through. */
export const mapOutcome = <T, U>(outcome: Outcome<T>, map: (data: T) => U): Outcome<U> => (outcome.ok ? { ok: true, data: map(outcome.data) } : outcome);

/**
 * Sends one mutation and settles its `field` (a union of `payload` and the API's errors) into
 * an Outcome; a request that failed on the way becomes a form problem too (see attempt, settle).
 */
export function mutate<Result extends { [F in K]: { __typename?: string } }, Variables, K extends keyof Result & string, N extends string>(
  document: TadaDocumentNode<Result, Variables>,
  variables: Variables,
  field: K,
  payload: N,
): Promise<Outcome<Extract<Result[K], { __typename: N }>>> {
  return attempt(async () => settle((await request(document, variables))[field], payload));
}

/**
 * Lengths the API enforces, by field name, so messages can say the limit (read from the API's
 * own definitions). A form whose field of the same name has other limits says its own (the
 * practice editor: practice-editor-messages.ts).
 */
const limits: Record<string, [min: number, max: number]> = {
  name: [ACCOUNT_LIMITS.nameMin, ACCOUNT_LIMITS.name],
  position: [0, PROFILE_LIMITS.position],
  bio: [0, PROFILE_LIMITS.bio],
  password: [ACCOUNT_LIMITS.passwordMin, ACCOUNT_LIMITS.password],
  newPassword: [ACCOUNT_LIMITS.passwordMin, ACCOUNT_LIMITS.password],
  statement: [VERIFICATION_LIMITS.statementMin, VERIFICATION_LIMITS.statement],
  reason: [STAFF_LIMITS.reasonMin, STAFF_LIMITS.reason],
  label: [1, PROFILE_LIMITS.linkLabel],
  url: [0, WEB_ADDRESS_MAX],
  email: [0, ACCOUNT_LIMITS.email],
};

/**
 * The message for one field error, in the current language. `path` may be nested
 * ("links.0.url"); the last named segment decides the wording. A form whose fields take other
 * lengths than the shared table's gives its own (`lengths`).
 */
export function fieldErrorText(path: string, code: string, lengths?: FieldLengths): string {
  const field =
    path
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .at(-1) ?? path;
  switch (code) {
    case 'REQUIRED':
      return field === 'reason' ? t('fieldError.reasonRequired') : t('fieldError.REQUIRED');
    case 'TOO_SHORT': {
      const min = (lengths?.[field] ?? limits[field])?.[0];
      return min ? t('fieldError.TOO_SHORT', min) : t('fieldError.tooShort');
    }
    case 'TOO_LONG': {
      if (field === 'specialties') return t('fieldError.tooManySpecialties');
      if (field === 'links') return t('fieldError.tooManyLinks');
      const max = (lengths?.[field] ?? limits[field])?.[1];
      return max ? t('fieldError.TOO_LONG', max) : t('fieldError.tooLong');
    }
    case 'INVALID':
      if (field === 'email') return t('fieldError.emailInvalid');
      if (field === 'url') return t('fieldError.urlInvalid');
      if (field === 'password') return t('fieldError.passwordIsEmail');
      if (field === 'until') return t('fieldError.untilInvalid');
      if (field === 'image') return t('fieldError.imageInvalid');
      return t('fieldError.INVALID');
    case 'TAKEN':
      return field === 'email' ? t('fieldError.emailTaken') : t('fieldError.TAKEN');
    case 'WRONG':
      return field === 'currentPassword' ? t('fieldError.currentPasswordWrong') : t('fieldError.WRONG');
    case 'UNKNOWN':
      return t('fieldError.UNKNOWN');
    case 'TOO_LARGE':
      return field === 'image' ? t('fieldError.imageTooLarge') : t('fieldError.TOO_LARGE');
    // What a name may not hold (schema/validation.ts checkName).
    case 'CONTROL_CHARACTER':
    case 'INVISIBLE_CHARACTER':
    case 'PRIVATE_USE_CHARACTER':
    case 'UNASSIGNED_CHARACTER':
    case 'TOO_MANY_MARKS':
    // A text whose HTML would be too large to store (schema/markdown: MAX_HTML_LENGTH).
    case 'TOO_COMPLEX':
      return t(`fieldError.${code}`);
    default:
      return t('fieldError.INVALID');
  }
}

/** The message for a problem with the whole form, in the current language. */
export function formErrorText(form: NonNullable<FormProblem['form']>): string {
  switch (form.code) {
    case 'VALIDATION_FAILED':
      return t('formError.VALIDATION_FAILED');
    case 'INVALID_CREDENTIALS':
      return t('formError.INVALID_CREDENTIALS');
    case 'SUSPENDED':
      return t('formError.SUSPENDED', form.until ? formatDate(form.until) : '');
    case 'RATE_LIMITED':
      return t('formError.RATE_LIMITED', form.retryAfterSeconds ?? 60);
    case 'NOT_AUTHORIZED':
      return t('formError.NOT_AUTHORIZED');
    case 'NOT_FOUND':
      return t('formError.NOT_FOUND');
    case 'CONFLICT':
      return t('formError.CONFLICT');
    case 'NETWORK_ERROR':
      return t('formError.NETWORK_ERROR');
    case 'UNAVAILABLE':
      return t('formError.UNAVAILABLE');
    default:
      return t('formError.UNKNOWN');
  }
}

/** The message for the field at `path`, if the problem names it. */
/** What went wrong with a submission, if it failed (its result), for the form's messages. */
export const problemOf = (result: Outcome<unknown> | undefined) => (result && !result.ok ? result.problem : undefined);

export const errorFor = (problem: FormProblem | undefined, path: string) => {
  const code = problem?.fields[path];
  return code ? fieldErrorText(path, code) : undefined;
};

/**
 * The latest submission of an action (optionally those matching `filter`). Submissions live in
 * the router for the whole visit, so this page's are cleared when it goes: coming back to a
 * form shows it fresh, not the last visit's errors.
 */
export function useFormSubmission<T extends unknown[], U>(fn: Action<T, U>, filter?: (input: T) => boolean) {
  const all = useSubmissions(fn, filter);
  onCleanup(() => {
    for (const submission of [...all]) submission.clear();
  });
  return useSubmission(fn, filter);
}

/**
 * After a failed submission, moves focus to the first field at fault (its message is tied to
 * it with aria-describedby), or to the form's alert when no field is named.
 */
export function focusProblems(form: () => HTMLFormElement | undefined, result: () => Outcome<unknown> | undefined) {
  createEffect(
    on(result, (outcome) => {
      if (!outcome || outcome.ok) return;
      queueMicrotask(() => {
        const element = form();
        const target = element?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? element?.querySelector<HTMLElement>('.form-alert');
        target?.focus();
      });
    }),
  );
}
