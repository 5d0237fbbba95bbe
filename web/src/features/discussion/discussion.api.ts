/*
 * The discussion pages' API, in one module for the router's preloads (app.tsx loads it with the
 * first discussion page) and for other features. Each part has its own file: the vocabulary and
 * URL parameters (thread-params.ts, no query), the list, one thread, the writes.
 */

export { newThreadHref, threadHref } from './discussion-links.ts';
export * from './thread-params.ts';
export * from './thread-list.api.ts';
export * from './thread.api.ts';
export * from './thread-writes.api.ts';
