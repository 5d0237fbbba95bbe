import { revalidate } from '@solidjs/router';
import { ErrorBoundary, type JSX } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { StateMessage } from './state-message.tsx';

/**
 * Keeps a failed part of a page (a list that could not load) from taking the whole app down:
 * it says so and offers to try again, which reloads every query on the page.
 */
export function SectionError(props: { children: JSX.Element }) {
  return (
    <ErrorBoundary
      fallback={(_, reset) => (
        <StateMessage title={t('app.loadFailed')} body={t('profile.errorBody')} tone="error">
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
      )}
    >
      {props.children}
    </ErrorBoundary>
  );
}
