/**
 * Starts a request ahead of the page that will read it (a route's preload) and leaves its
 * failure to that page on purpose: the page reads the same query from the router's cache and
 * shows the failure in its own error state, and an outage has already reached the outage notice
 * (lib/outage.ts) through the client. Only for requests nobody waits on here.
 */
export function prefetch(load: Promise<unknown>): void {
  void load.catch(() => undefined);
}
