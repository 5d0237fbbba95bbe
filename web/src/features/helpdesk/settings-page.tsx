import './helpdesk.css';
import { createAsync, revalidate } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { FormAlert, SubmitButton } from '../../components/form-field.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { t } from '../../i18n/i18n.ts';
import type { FormProblem } from '../../lib/form.ts';
import { canAdminister, createViewer } from '../account/account.api.ts';
import { WorkingGroupNav } from '../group/working-group-nav.tsx';
import { getHelpdeskHome, getHelpdeskSettings, type HelpdeskSettings, saveSettings } from './helpdesk.api.ts';
import { ht } from './helpdesk-text.ts';

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
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

function SettingsForm(props: { settings: HelpdeskSettings }) {
  const [problem, setProblem] = createSignal<FormProblem>();
  const [saved, setSaved] = createSignal(false);
  const [pending, setPending] = createSignal(false);
  const opening = (weekday: number) => props.settings.openings.find((o) => o.weekday === weekday);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const openings = [1, 2, 3, 4, 5, 6, 7]
      .filter((d) => data.get(`open-${d}`) === 'on')
      .map((weekday) => ({ weekday, opensAt: minutesOf(String(data.get(`opens-${weekday}`))), closesAt: minutesOf(String(data.get(`closes-${weekday}`))) }));
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
    setSaved(result.ok);
    setProblem(result.ok ? undefined : result.problem);
    if (result.ok) await revalidate([getHelpdeskSettings.key, getHelpdeskHome.key]);
  };
  return (
    <form class="helpdesk-form" onSubmit={submit} aria-labelledby="page-title">
      <FormAlert problem={problem()} success={saved() ? ht('saved') : undefined} />
      <Show when={problem() && Object.keys(problem()!.fields).length}>
        <p class="field-error">{ht('invalidSettings')}</p>
      </Show>
      <table class="helpdesk-figures">
        <caption>{ht('serviceHours')}</caption>
        <tbody>
          <For each={[1, 2, 3, 4, 5, 6, 7]}>
            {(d) => (
              <tr>
                <th scope="row">{ht(`weekday.${d}` as 'weekday.1')}</th>
                <td>
                  <label>
                    <input type="checkbox" name={`open-${d}`} checked={Boolean(opening(d))} /> {ht('openDay')}
                  </label>
                </td>
                <td>
                  <label>
                    {ht('opensAt')} <input type="time" name={`opens-${d}`} value={clock(opening(d)?.opensAt ?? 480)} />
                  </label>
                </td>
                <td>
                  <label>
                    {ht('closesAt')} <input type="time" name={`closes-${d}`} value={clock(opening(d)?.closesAt ?? 1020)} />
                  </label>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <div class="field">
        <label for="helpdesk-holidays">{ht('holidays')}</label>
        <textarea id="helpdesk-holidays" name="holidays" rows={8}>
          {props.settings.holidays.join('\n')}
        </textarea>
      </div>
      <div class="field">
        <label for="helpdesk-first">{ht('firstTarget')}</label>
        <input id="helpdesk-first" name="first" type="number" min="0.5" step="0.5" value={props.settings.firstResponseTargetHours} />
      </div>
      <div class="field">
        <label for="helpdesk-resolution">{ht('resolutionTarget')}</label>
        <input id="helpdesk-resolution" name="resolution" type="number" min="0.5" step="0.5" value={props.settings.resolutionTargetHours} />
      </div>
      <SubmitButton pending={pending()} label={ht('save')} pendingLabel={t('form.saving')} />
    </form>
  );
}
