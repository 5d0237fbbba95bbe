import './expert-profile.css';
import { A, revalidate, useParams } from '@solidjs/router';
import { For, lazy, Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { formatDate, localName, t } from '../../i18n/i18n.ts';
import { MergedOrganizationHint, MergedPlaceHint, OrganizationIcon, PlaceIcon } from './affiliation.tsx';
import { createViewer } from '../account/account.api.ts';
import { FollowButton } from '../follow/follow-buttons.tsx';
import { ExpertAvatar } from './expert-avatar.tsx';
import { RoleBadge, VerifiedBadge } from './expert-badges.tsx';
import { getExpert, type ExpertProfile as Profile } from './expert.api.ts';
import { createRecord, RecordStates } from '../../components/record-states.tsx';
import { ExternalLinkList } from '../../components/external-links.tsx';
import { ExpertRecordSections } from './expert-record.tsx';
import { ExpertGroups } from '../group/expert-groups.tsx';
import { ProfileMessageButtons } from '../message/profile-message-buttons.tsx';
import { ExpertTasks } from '../task/expert-tasks.tsx';

// Members only: a visitor's profile page does not load it.
const SimilarExperts = lazy(() => import('../onboarding/similar-experts.tsx').then((module) => ({ default: module.SimilarExperts })));

/** /experts/:handle: one person's public profile. */
export default function ExpertProfile() {
  const params = useParams<{ handle: string }>();
  const loaded = createRecord(() => getExpert(params.handle));

  return (
    <div class="profile-page">
      <Suspense fallback={<ProfileSkeleton />}>
        <RecordStates
          loaded={loaded()}
          retry={() => revalidate(getExpert.keyFor(params.handle))}
          back={{ href: '/experts', label: t('profile.backToDirectory') }}
          errorTitle={t('profile.errorTitle')}
          notFound={{ title: t('profile.notFoundTitle'), body: t('profile.notFoundBody', params.handle) }}
        >
          {(expert) => <ProfileView expert={expert()} />}
        </RecordStates>
      </Suspense>
    </div>
  );
}

const directoryHref = (filter: Record<string, string>) => `/experts?${new URLSearchParams(filter)}`;

function ProfileView(props: { expert: Profile }) {
  // Signed out or not loaded yet, the page is the same for everyone: no wait on the viewer.
  const viewer = createViewer();
  const isOwn = () => viewer.latest?.id === props.expert.id;
  const paragraphs = () =>
    props.expert.bio
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);

  return (
    <article class="profile" aria-labelledby="page-title">
      <DocumentTitle text={props.expert.name} />
      <nav class="breadcrumb" aria-label={t('profile.breadcrumb')}>
        <ol>
          <li>
            <A href="/experts">{t('nav.experts')}</A>
          </li>
          <li aria-current="page">{props.expert.name}</li>
        </ol>
      </nav>

      <header class="profile-header">
        <ExpertAvatar name={props.expert.name} handle={props.expert.handle} url={props.expert.avatarUrl} size="large" />
        <div class="profile-identity">
          <h1 id="page-title" class="profile-name">
            {props.expert.name}
          </h1>
          <Show when={props.expert.verified || props.expert.role !== 'MEMBER'}>
            <p class="profile-badges">
              <VerifiedBadge verified={props.expert.verified} />
              <RoleBadge role={props.expert.role} />
            </p>
          </Show>
          <Show when={props.expert.position}>
            <p class="profile-position" lang="vi">
              {props.expert.position}
            </p>
          </Show>
          <Show when={props.expert.organization}>
            {(organization) => (
              <p class="profile-affiliation">
                <OrganizationIcon />
                <span>
                  <A href={directoryHref({ org: organization().slug })} title={t('profile.seeColleagues')} lang="vi">
                    {organization().name}
                  </A>{' '}
                  <MergedOrganizationHint organization={organization()} />
                </span>
              </p>
            )}
          </Show>
          <Show when={props.expert.place}>
            {(place) => (
              <p class="profile-affiliation">
                <PlaceIcon />
                <span>
                  <A href={directoryHref({ place: place().code })} title={t('profile.seeAllIn', place().name)}>
                    {place().name}
                  </A>{' '}
                  <MergedPlaceHint place={place()} />
                </span>
              </p>
            )}
          </Show>
        </div>
        <Show when={viewer.latest !== undefined && !isOwn()}>
          <div class="profile-edit">
            <FollowButton kind="expert" id={props.expert.id} name={props.expert.name} target={props.expert} signedIn={Boolean(viewer.latest)} />
            <Show when={viewer.latest}>
              <ProfileMessageButtons handle={props.expert.handle} name={props.expert.name} />
            </Show>
          </div>
        </Show>
        <Show when={isOwn()}>
          <A class="button button-secondary profile-edit" href="/settings">
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
              <path d="m10.5 2.5 3 3L6 13H3v-3Z" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linejoin="round" />
            </svg>
            {t('profile.editProfile')}
          </A>
        </Show>
      </header>

      <div class="profile-body">
        <div class="profile-main">
          <section class="profile-section" aria-labelledby="profile-bio">
            <h2 id="profile-bio">{t('profile.bio')}</h2>
            <Show when={paragraphs().length} fallback={<p class="muted">{t('profile.noBio')}</p>}>
              {/* What people write about themselves is in Vietnamese, whatever the interface language. */}
              <For each={paragraphs()}>{(paragraph) => <p lang="vi">{paragraph}</p>}</For>
            </Show>
          </section>

          <Show when={props.expert.specialties.length}>
            <section class="profile-section" aria-labelledby="profile-specialties">
              <h2 id="profile-specialties">{t('expert.specialties')}</h2>
              <ul class="chip-list">
                <For each={props.expert.specialties}>
                  {(topic) => (
                    <li>
                      <A class="chip chip-link" href={directoryHref({ specialty: topic.slug })}>
                        {localName(topic)}
                      </A>
                    </li>
                  )}
                </For>
              </ul>
            </section>
          </Show>

          <Show when={viewer.latest}>
            <ExpertGroups handle={props.expert.handle} />
          </Show>
          <ExpertRecordSections handle={props.expert.handle} isOwn={isOwn()} />
          <Show when={viewer.latest}>
            <ExpertTasks handle={props.expert.handle} />
          </Show>
          <Show when={viewer.latest}>
            <Suspense>
              <SimilarExperts handle={props.expert.handle} />
            </Suspense>
          </Show>
        </div>

        <aside class="profile-aside" aria-labelledby="profile-details">
          <h2 id="profile-details" class="visually-hidden">
            {t('profile.details')}
          </h2>
          <dl class="detail-list">
            <Show when={props.expert.verified && props.expert.verifiedAt}>
              {(verifiedAt) => (
                <div>
                  <dt>{t('badge.verified')}</dt>
                  <dd>{t('badge.verifiedSince', formatDate(verifiedAt()))}</dd>
                </div>
              )}
            </Show>
            <Show when={props.expert.role !== 'MEMBER'}>
              <div>
                <dt>{t('profile.staffRole')}</dt>
                <dd>{t(`roles.${props.expert.role}`)}</dd>
              </div>
            </Show>
            <Show when={props.expert.cohorts.length}>
              <div>
                <dt>{t('expert.cohorts')}</dt>
                <dd>
                  <ul class="badge-list">
                    <For each={props.expert.cohorts}>
                      {(cohort) => (
                        <li>
                          <A class="badge badge-link" href={directoryHref({ cohort: cohort.slug })}>
                            {t('expert.cohortBadge', localName(cohort), cohort.year)}
                          </A>
                        </li>
                      )}
                    </For>
                  </ul>
                </dd>
              </div>
            </Show>
            <div>
              <dt>{t('profile.joined')}</dt>
              <dd>
                <time datetime={props.expert.joinedAt}>{formatDate(props.expert.joinedAt)}</time>
              </dd>
            </div>
            <Show when={props.expert.links.length}>
              <div>
                <dt>{t('profile.links')}</dt>
                <dd>
                  <ExternalLinkList links={props.expert.links} />
                </dd>
              </div>
            </Show>
          </dl>
        </aside>
      </div>
    </article>
  );
}

function ProfileSkeleton() {
  return (
    <div class="profile is-loading">
      <p class="visually-hidden" role="status">
        {t('app.loading')}
      </p>
      <div class="profile-header" aria-hidden="true">
        <span class="avatar avatar-large skeleton" />
        <div class="profile-identity">
          <span class="skeleton skeleton-line skeleton-heading" />
          <span class="skeleton skeleton-line" />
          <span class="skeleton skeleton-line skeleton-short" />
        </div>
      </div>
    </div>
  );
}
