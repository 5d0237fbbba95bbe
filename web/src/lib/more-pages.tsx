import { createAsync } from '@solidjs/router';
import { createMemo, createSignal, Show } from 'solid-js';

interface Page<Node> {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: { node: Node }[];
}

/**
 * A list read a page at a time, "more" adding the next page below: `pages` are all read again
 * together when their query is revalidated, `items` are their nodes in order, and `more` is
 * undefined once the last page is in.
 */
export function createMorePages<Node>(load: (cursor: string | null) => Promise<Page<Node> | null>) {
  const [cursors, setCursors] = createSignal<(string | null)[]>([null]);
  const pages = createAsync(() => Promise.all(cursors().map(load)));
  const items = createMemo(() => (pages() ?? []).flatMap((page) => page?.edges.map((edge) => edge.node) ?? []));
  const next = () => {
    const last = pages()?.at(-1);
    return last?.pageInfo.hasNextPage ? (last.pageInfo.endCursor ?? null) : null;
  };
  return { pages, items, next, more: () => setCursors([...cursors(), next()]) };
}

/** "Show more" under a list of {@link createMorePages}, while there is more. */
export function MoreButton(props: { list: { next: () => string | null; more: () => void }; label: string }) {
  return (
    <Show when={props.list.next()}>
      <button type="button" class="button button-secondary queue-more" onClick={() => props.list.more()}>
        {props.label}
      </button>
    </Show>
  );
}
