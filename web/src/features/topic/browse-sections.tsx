import { A, createAsync, useLocation } from '@solidjs/router';
import { For, Index, lazy, Match, Show, Suspense, Switch, type Accessor, type JSX } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { formatDate, t } from '../../i18n/i18n.ts';
import { listAddress } from '../../lib/list-params.ts';
import { getViewer, signInHref, signUpHref } from '../account/account.api.ts';
import { threadHref } from '../discussion/discussion-links.ts';
import { ExpertCard } from '../expert/expert-card.tsx';
import type { ExpertSummary } from '../expert/expert.api.ts';
import { PracticeCard, PracticeCardSkeleton } from '../practice/practice-card.tsx';
import type { PracticeSummary } from '../practice/practice.api.ts';
import type { ThreadConnectionSummary, ThreadSummary } from './topic.api.ts';
import { PageLoading } from '../../components/page-loading.tsx';

// Loaded when a topic or province is missing, as the app's own 404 page is: not with every browse page.
const NotFoundPage = lazy(() => import('../../components/not-found-page.tsx'));

/*
 * The sections a browse page (a topic, a province, the home page) is made of: a heading, a few
 * items, and a link to the full list with the same filter.
 */

/**
 * The route of a topic or province page: a loading line, then the not-found page when `data`
 * is null (the slug or code names nothing) or `children` with the loaded data.
 */
export function BrowseRoute<T>(props: { data: T | null | undefined; children: (data: Accessor<T>) => JSX.Element }) {
  return (
    <SectionError>
      <Suspense fallback={<PageLoading />}>
        <Switch>
          <Match when={props.data === null}>
            <NotFoundPage />
          </Match>
          <Match when={props.data}>{(data) => props.children(data)}</Match>
        </Switch>
      </Suspense>
    </SectionError>
  );
}

/** The trail above a topic or province page: the index it belongs to, then its own name. */
export interface BrowseParent {
  href: string;
  title: string;
  /** The trail's accessible name. */
  label: string;
}

export function BrowseBreadcrumb(props: { parent: BrowseParent; name: string }) {
  return (
    <nav class="breadcrumb" aria-label={props.parent.label}>
      <ol>
        <li>
          <A href={props.parent.href}>{props.parent.title}</A>
        </li>
        <li aria-current="page">{props.name}</li>
      </ol>
    </nav>
  );
}

/** A topic or province page: its name as title, trail and heading, a header, then its sections. */
export function BrowseView(props: {
  name: string;
  parent: BrowseParent;
  kicker: string;
  /** What the header shows under the heading: a lead, the counts, actions. */
  header: JSX.Element;
  children: JSX.Element;
}) {
  return (
    <div class="browse-page">
      <DocumentTitle text={props.name} />
      <BrowseBreadcrumb parent={props.parent} name={props.name} />
      <header class="page-header browse-header">
        <p class="browse-kicker">{props.kicker}</p>
        <h1 id="page-title">{props.name}</h1>
        {props.header}
      </header>
      {props.children}
    </div>
  );
}

/** A few items of a list, with "see all N" leading to the full list with the same filter. */
interface ListSectionProps<T> {
  id: string;
  title: string;
  list: { totalCount: number; edges: readonly { node: T }[] };
  /** The full list's address and its filter, e.g. `/practices` and `{ topic: slug }`. */
  path: string;
  filter: Record<string, string>;
  empty: string;
}

const moreLink = (props: ListSectionProps<unknown>, label: (total: number) => string) =>
  props.list.totalCount ? { href: listAddress(props.path, props.filter), label: label(props.list.totalCount) } : undefined;

export function PracticeSection(props: ListSectionProps<PracticeSummary>) {
  return (
    <BrowseSection id={props.id} title={props.title} more={moreLink(props, (total) => t('topicPage.seeAllPractices', total))}>
      <PracticeGrid practices={props.list.edges.map((edge) => edge.node)} empty={props.empty} />
    </BrowseSection>
  );
}

export function ExpertSection(props: ListSectionProps<ExpertSummary>) {
  return (
    <BrowseSection id={props.id} title={props.title} more={moreLink(props, (total) => t('topicPage.seeAllExperts', total))}>
      <ExpertGrid experts={props.list.edges.map((edge) => edge.node)} empty={props.empty} />
    </BrowseSection>
  );
}

/** "12 practices · 30 experts", and the threads when the viewer may see them (null otherwise). */
export function Counts(props: { practices: number; experts: number; threads?: number | null | undefined; class: string }) {
  return (
    <p class={props.class}>
      <span>{t('topicPage.practiceCount', props.practices)}</span>
      <span aria-hidden="true"> · </span>
      <span>{t('topicPage.expertCount', props.experts)}</span>
      <Show when={typeof props.threads === 'number'}>
        <span aria-hidden="true"> · </span>
        <span>{t('topicPage.threadCount', props.threads ?? 0)}</span>
      </Show>
    </p>
  );
}

export function BrowseSection(props: {
  id: string;
  title: string;
  /** The link to the full list, shown beside the heading when there is more to see. */
  more?: { href: string; label: string } | undefined;
  children: JSX.Element;
}) {
  return (
    <section class="browse-section" aria-labelledby={props.id}>
      <div class="browse-section-head">
        <h2 id={props.id}>{props.title}</h2>
        <Show when={props.more}>
          {(more) => (
            <A class="browse-more" href={more().href}>
              {more().label}
              <span aria-hidden="true"> →</span>
            </A>
          )}
        </Show>
      </div>
      {props.children}
    </section>
  );
}

export function PracticeGrid(props: { practices: readonly PracticeSummary[]; empty: string }) {
  return (
    <Show when={props.practices.length} fallback={<p class="empty-note">{props.empty}</p>}>
      <ul class="practice-grid">
        <For each={props.practices}>
          {(practice) => (
            <li>
              <PracticeCard practice={practice} />
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/** Placeholders the size of practice cards while a section loads, so the page does not jump. */
export function PracticeGridSkeleton(props: { count: number }) {
  return (
    <>
      <p class="visually-hidden" role="status">
        {t('app.loading')}
      </p>
      <ul class="practice-grid" aria-hidden="true">
        <Index each={Array.from({ length: props.count })}>
          {() => (
            <li>
              <PracticeCardSkeleton />
            </li>
          )}
        </Index>
      </ul>
    </>
  );
}

export function ExpertGrid(props: { experts: readonly ExpertSummary[]; empty: string }) {
  return (
    <Show when={props.experts.length} fallback={<p class="empty-note">{props.empty}</p>}>
      <ul class="expert-grid">
        <For each={props.experts}>
          {(expert) => (
            <li>
              <ExpertCard expert={expert} />
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/** Threads as a compact list: kind, title, replies, last activity. */
export function ThreadList(props: { threads: readonly ThreadSummary[]; empty: string }) {
  return (
    <Show when={props.threads.length} fallback={<p class="empty-note">{props.empty}</p>}>
      <ul class="thread-teasers">
        <For each={props.threads}>{(thread) => <ThreadTeaser thread={thread} />}</For>
      </ul>
    </Show>
  );
}

function ThreadTeaser(props: { thread: ThreadSummary }) {
  const answered = () => props.thread.kind === 'QUESTION' && Boolean(props.thread.acceptedAnswer);
  return (
    <li class="thread-teaser">
      <span class="thread-kind" data-kind={props.thread.kind.toLowerCase()}>
        {props.thread.kind === 'QUESTION' ? t('topicPage.question') : t('topicPage.discussion')}
      </span>
      <div class="thread-teaser-text">
        <A class="thread-teaser-title" href={threadHref(props.thread.id)} lang="vi">
          {props.thread.title}
        </A>
        <p class="thread-teaser-meta">
          <span>{props.thread.author.name}</span>
          <span aria-hidden="true"> · </span>
          <span>{props.thread.kind === 'QUESTION' ? t('topicPage.answers', props.thread.replyCount) : t('topicPage.replies', props.thread.replyCount)}</span>
          <Show when={answered()}>
            <span aria-hidden="true"> · </span>
            <span class="thread-answered">{t('topicPage.answered')}</span>
          </Show>
          <span aria-hidden="true"> · </span>
          <span>{t('topicPage.active', formatDate(props.thread.lastActivityAt))}</span>
        </p>
      </div>
    </li>
  );
}

/** For visitors who are not signed in: discussions are for members, so say how to join them. */
export function MembersOnly(props: { title: string; body: string }) {
  const location = useLocation();
  return (
    <div class="members-only">
      <svg class="members-only-icon" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true">
        <path d="M4 5h16v10H9l-5 4Z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" />
      </svg>
      <div>
        <h3 class="members-only-title">{props.title}</h3>
        <p>{props.body}</p>
        <div class="button-row">
          <A class="button" href={signInHref(location.pathname + location.search)}>
            {t('account.signIn')}
          </A>
          <A class="button button-secondary" href={signUpHref(location.pathname + location.search)}>
            {t('account.signUp')}
          </A>
        </div>
      </div>
    </div>
  );
}

/**
 * The threads section of a topic or province page: members see the latest threads (loaded only
 * for them), visitors an invitation to sign in.
 */
export function ThreadSection(props: {
  id: string;
  /** The topic slug or place code whose threads `load` reads. */
  filter: string;
  load: (filter: string) => Promise<ThreadConnectionSummary>;
  moreHref: string;
  empty: string;
}) {
  // A failure of either reaches the section's error: never "members only" for a member.
  const viewer = createAsync(() => getViewer());
  const threads = createAsync(async () => {
    // Read before the first await, so that moving to another topic or province loads its threads.
    const filter = props.filter;
    return (await getViewer()) ? props.load(filter) : null;
  });
  const more = () => {
    const total = threads()?.totalCount ?? 0;
    return viewer() && total > 0 ? { href: props.moreHref, label: t('topicPage.seeAllThreads', total) } : undefined;
  };
  const loading = (
    <BrowseSection id={props.id} title={t('topicPage.threads')}>
      <p class="muted" role="status">
        {t('app.loading')}
      </p>
    </BrowseSection>
  );
  return (
    // Its own boundary: the rest of the page does not wait for the viewer or the threads.
    <Suspense fallback={loading}>
      <SectionError>
        <BrowseSection id={props.id} title={t('topicPage.threads')} more={more()}>
          <Show when={viewer()} fallback={<MembersOnly title={t('topicPage.membersOnlyTitle')} body={t('topicPage.membersOnlyBody')} />}>
            <ThreadList threads={threads()?.edges.map((edge) => edge.node) ?? []} empty={props.empty} />
          </Show>
        </BrowseSection>
      </SectionError>
    </Suspense>
  );
}
