import { t } from '../i18n/i18n.ts';

/** What a page or a section shows while its data loads (a status, so screen readers hear it). */
export function PageLoading() {
  return (
    <p class="page-loading" role="status">
      {t('app.loading')}
    </p>
  );
}
