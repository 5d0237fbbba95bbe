import './helpdesk.css';
import { createAsync, revalidate } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { FormAlert, SubmitButton, TextAreaField } from '../../components/form-field.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { t } from '../../i18n/i18n.ts';
import { focusProblems, type FormProblem, type Outcome, problemOf } from '../../lib/form.ts';
import { canAdminister, createViewer } from '../account/account.api.ts';
import { WorkingGroupNav } from '../group/working-group-nav.tsx';
import { getHelpdeskHome, getHelpdeskSettings, type HelpdeskSettings, saveSettings } from './helpdesk.api.ts';
import { ht } from './helpdesk-text.ts';

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
/** Room for the API's 200 holidays, one "YYYY-MM-DD" a line. */
const HOLIDAYS_TEXT_MAX = 200 * 11;
const minutesOf = (value: string) => {
  const [h, m] = value.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** /helpdesk/settings: admins set the desk's weekly hours, holidays and targets. */
export default function HelpdeskSettingsPage() {
  const viewer = createViewer();
  const settings = createAsync(() => getHelpdeskSettings());
  return (
    <div class="helpdesk-page">
      <DocumentTitle text={ht('settingsTitle')} />
      <WorkingGroupNav />
      <header class="page-header">
        <h1 id="page-title">{ht('settingsTitle')}</h1>
        <p class="lead">{ht('settingsIntro')}</p>
      </header>
      <SectionError>
        <Suspense fallback={<PageLoading />}>
          <Show when={canAdminister(viewer()?.role)} fallback={<p class="empty-note">{ht('adminsOnly')}</p>}>
            <Show when={settings()}>{(s) => <SettingsForm settings={s()} />}</Show>
          </Show>
        </Suspense>
      </SectionError>
    </div>
  );
}

/** Every field of the settings the API may name, and the message the desk reads under it. */
const settingsError = (problem: FormProblem | undefined, field: 'openings' | 'holidays' | 'firstResponseTargetHours' | 'resolutionTargetHours') => {
  const found = Object.keys(problem?.fields ?? {}).find((path) => path === field || path.startsWith(`${field}.`));
  if (!found) return undefined;
  if (field === 'openings') return ht('openingsInvalid');
  if (field === 'holidays') return ht('holidaysInvalid', Number(found.split('.')[1] ?? 0) + 1);
  return ht('targetInvalid');
};

function SettingsForm(props: { settings: HelpdeskSettings }) {
  const [outcome, setOutcome] = createSignal<Outcome<unknown>>();
  const [pending, setPending] = createSignal(false);
  const problem = () => problemOf(outcome());
  let form: HTMLFormElement | undefined;
  focusProblems(() => form, outcome);
  const opening = (weekday: number) => props.settings.openings.find((o) => o.weekday === weekday);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (pending()) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const openings = WEEKDAYS.filter((d) => data.get(`open-${d}`) === 'on').map((weekday) => ({
      weekday,
      opensAt: minutesOf(String(data.get(`opens-${weekday}`))),
      closesAt: minutesOf(String(data.get(`closes-${weekday}`))),
    }));
    const holidays = String(data.get('holidays') ?? '')
      .split(/\s+/)
      .filter(Boolean);
    setPending(true);
    const result = await saveSettings({
      openings,
      holidays,
      firstResponseTargetHours: Number(data.get('first')),
      resolutionTargetHours: Number(data.get('resolution')),
      version: props.settings.version,
    });
    setPending(false);
    setOutcome(result);
    if (result.ok) await revalidate([getHelpdeskSettings.key, getHelpdeskHome.key]);
  };
  const openingsError = () => settingsError(problem(), 'openings');
  return (
    <form ref={form} class="helpdesk-form" novalidate onSubmit={submit} aria-labelledby="page-title">
      <FormAlert problem={problem()} success={outcome()?.ok ? ht('saved') : undefined} />
      <fieldset class="field helpdesk-opening-field" classList={{ 'has-error': Boolean(openingsError()) }} aria-describedby={openingsError() ? 'helpdesk-openings-error' : undefined}>
        <legend>{ht('serviceHours')}</legend>
        <table class="helpdesk-figures helpdesk-openings">
          <tbody>
            <For each={WEEKDAYS}>
              {(d) => (
                <tr>
                  <th scope="row">{ht(`weekday.${d}` as 'weekday.1')}</th>
                  <td>
                    <label class="checkbox">
                      <input type="checkbox" name={`open-${d}`} checked={Boolean(opening(d))} aria-invalid={openingsError() ? 'true' : undefined} />
                      <span>{ht('openDay')}</span>
                    </label>
                  </td>
                  <td>
                    <label class="helpdesk-time">
                      <span>{ht('opensAt')}</span>
                      <input type="time" name={`opens-${d}`} value={clock(opening(d)?.opensAt ?? 480)} />
                    </label>
                  </td>
                  <td>
                    <label class="helpdesk-time">
                      <span>{ht('closesAt')}</span>
                      <input type="time" name={`closes-${d}`} value={clock(opening(d)?.closesAt ?? 1020)} />
                    </label>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <Show when={openingsError()}>
          <p id="helpdesk-openings-error" class="field-error">
            {openingsError()}
          </p>
        </Show>
      </fieldset>
      <TextAreaField
        id="helpdesk-holidays"
        name="holidays"
        label={ht('holidays')}
        rows={8}
        maxLength={HOLIDAYS_TEXT_MAX}
        value={props.settings.holidays.join('\n')}
        error={settingsError(problem(), 'holidays')}
      />
      <NumberField id="helpdesk-first" name="first" label={ht('firstTarget')} value={props.settings.firstResponseTargetHours} error={settingsError(problem(), 'firstResponseTargetHours')} />
      <NumberField id="helpdesk-resolution" name="resolution" label={ht('resolutionTarget')} value={props.settings.resolutionTargetHours} error={settingsError(problem(), 'resolutionTargetHours')} />
      <SubmitButton pending={pending()} label={ht('save')} pendingLabel={t('form.saving')} />
    </form>
  );
}

/** A number of service hours, laid out as the shared fields are (form-field.tsx has no number field). */
function NumberField(props: { id: string; name: string; label: string; value: number; error: string | undefined }) {
  return (
    <div class="field" classList={{ 'has-error': Boolean(props.error) }}>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.name}
        type="number"
        inputMode="decimal"
        min="0.5"
        max="2000"
        step="0.5"
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
      />
      <Show when={props.error}>
        <p id={`${props.id}-error`} class="field-error">
          {props.error}
        </p>
      </Show>
    </div>
  );
}
