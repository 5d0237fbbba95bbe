/*
 * The practice pages' API, in one module for the router's preloads (app.tsx loads it with the
 * first practice page) and for other features. Each part has its own file: the vocabulary and URL
 * parameters (practice-params.ts, no query), the lists, one record, the writes.
 */

export { practiceEditHref, practiceHref } from './practice-links.ts';
export * from './practice-params.ts';
export * from './practice-list.api.ts';
export * from './practice-record.api.ts';
export * from './practice-writes.api.ts';
