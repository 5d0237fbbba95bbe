/*
 * What other modules need of the expert pages without loading their queries (expert.api.ts):
 * the address of a profile, for cards and menus on every page, and the names under which the
 * profile and directory answers are cached, for a save that must refresh them.
 */

/** Where a person's profile is; handles may hold dots, so they are encoded. */
export const profileHref = (handle: string) => `/experts/${encodeURIComponent(handle)}`;

/** The cache keys of expert.api.ts's getExpert and getExpertDirectory. */
export const EXPERT_QUERY_KEY = 'expert';
export const EXPERT_DIRECTORY_QUERY_KEY = 'expertDirectory';
