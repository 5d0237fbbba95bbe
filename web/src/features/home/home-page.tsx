import './home.css';
import { A, createAsync } from '@solidjs/router';
import { For, lazy, Match, Show, Suspense, Switch, type JSX } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { t } from '../../i18n/i18n.ts';
import { listAddress } from '../../lib/list-params.ts';
import { createViewer } from '../account/account.api.ts';
import { BrowseSection, PracticeGrid, PracticeGridSkeleton, ThreadList } from '../topic/browse-sections.tsx';
import { getTopicsWithCounts } from '../topic/topic.api.ts';
import { TopicCard } from '../topic/topics-page.tsx';
import { getHomePractices, getHomeThreads, HOME_LATEST, loadFollowUpdates } from './home.api.ts';

// Members only: a visitor's first load does not carry it (home.api.ts starts it for a member).
const FollowUpdateList = lazy(() => loadFollowUpdates().then((module) => ({ default: module.FollowUpdateList })));
// Members only, like their updates.
const HomeSuggestions = lazy(() => import('./home-suggestions.tsx').then((module) => ({ default: module.HomeSuggestions })));

/** How many of the viewer's updates the home page shows (the rest are on /following). */
const HOME_UPDATES = 5;

/**
 * `/`: what the network is, what is new in it, and where to go next. Members also see the
 * discussions; visitors an invitation to join.
 */
export default function HomePage() {
  const viewer = createViewer();
  return (
    <div class="home-page">
      <DocumentTitle />
      <section class="home-hero" aria-labelledby="page-title">
        <div class="home-hero-text">
          <h1 id="page-title">{t('home.title')}</h1>
          <p class="lead">{t('home.intro')}</p>
        </div>
        <QuickLinks />
      </section>

      <Suspense>
        <Show when={viewer()}>
          <BrowseSection id="home-updates" title={t('follow.homeTitle')} more={{ href: '/following', label: t('follow.allUpdates') }}>
            <SectionError>
              <FollowUpdateList headingId="home-updates" limit={HOME_UPDATES} />
            </SectionError>
          </BrowseSection>
          <SectionError>
            <HomeSuggestions />
          </SectionError>
        </Show>
      </Suspense>

      <PracticeSections />

      <Suspense
        fallback={
          <p class="muted" role="status">
            {t('app.loading')}
          </p>
        }
      >
        {/* Neither while who is looking is unknown (the API could not say): a member is not invited to join. */}
        <Switch>
          <Match when={viewer()}>
            <ThreadSections />
          </Match>
          <Match when={viewer() === null}>
            <JoinInvitation />
          </Match>
        </Switch>
      </Suspense>

      <TopicsSection />
    </div>
  );
}

/** The three things people come to do, one click away. */
function QuickLinks() {
  const link = (href: string, title: string, body: string, icon: JSX.Element) => (
    <li>
      <A class="quick-link" href={href}>
        <span class="quick-link-icon" aria-hidden="true">
          {icon}
        </span>
        <span class="quick-link-text">
          <span class="quick-link-title">{title}</span>
          <span class="quick-link-body">{body}</span>
        </span>
      </A>
    </li>
  );
  const svg = (path: string) => (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
      <path d={path} fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
  return (
    <nav class="quick-links" aria-label={t('home.quickLinks')}>
      <ul>
        {link('/practices/new', t('home.share'), t('home.shareBody'), svg('M12 5v14M5 12h14'))}
        {link('/threads/new?kind=question', t('home.ask'), t('home.askBody'), svg('M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14M12 17.5v.01M4 5h16v11H9l-5 4Z'))}
        {link('/experts', t('home.findPeers'), t('home.findPeersBody'), svg('M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6ZM3 19c.6-3 3-5 6-5s5.4 2 6 5M16 5.5a3 3 0 0 1 0 5.5M18 14c1.6.6 2.7 2.4 3 5'))}
      </ul>
    </nav>
  );
}

function PracticeSections() {
  const practices = createAsync(() => getHomePractices());
  // A featured practice is shown once, among the featured.
  const latest = () => {
    const featured = new Set(practices()?.featured.edges.map((edge) => edge.node.id));
    return (practices()?.latest.edges ?? [])
      .map((edge) => edge.node)
      .filter((practice) => !featured.has(practice.id))
      .slice(0, HOME_LATEST);
  };
  return (
    <SectionError>
      <Suspense
        fallback={
          <BrowseSection id="home-latest" title={t('home.latest')}>
            <PracticeGridSkeleton count={3} />
          </BrowseSection>
        }
      >
        <Show when={practices()?.featured.edges.length}>
          <BrowseSection id="home-featured" title={t('home.featured')} more={{ href: listAddress('/practices', { featured: '1' }), label: t('home.allFeatured') }}>
            <PracticeGrid practices={practices()!.featured.edges.map((edge) => edge.node)} empty="" />
          </BrowseSection>
        </Show>
        <BrowseSection
          id="home-latest"
          title={t('home.latest')}
          more={practices()?.latest.totalCount ? { href: '/practices', label: t('topicPage.seeAllPractices', practices()!.latest.totalCount) } : undefined}
        >
          <PracticeGrid practices={latest()} empty={t('home.noPractices')} />
        </BrowseSection>
      </Suspense>
    </SectionError>
  );
}

function ThreadSections() {
  const threads = createAsync(() => getHomeThreads());
  return (
    <SectionError>
      <div class="home-columns">
        <BrowseSection id="home-active" title={t('home.active')} more={{ href: '/threads', label: t('home.allThreads') }}>
          <ThreadList threads={threads()?.active.edges.map((edge) => edge.node) ?? []} empty={t('home.noThreads')} />
        </BrowseSection>
        <BrowseSection
          id="home-unanswered"
          title={t('home.unanswered')}
          more={threads()?.unanswered.totalCount ? { href: listAddress('/threads', { show: 'unanswered' }), label: t('home.allUnanswered', threads()!.unanswered.totalCount) } : undefined}
        >
          <ThreadList threads={threads()?.unanswered.edges.map((edge) => edge.node) ?? []} empty={t('home.noUnanswered')} />
        </BrowseSection>
      </div>
    </SectionError>
  );
}

/** For visitors: the discussions are for members. */
function JoinInvitation() {
  return (
    <section class="home-join" aria-labelledby="home-join">
      <div>
        <h2 id="home-join">{t('home.joinTitle')}</h2>
        <p>{t('home.joinBody')}</p>
      </div>
      <div class="button-row">
        <A class="button" href="/sign-up">
          {t('account.signUp')}
        </A>
        <A class="button button-secondary" href="/sign-in">
          {t('account.signIn')}
        </A>
      </div>
    </section>
  );
}

function TopicsSection() {
  const topics = createAsync(() => getTopicsWithCounts());
  return (
    <SectionError>
      <Suspense>
        <BrowseSection id="home-topics" title={t('home.topics')} more={{ href: '/topics', label: t('home.allTopics') }}>
          <ul class="topic-grid topic-grid-compact">
            <For each={topics()}>{(topic) => <TopicCard topic={{ ...topic, description: '', descriptionEn: '' }} headingLevel={3} />}</For>
          </ul>
        </BrowseSection>
      </Suspense>
    </SectionError>
  );
}
