import type { RoutePreloadFunc, RoutePreloadFuncArgs } from '@solidjs/router';
import { getOwner, runWithOwner } from 'solid-js';

/**
 * A route's preload that stays in its feature's API module, so that the first load does not carry
 * every page's queries. The module is fetched on the route's first preload (a hover on a link to
 * it, or the navigation itself), beside the page's own code, which imports the same chunk; the
 * data request starts as soon as that small chunk arrives, still in parallel with the rest of the
 * page's code. Once loaded, the preload runs synchronously, as an eager one would.
 */
export function lazyPreload<Module>(load: () => Promise<Module>, pick: (module: Module) => RoutePreloadFunc): RoutePreloadFunc {
  let loaded: Module | undefined;
  return (args: RoutePreloadFuncArgs) => {
    if (loaded) return pick(loaded)(args);
    // The router's params and location are reactive and, while a navigation is pending, answer
    // for the page being left once this call returns: read them now, as an eager preload would.
    const { params, location, intent } = args;
    const now: RoutePreloadFuncArgs = {
      params: { ...params },
      location: { pathname: location.pathname, search: location.search, hash: location.hash, query: { ...location.query }, state: location.state, key: location.key },
      intent,
    };
    // The router runs preloads under its owner: kept for the queries started once the chunk is here.
    const owner = getOwner();
    load().then(
      (module) => {
        loaded = module;
        runWithOwner(owner, () => pick(module)(now));
      },
      // A chunk that fails to load fails the page's own import too, which the page shows.
      () => undefined,
    );
    return undefined;
  };
}
