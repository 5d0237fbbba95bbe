import './settings.css';
import { A, type RouteSectionProps } from '@solidjs/router';
import { SectionError } from '../../components/section-error.tsx';
import { SectionNav } from '../../components/section-nav.tsx';
import { t } from '../../i18n/i18n.ts';
import { RequireViewer } from '../account/require-viewer.tsx';
import { profileHref } from '../expert/expert.api.ts';
import { mt } from '../message/message-text.ts';
import { nt } from '../notification/notification-text.ts';

/** /settings/*: one's own account, signed in only. Each section is a page of its own. */
export default function SettingsLayout(props: RouteSectionProps) {
  return (
    <RequireViewer>
      {(viewer) => (
        <div class="section-page">
          <header class="page-header section-page-header">
            <h1 id="page-title">{t('settings.title')}</h1>
            <A class="section-page-aside-link" href={profileHref(viewer().handle)}>
              {t('settings.viewProfile')}
              <span aria-hidden="true"> →</span>
            </A>
          </header>
          <div class="section-layout">
            <SectionNav
              label={t('settings.sections')}
              links={[
                { href: '/settings', label: t('settings.profileTab'), end: true },
                { href: '/settings/security', label: t('settings.securityTab') },
                { href: '/settings/verification', label: t('settings.verificationTab') },
                { href: '/settings/blocked', label: mt('blockedTab') },
                { href: '/settings/notifications', label: nt('settingsTab') },
              ]}
            />
            <div class="section-content">
              <SectionError>{props.children}</SectionError>
            </div>
          </div>
        </div>
      )}
    </RequireViewer>
  );
}
