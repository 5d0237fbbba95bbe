import { revalidate } from '@solidjs/router';
import { createEffect, ErrorBoundary, on, type JSX } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { isOutage } from '../lib/graphql-client.ts';
import { recovered } from '../lib/outage.ts';
import { StateMessage } from './state-message.tsx';

/**
 * Keeps a failed part of a page (a list that could not load) from taking the whole app down:
 * it says so and offers to try again, which reloads every query on the page. When it failed
 * because the API was out of reach, it also comes back by itself once the API answers again
 * (after the outage notice's "try again", say).
 */
export function SectionError(props: {
  children: JSX.Element;
  /** Shows the content again when this changes (the whole page's boundary: the path). */
  resetWhen?: () => unknown;
}) {
  return (
    <ErrorBoundary
      fallback={(error, reset) => {
        if (isOutage(error)) createEffect(on(recovered, () => reset(), { defer: true }));
        if (props.resetWhen) createEffect(on(props.resetWhen, () => reset(), { defer: true }));
        return (
          <StateMessage title={t('app.loadFailed')} body={isOutage(error) ? t('outage.sectionBody') : t('profile.errorBody')} tone="error">
            <button
              type="button"
              class="button"
              onClick={() => {
                void revalidate();
                reset();
              }}
            >
              {t('app.retry')}
            </button>
          </StateMessage>
        );
      }}
    >
      {props.children}
    </ErrorBoundary>
  );
}
