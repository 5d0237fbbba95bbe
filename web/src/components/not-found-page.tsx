import { A } from '@solidjs/router';
import { t } from '../i18n/i18n.ts';
import { DocumentTitle } from './document-title.tsx';
import { StateMessage } from './state-message.tsx';

export default function NotFoundPage() {
  return (
    <div class="page-narrow">
      <DocumentTitle text={t('notFound.title')} />
      <StateMessage title={t('notFound.title')} body={t('notFound.body')} headingLevel={1}>
        <A class="button" href="/experts">{t('profile.backToDirectory')}</A>
      </StateMessage>
    </div>
  );
}
