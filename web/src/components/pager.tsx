import { Show } from 'solid-js';
import { t } from '../i18n/i18n.ts';

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor?: string | null;
  endCursor?: string | null;
}

/**
 * Previous and next page of a connection shown through the URL (`before=` / `after=`).
 * Plain anchors (the router still handles them): its <A> marks any link to the current path
 * with aria-current="page", which a link to the next page is not.
 */
export function Pager(props: { pageInfo: PageInfo; hrefFor: (cursor: { after: string } | { before: string }) => string; onNavigate: () => void }) {
  const info = () => props.pageInfo;
  return (
    <Show when={info().hasPreviousPage || info().hasNextPage}>
      <nav class="pager" aria-label={t('directory.pagination')}>
        <Show
          when={info().hasPreviousPage && info().startCursor}
          fallback={
            <span class="pager-link is-disabled" aria-disabled="true">
              <span aria-hidden="true">←</span>
              {t('directory.previous')}
            </span>
          }
        >
          {(cursor) => (
            <a class="pager-link" href={props.hrefFor({ before: cursor() })} noScroll onClick={() => props.onNavigate()}>
              <span aria-hidden="true">←</span>
              {t('directory.previous')}
            </a>
          )}
        </Show>
        <Show
          when={info().hasNextPage && info().endCursor}
          fallback={
            <span class="pager-link is-disabled" aria-disabled="true">
              {t('directory.next')}
              <span aria-hidden="true">→</span>
            </span>
          }
        >
          {(cursor) => (
            <a class="pager-link" href={props.hrefFor({ after: cursor() })} noScroll onClick={() => props.onNavigate()}>
              {t('directory.next')}
              <span aria-hidden="true">→</span>
            </a>
          )}
        </Show>
      </nav>
    </Show>
  );
}
