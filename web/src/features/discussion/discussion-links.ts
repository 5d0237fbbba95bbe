/*
 * Addresses of the discussion pages, apart from discussion.api.ts: the home page's thread
 * teasers link to threads without loading the discussion pages' queries.
 */

export const threadHref = (id: string) => `/threads/${encodeURIComponent(id)}`;
export const newThreadHref = (kind?: 'question') => (kind ? `/threads/new?kind=${kind}` : '/threads/new');
