import { createSignal, Show, type JSX } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { formErrorText, type FormProblem } from '../lib/form.ts';
import { ACCOUNT_LIMITS } from '../../../schema/field-limits.ts';

/** The ids a field's control points at with aria-describedby: its hint, then its error. */
const describedBy = (id: string, hint: unknown, error: unknown) => [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

interface FieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Marks the label "(optional)"; fields are required unless said so. */
  optional?: boolean;
}

/** Label above, hint below the label, error below the control: the order a screen reader reads. */
function FieldFrame(props: FieldProps & { children: JSX.Element; extra?: JSX.Element }) {
  return (
    <div class="field" classList={{ 'has-error': Boolean(props.error) }}>
      <label for={props.id}>
        {props.label}
        <Show when={props.optional}>
          {' '}
          <span class="field-optional">{t('form.optional')}</span>
        </Show>
      </label>
      <Show when={props.hint}>
        <p id={`${props.id}-hint`} class="field-hint">
          {props.hint}
        </p>
      </Show>
      {props.children}
      {props.extra}
      <FieldError id={props.id} error={props.error} />
    </div>
  );
}

/** A field's error under its control, `${id}-error` for the control's aria-describedby; nothing without one. */
export function FieldError(props: { id: string; error?: string | undefined }) {
  return (
    <Show when={props.error}>
      <p id={`${props.id}-error`} class="field-error">
        <ErrorIcon />
        <span>{props.error}</span>
      </p>
    </Show>
  );
}

export function TextField(
  props: FieldProps & {
    name: string;
    value?: string | undefined;
    type?: 'text' | 'email' | 'url' | 'date' | 'search';
    autocomplete?: string;
    inputMode?: 'text' | 'email' | 'url';
    maxLength?: number;
    min?: string;
    max?: string;
    spellcheck?: boolean;
    lang?: string;
    /** Told each change as it is typed (the field stays the form's to read as well). */
    onInput?: (value: string) => void;
  },
) {
  return (
    <FieldFrame {...props}>
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        min={props.min}
        max={props.max}
        spellcheck={props.spellcheck}
        lang={props.lang}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        aria-invalid={props.error ? 'true' : undefined}
        onInput={(event) => props.onInput?.(event.currentTarget.value)}
      />
    </FieldFrame>
  );
}

/** A password with a show/hide button, which helps most on a phone keyboard. */
export function PasswordField(props: FieldProps & { name: string; autocomplete: 'current-password' | 'new-password' }) {
  const [shown, setShown] = createSignal(false);
  return (
    <FieldFrame {...props}>
      <div class="password-control">
        <input
          id={props.id}
          name={props.name}
          type={shown() ? 'text' : 'password'}
          autocomplete={props.autocomplete}
          spellcheck={false}
          autocapitalize="off"
          maxLength={ACCOUNT_LIMITS.password}
          aria-describedby={describedBy(props.id, props.hint, props.error)}
          aria-invalid={props.error ? 'true' : undefined}
        />
        <button type="button" class="password-toggle" aria-pressed={shown()} aria-controls={props.id} onClick={() => setShown(!shown())}>
          {shown() ? t('form.hidePassword') : t('form.showPassword')}
        </button>
      </div>
    </FieldFrame>
  );
}

export function TextAreaField(props: FieldProps & { name: string; value?: string | undefined; rows?: number; maxLength: number; lang?: string; onInput?: (value: string) => void }) {
  const [length, setLength] = createSignal((props.value ?? '').length);
  return (
    <FieldFrame
      {...props}
      extra={
        <p class="field-count" aria-hidden="true" classList={{ 'is-over': length() > props.maxLength }}>
          {t('form.characters', length(), props.maxLength)}
        </p>
      }
    >
      <textarea
        id={props.id}
        name={props.name}
        rows={props.rows ?? 5}
        lang={props.lang}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        aria-invalid={props.error ? 'true' : undefined}
        onInput={(event) => {
          setLength(event.currentTarget.value.length);
          props.onInput?.(event.currentTarget.value);
        }}
        value={props.value ?? ''}
      />
    </FieldFrame>
  );
}

export function SelectField(props: FieldProps & { name: string; children: JSX.Element; onChange?: (value: string) => void; before?: JSX.Element }) {
  return (
    <FieldFrame {...props}>
      {props.before}
      <select
        id={props.id}
        name={props.name}
        class="select"
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        aria-invalid={props.error ? 'true' : undefined}
        onChange={(event) => props.onChange?.(event.currentTarget.value)}
      >
        {props.children}
      </select>
    </FieldFrame>
  );
}

/**
 * The form's own message: what went wrong as a whole (wrong password, too many attempts, a
 * suspension and its reason), or that it worked. Focusable, so focus can be moved to it.
 */
export function FormAlert(props: { problem?: FormProblem | undefined; success?: string | undefined }) {
  return (
    <>
      <Show when={props.problem?.form}>
        {(form) => (
          <div class="form-alert is-error" role="alert" tabindex="-1">
            <ErrorIcon />
            <div>
              <p>{formErrorText(form())}</p>
              <Show when={form().code === 'SUSPENDED' && form().reason}>{(reason) => <p>{t('formError.suspendedReason', reason())}</p>}</Show>
            </div>
          </div>
        )}
      </Show>
      <Show when={!props.problem && props.success}>
        <div class="form-alert is-success" role="status" tabindex="-1">
          <svg class="form-alert-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path d="M3 8.5 6.5 12 13 4.5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
          </svg>
          <p>{props.success}</p>
        </div>
      </Show>
    </>
  );
}

export function SubmitButton(props: { pending: boolean; label: string; pendingLabel?: string; class?: string }) {
  return (
    <button type="submit" class={props.class ?? 'button'} aria-disabled={props.pending ? 'true' : undefined} disabled={props.pending}>
      {props.pending ? (props.pendingLabel ?? t('form.saving')) : props.label}
    </button>
  );
}

function ErrorIcon() {
  return (
    <svg class="form-alert-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <circle cx="8" cy="8" r="6.6" fill="none" stroke="currentColor" stroke-width="1.5" />
      <path d="M8 4.5v4.2" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" />
      <circle cx="8" cy="11.2" r="1" fill="currentColor" />
    </svg>
  );
}
