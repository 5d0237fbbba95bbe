import { createEffect } from 'solid-js';
import { t } from '../i18n/i18n.ts';

/**
 * Sets the tab's title to "<page> · <product>" while mounted; render it where the page's data
 * is already resolved, so the title never names a page that is still loading.
 */
export function DocumentTitle(props: { text?: string | undefined }) {
  createEffect(() => {
    document.title = props.text ? `${props.text} · ${t('app.name')}` : t('app.name');
  });
  return null;
}
