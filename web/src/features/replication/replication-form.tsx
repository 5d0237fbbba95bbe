import { createSignal, For, Show } from 'solid-js';
import { FormAlert, SelectField, SubmitButton, TextAreaField } from '../../components/form-field.tsx';
import { t } from '../../i18n/i18n.ts';
import { fieldErrorText, type FormProblem, focusProblems, type Outcome } from '../../lib/form.ts';
import { OrganizationSelect } from '../organization/organization-select.tsx';
import { PlaceSelect } from '../place/place-select.tsx';
import { REPLICATION_LIMITS } from '../../../../schema/field-limits.ts';
import { recordReplication, type Replication, updateReplication } from './replication.api.ts';
import { rt } from './replication-text.ts';

/** The API's codes this form words itself; the others take the forms' shared wording. */
const OWN_CODES = ['OWN_PRACTICE', 'TAKEN', 'FORMER', 'IN_FUTURE', 'REQUIRED', 'TOO_SHORT'] as const;
const errorText = (path: string, code: string) => ((OWN_CODES as readonly string[]).includes(code) ? rt(`error.${code as (typeof OWN_CODES)[number]}`) : fieldErrorText(path, code));

const now = new Date();
const YEARS = Array.from({ length: now.getFullYear() - 2000 + 1 }, (_, i) => now.getFullYear() - i);

/**
 * "Đơn vị tôi đã áp dụng thực hành này": records the viewer's organisation's adoption, or edits
 * one (`editing`; its organisation is its key and stays). Checked here first for what the
 * browser can tell (a choice made, enough words, not in the future), then by the API.
 */
export function ReplicationForm(props: { practiceId: string; editing?: Replication; defaults: { organization: string; place: string }; onDone: () => void; onCancel?: () => void }) {
  const prefix = () => (props.editing ? `replication-edit-${props.editing.id}` : `replication-new-${props.practiceId}`);
  const [organization, setOrganization] = createSignal(props.defaults.organization);
  const [place, setPlace] = createSignal(props.defaults.place);
  const [problem, setProblem] = createSignal<FormProblem>();
  const [outcome, setOutcome] = createSignal<Outcome<unknown>>();
  const [pending, setPending] = createSignal(false);
  let form: HTMLFormElement | undefined;
  focusProblems(() => form, outcome);

  const error = (path: string) => {
    const code = problem()?.fields[path];
    return code ? errorText(path, code) : undefined;
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const fields = {
      organization: organization(),
      place: place(),
      year: Number(data.get('year')),
      month: Number(data.get('month')),
      changes: String(data.get('changes') ?? '').trim(),
      result: String(data.get('result') ?? '').trim(),
    };
    const found: Record<string, string> = {};
    if (!props.editing && !fields.organization) found.organization = 'REQUIRED';
    if (!fields.place) found.place = 'REQUIRED';
    if (fields.changes.length < REPLICATION_LIMITS.changesMin) found.changes = fields.changes ? 'TOO_SHORT' : 'REQUIRED';
    if (fields.year * 12 + fields.month > now.getFullYear() * 12 + now.getMonth() + 1) found.month = 'IN_FUTURE';
    let result: Outcome<unknown>;
    if (Object.keys(found).length) result = { ok: false, problem: { fields: found, form: { code: 'VALIDATION_FAILED' } } };
    else {
      setPending(true);
      const { organization: _, ...changes } = fields;
      result = props.editing ? await updateReplication(props.practiceId, props.editing.id, props.editing.version, changes) : await recordReplication(props.practiceId, fields);
      setPending(false);
    }
    setProblem(result.ok ? undefined : result.problem);
    setOutcome(result);
    if (result.ok) {
      if (!props.editing) form?.reset();
      props.onDone();
    }
  };

  return (
    <form ref={form} class="replication-form" aria-labelledby={`${prefix()}-heading`} novalidate onSubmit={submit}>
      <h3 id={`${prefix()}-heading`}>{props.editing ? rt('editHeading') : rt('formHeading')}</h3>
      <Show when={!props.editing}>
        <p class="muted">{rt('formIntro')}</p>
      </Show>
      <FormAlert problem={problem()} />
      <Show when={!props.editing}>
        <OrganizationSelect id={`${prefix()}-organization`} name="organization" place={place()} value={organization()} onChange={setOrganization} error={error('organization')} optional={false} />
      </Show>
      <PlaceSelect id={`${prefix()}-place`} name="place" value={place()} onChange={setPlace} error={error('place')} optional={false} />
      <div class="replication-when">
        <SelectField id={`${prefix()}-month`} name="month" label={rt('month')} error={error('month')}>
          <For each={Array.from({ length: 12 }, (_, i) => i + 1)}>
            {(month) => (
              <option value={month} selected={month === (props.editing?.month ?? now.getMonth() + 1)}>
                {rt('monthOption', month)}
              </option>
            )}
          </For>
        </SelectField>
        <SelectField id={`${prefix()}-year`} name="year" label={rt('year')} error={error('year')}>
          <For each={YEARS}>
            {(year) => (
              <option value={year} selected={year === (props.editing?.year ?? now.getFullYear())}>
                {year}
              </option>
            )}
          </For>
        </SelectField>
      </div>
      <TextAreaField
        id={`${prefix()}-changes`}
        name="changes"
        label={rt('changesLabel')}
        hint={rt('changesHint')}
        value={props.editing?.changes}
        rows={3}
        maxLength={REPLICATION_LIMITS.changes}
        lang="vi"
        error={error('changes')}
      />
      <TextAreaField
        id={`${prefix()}-result`}
        name="result"
        label={rt('resultLabel')}
        hint={rt('resultHint')}
        value={props.editing?.result}
        rows={3}
        maxLength={REPLICATION_LIMITS.result}
        lang="vi"
        optional
        error={error('result')}
      />
      <div class="replication-form-actions">
        <SubmitButton pending={pending()} label={props.editing ? rt('save') : rt('submit')} pendingLabel={t('form.saving')} />
        <Show when={props.onCancel}>
          {(cancel) => (
            <button type="button" class="button button-secondary" onClick={() => cancel()()}>
              {rt('cancel')}
            </button>
          )}
        </Show>
      </div>
    </form>
  );
}
