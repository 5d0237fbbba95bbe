import './notification.css';
import { createAsync, useAction } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { t } from '../../i18n/i18n.ts';
import { getPreferences, setPreferenceAction, type NotificationPreference } from './notification.api.ts';
import { nt } from './notification-text.ts';

const DELIVERIES = ['IN_APP', 'EMAIL', 'NONE'] as const;

/** /settings/notifications: how the viewer hears of each kind of notification. */
export default function NotificationSettingsPage() {
  const preferences = createAsync(() => getPreferences());
  const save = useAction(setPreferenceAction);
  const [status, setStatus] = createSignal<{ kind: string; ok: boolean } | null>(null);
  const choose = async (kind: NotificationPreference['kind'], delivery: NotificationPreference['delivery']) => {
    setStatus(null);
    const outcome = await save(kind, delivery);
    setStatus({ kind, ok: outcome.ok });
  };
  return (
    <div class="card-stack">
      <DocumentTitle text={`${nt('preferencesTitle')} · ${t('settings.title')}`} />
      <section class="card">
        <h2>{nt('preferencesTitle')}</h2>
        <p class="muted">{nt('preferencesIntro')}</p>
        <div class="notification-preferences">
          <For each={preferences()}>
            {(preference) => (
              <div class="notification-preference">
                <label for={`delivery-${preference.kind}`}>{nt(`kinds.${preference.kind}`)}</label>
                <span>
                  <select
                    id={`delivery-${preference.kind}`}
                    class="select"
                    value={preference.delivery}
                    onChange={(event) => void choose(preference.kind, event.currentTarget.value as NotificationPreference['delivery'])}
                  >
                    <For each={DELIVERIES}>{(delivery) => <option value={delivery}>{nt(`deliveries.${delivery}`)}</option>}</For>
                  </select>
                  <Show when={status()?.kind === preference.kind}>
                    <span role="status" class="muted">
                      {' '}
                      {status()?.ok ? nt('saved') : nt('failed')}
                    </span>
                  </Show>
                </span>
              </div>
            )}
          </For>
        </div>
      </section>
    </div>
  );
}
