import './my-practices.css';
import { MoreButton, createMorePages } from '../../lib/more-pages.tsx';
import { A } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { formatDate, t } from '../../i18n/i18n.ts';
import { RequireViewer } from '../account/require-viewer.tsx';
import { CoAuthorInvitations } from './co-author-invitation.tsx';
import { StatusChip } from './practice-badges.tsx';
import { practiceEditHref, practiceHref } from './practice-links.ts';
import { getMyPractices, type MyPractice } from './practice-list.api.ts';
import type { PracticeStatus } from './practice-params.ts';
import { PageLoading } from '../../components/page-loading.tsx';

/** What needs the author first: returned ones, then drafts, then what waits for others. */
const groups: PracticeStatus[] = ['RETURNED', 'DRAFT', 'SUBMITTED', 'PUBLISHED', 'HIDDEN'];

/** /practices/mine: the viewer's practices in every state, with links to edit them. */
export default function MyPracticesPage() {
  return (
    <RequireViewer forVisitors={{ title: t('membersOnly.minePracticesTitle'), body: t('membersOnly.minePracticesBody') }}>
      {() => (
        <div class="my-practices">
          <DocumentTitle text={t('myPractices.title')} />
          <header class="page-header page-header-with-action">
            <div>
              <h1 id="page-title">{t('myPractices.title')}</h1>
              <p class="lead">{t('myPractices.intro')}</p>
            </div>
            <A class="button" href="/practices/new">
              <span aria-hidden="true">+</span> {t('myPractices.write')}
            </A>
          </header>
          <SectionError>
            <CoAuthorInvitations />
          </SectionError>
          <SectionError>
            <Suspense fallback={<PageLoading />}>
              <MyPracticeList />
            </Suspense>
          </SectionError>
        </div>
      )}
    </RequireViewer>
  );
}

function MyPracticeList() {
  // Pages are read in turn ("show more") and listed together, grouped by state.
  const list = createMorePages(getMyPractices);
  const { pages, items: practices } = list;

  return (
    <Show when={pages()}>
      <Show
        when={practices().length}
        fallback={
          <StateMessage title={t('myPractices.emptyTitle')} body={t('myPractices.emptyBody')}>
            <A class="button" href="/practices/new">
              {t('myPractices.write')}
            </A>
          </StateMessage>
        }
      >
        <div class="card-stack">
          <For each={groups}>
            {(status) => {
              const members = () => practices().filter((practice) => practice.status === status);
              return (
                <Show when={members().length}>
                  <section class="card" aria-labelledby={`mine-${status.toLowerCase()}`}>
                    <h2 id={`mine-${status.toLowerCase()}`} class="card-title">
                      {t(`myPractices.groups.${status}`)} <span class="count-badge">{members().length}</span>
                    </h2>
                    <ul class="mine-list">
                      <For each={members()}>{(practice) => <MyPracticeItem practice={practice} />}</For>
                    </ul>
                  </section>
                </Show>
              );
            }}
          </For>
        </div>
        <MoreButton list={list} label={t('myPractices.more')} />
      </Show>
    </Show>
  );
}

function MyPracticeItem(props: { practice: MyPractice }) {
  const title = () => props.practice.title || t('myPractices.untitled');
  return (
    <li class="mine-item">
      <div class="mine-item-text">
        <h3 class="mine-item-title" lang="vi">
          <A href={practiceHref(props.practice.id)}>{title()}</A>
        </h3>
        <p class="queue-item-meta">
          <StatusChip status={props.practice.status} />
          <Show
            when={props.practice.status === 'PUBLISHED' && props.practice.publishedAt}
            fallback={
              <Show when={props.practice.status === 'SUBMITTED' && props.practice.submittedAt} fallback={<span>{t('myPractices.updated', formatDate(props.practice.updatedAt))}</span>}>
                {(at) => <span>{t('myPractices.submitted', formatDate(at()))}</span>}
              </Show>
            }
          >
            {(at) => <span>{t('myPractices.published', formatDate(at()))}</span>}
          </Show>
          <Show when={props.practice.version > 0}>
            <span>{t('myPractices.version', props.practice.version)}</span>
          </Show>
        </p>
        <Show when={props.practice.status === 'RETURNED' && props.practice.returnReason}>
          <p class="request-reason" lang="vi">
            {t('myPractices.reason', props.practice.returnReason)}
          </p>
        </Show>
      </div>
      <A class="button button-secondary button-small" href={practiceEditHref(props.practice.id)} aria-label={t('myPractices.editLabel', title())}>
        {t('myPractices.edit')}
      </A>
    </li>
  );
}
