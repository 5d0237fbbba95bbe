/*
 * Addresses of the practice pages, apart from practice.api.ts: the cards on the home page link
 * to practices without loading the practice pages' queries.
 */

/** Where a practice is read, edited; ids are the API's opaque ids. */
export const practiceHref = (id: string) => `/practices/${encodeURIComponent(id)}`;
export const practiceEditHref = (id: string) => `/practices/${encodeURIComponent(id)}/edit`;
