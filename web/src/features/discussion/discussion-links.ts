/*
 * Addresses of the discussion pages, apart from discussion.api.ts: the home page's thread
 * teasers link to threads without loading the discussion pages' queries.
 */

export const threadHref = (id: string) => `/threads/${encodeURIComponent(id)}`;
export const newThreadHref = (kind?: 'question') => (kind ? `/threads/new?kind=${kind}` : '/threads/new');

/** The fragment of a thread's address that scrolls its page to the first reply the viewer has not read. */
export const FIRST_UNREAD = 'first-unread';
