import './bookmarks.css';
import { MoreButton, createMorePages } from '../../lib/more-pages.tsx';
import { A, useSearchParams } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { Tab, Tabs } from '../../components/tabs.tsx';
import { formatDate, t } from '../../i18n/i18n.ts';
import { RequireViewer } from '../account/require-viewer.tsx';
import { threadHref } from '../discussion/discussion.api.ts';
import { practiceHref } from '../practice/practice.api.ts';
import { BookmarkButton } from './bookmark-buttons.tsx';
import { BOOKMARK_KINDS, bookmarkKindOf as kindOf, getMyBookmarks, type BookmarkKind } from './bookmark.api.ts';
import { PageLoading } from '../../components/page-loading.tsx';

/** /bookmarks: the practices and threads the viewer saved, latest first; `?kind=practice|thread`. */
export default function BookmarksPage() {
  const [params] = useSearchParams();
  const kind = () => kindOf(params.kind);
  return (
    <RequireViewer forVisitors={{ title: t('membersOnly.bookmarksTitle'), body: t('membersOnly.bookmarksBody') }}>
      {() => (
        <div class="bookmarks-page">
          <DocumentTitle text={t('bookmark.pageTitle')} />
          <header class="page-header">
            <h1 id="page-title">{t('bookmark.pageTitle')}</h1>
            <p class="lead">{t('bookmark.intro')}</p>
          </header>
          <Tabs label={t('bookmark.kinds')}>
            <Tab href="/bookmarks" current={kind() === null}>
              {t('bookmark.all')}
            </Tab>
            <For each={BOOKMARK_KINDS}>
              {(k) => (
                <Tab href={`/bookmarks?kind=${k.toLowerCase()}`} current={kind() === k}>
                  {t(`bookmark.kind.${k}`)}
                </Tab>
              )}
            </For>
          </Tabs>
          <SectionError>
            <Suspense fallback={<PageLoading />}>
              <Show when={kind()} keyed fallback={<BookmarkList kind={null} />}>
                {(k) => <BookmarkList kind={k} />}
              </Show>
            </Suspense>
          </SectionError>
        </div>
      )}
    </RequireViewer>
  );
}

function BookmarkList(props: { kind: BookmarkKind | null }) {
  const list = createMorePages((cursor) => getMyBookmarks(props.kind, cursor));
  const { pages, items } = list;
  return (
    <Show when={pages()}>
      <Show when={items().length} fallback={<StateMessage title={t('bookmark.emptyTitle')} body={t('bookmark.emptyBody')} />}>
        <ul class="bookmark-list">
          <For each={items()}>
            {(item) => (
              <li class="bookmark-item card">
                <p class="follow-update-kind">
                  <span>{t(`bookmark.kind.${item.kind}`)}</span>
                  <span>{t('bookmark.savedAt', formatDate(item.savedAt))}</span>
                </p>
                <Show
                  when={item.practice}
                  fallback={
                    <Show when={!item.thread}>
                      <p class="muted">{t('bookmark.gone')}</p>
                    </Show>
                  }
                >
                  {(practice) => (
                    <div class="bookmark-body">
                      <h2 class="follow-update-title" lang="vi">
                        <A href={practiceHref(practice().id)}>{practice().title}</A>
                      </h2>
                      <p class="bookmark-summary" lang="vi">
                        {practice().summary}
                      </p>
                      <BookmarkButton kind="practice" target={practice()} signedIn />
                    </div>
                  )}
                </Show>
                <Show when={item.thread}>
                  {(thread) => (
                    <div class="bookmark-body">
                      <h2 class="follow-update-title" lang="vi">
                        <A href={threadHref(thread().id)}>{thread().title}</A>
                      </h2>
                      <p class="muted">{t('follow.replies', thread().replyCount)}</p>
                      <BookmarkButton kind="thread" target={thread()} signedIn />
                    </div>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ul>
        <MoreButton list={list} label={t('bookmark.more')} />
      </Show>
    </Show>
  );
}
