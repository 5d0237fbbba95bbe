import { revalidate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { outage } from '../lib/outage.ts';

/**
 * Says, on every page, that the API cannot be reached or is unavailable, and offers to try
 * again. It appears whatever the page made of its own failure, so that an outage is never
 * mistaken for "signed out" or "nothing here".
 */
export function OutageNotice() {
  const [retrying, setRetrying] = createSignal(false);
  const retry = async () => {
    setRetrying(true);
    try {
      // Every query again: the router keeps a failed answer until it is asked to reload it.
      await revalidate();
    } finally {
      setRetrying(false);
    }
  };

  return (
    <Show when={outage()}>
      {(failure) => (
        <div class="outage-notice" role="alert">
          <div class="outage-notice-inner">
            <svg class="outage-notice-icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
              <path d="M10 2.5 18.5 17h-17z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" />
              <path d="M10 8v4.2M10 14.4v.1" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
            </svg>
            <div class="outage-notice-text">
              <p class="outage-notice-title">{t('outage.title')}</p>
              <p>
                {failure().code === 'NETWORK_ERROR' ? t('outage.unreachable') : t('outage.unavailable', failure().retryAfterSeconds ?? 0)} {t('outage.signInUnchanged')}
              </p>
            </div>
            <button type="button" class="button button-small outage-notice-retry" disabled={retrying()} onClick={() => void retry()}>
              {retrying() ? t('outage.retrying') : t('app.retry')}
            </button>
          </div>
        </div>
      )}
    </Show>
  );
}
