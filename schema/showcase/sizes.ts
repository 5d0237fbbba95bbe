/* How much the showcase home shows, one number for the web page and the server's page alike. */

/** Featured practices on the showcase home: the demo features a dozen, curators about as many. */
export const SHOWCASE_FEATURED = 12;

/** Published collections on the showcase home: every current one (the ministry publishes a handful per quarter). */
export const SHOWCASE_COLLECTIONS = 50;
