import './staff.css';
import { createAsync, type RouteSectionProps } from '@solidjs/router';
import { Show, Suspense, type JSX } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { SectionNav, type SectionLink } from '../../components/section-nav.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { t } from '../../i18n/i18n.ts';
import { canAdminister, canCurate, canModerate, getViewer, isStaff, type Role } from '../account/account.api.ts';
import { RequireViewer } from '../account/require-viewer.tsx';
import { getReviewDesk } from '../review/review.api.ts';
import { tr } from '../review/review-text.ts';
import { getOpenFlagCount } from '../moderation/flags.api.ts';
import { mt } from '../moderation/moderation-text.ts';

/** The staff sections a role may open, in the order of the tabs; the desk's says how many practices wait. */
export function staffSections(role: Role, waiting?: number, flags?: number): SectionLink[] {
  const links: SectionLink[] = [];
  if (canCurate(role)) links.push({ href: '/staff/verification', label: t('staff.verificationTab') });
  if (canCurate(role)) links.push({ href: '/staff/practices', label: waiting ? tr('tabWaiting', waiting) : t('staff.practicesTab') });
  if (canCurate(role)) links.push({ href: '/staff/collections', label: t('nav.collections') });
  if (canModerate(role)) links.push({ href: '/staff/flags', label: flags ? mt('tabCount', flags) : mt('tab') });
  if (canModerate(role)) links.push({ href: '/staff/people', label: t('staff.peopleTab') });
  if (canAdminister(role)) links.push({ href: '/staff/audit', label: t('staff.auditTab') });
  return links;
}

function NotAllowed() {
  return (
    <div class="page-narrow">
      <DocumentTitle text={t('staff.notAllowedTitle')} />
      <StateMessage title={t('staff.notAllowedTitle')} body={t('staff.notAllowedBody')} headingLevel={1} />
    </div>
  );
}

/** The tabs, once the desk's count is known (a failed count leaves it out). */
function StaffSectionNav(props: { role: Role }) {
  const desk = createAsync(async () => (canCurate(props.role) ? getReviewDesk().catch(() => undefined) : undefined));
  const flags = createAsync(async () => (canModerate(props.role) ? getOpenFlagCount().catch(() => undefined) : undefined));
  return <SectionNav label={t('staff.sections')} links={staffSections(props.role, desk()?.waiting, flags())} />;
}

/** /staff/*: curators, moderators and admins, each seeing the sections their role allows. */
export default function StaffLayout(props: RouteSectionProps) {
  return (
    <RequireViewer>
      {(viewer) => (
        <Show when={isStaff(viewer().role)} fallback={<NotAllowed />}>
          <div class="section-page">
            <header class="page-header">
              <h1 id="page-title">{t('staff.title')}</h1>
            </header>
            <div class="section-layout">
              <Suspense fallback={<SectionNav label={t('staff.sections')} links={staffSections(viewer().role)} />}>
                <StaffSectionNav role={viewer().role} />
              </Suspense>
              <div class="section-content is-wide">
                <SectionError>{props.children}</SectionError>
              </div>
            </div>
          </div>
        </Show>
      )}
    </RequireViewer>
  );
}

/** A staff page for the roles `allowed` lets in; the others (a bookmarked link) are told so. */
export function StaffOnly(props: { allowed: (role: Role) => boolean; children: JSX.Element }) {
  const viewer = createAsync(() => getViewer());
  return (
    <Show when={viewer()}>
      {(signedIn) => (
        <Show when={props.allowed(signedIn().role)} fallback={<StateMessage title={t('staff.notAllowedTitle')} body={t('staff.notAllowedBody')} />}>
          {props.children}
        </Show>
      )}
    </Show>
  );
}
