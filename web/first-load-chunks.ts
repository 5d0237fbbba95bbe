import type { Plugin, Rolldown } from 'vite';

type ModuleInfoOf = (id: string) => Rolldown.ModuleInfo | null;

/** The chunks a first load of the home page is made of (see {@link firstLoadChunks}). */
export type FirstLoadChunk = 'app' | 'shared' | 'home';

/** The modules reachable from `start` through static imports, except those in `outside`. */
function staticClosure(start: string, moduleInfo: ModuleInfoOf, outside: ReadonlySet<string> = new Set()): Set<string> {
  const found = new Set<string>();
  const pending = [start];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (found.has(id) || outside.has(id)) continue;
    found.add(id);
    pending.push(...(moduleInfo(id)?.importedIds ?? []));
  }
  return found;
}

/** Which of the three chunks each module of the app's first load and the home page belongs to. */
function planChunks(entry: string, homePage: string, moduleInfo: ModuleInfoOf): Map<string, FirstLoadChunk> {
  const app = staticClosure(entry, moduleInfo);
  const home = staticClosure(homePage, moduleInfo, app);
  // Every page loaded on demand (the routes' components and API modules), found from the entry.
  const lazyEntries = new Set<string>();
  const seen = new Set<string>();
  const pending = [entry];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    const info = moduleInfo(id);
    for (const lazy of info?.dynamicallyImportedIds ?? []) lazyEntries.add(lazy);
    pending.push(...(info?.importedIds ?? []), ...(info?.dynamicallyImportedIds ?? []));
  }
  const usedElsewhere = new Set<string>();
  for (const lazy of lazyEntries) {
    if (lazy === homePage) continue;
    for (const id of staticClosure(lazy, moduleInfo, app)) if (home.has(id)) usedElsewhere.add(id);
  }
  const plan = new Map<string, FirstLoadChunk>();
  for (const id of app) plan.set(id, 'app');
  for (const id of home) plan.set(id, usedElsewhere.has(id) ? 'shared' : 'home');
  return plan;
}

/**
 * Code-splitting groups that make the home page's first load three chunks instead of a score:
 * `app`, everything the entry needs (router, shell, Vietnamese dictionary, GraphQL client: the
 * bundler would otherwise cut it into several common chunks by which pages also use each part);
 * `shared`, the home page's components that other pages use too (cards, badges), so a page
 * opened later does not fetch home's own code for them; `home`, the rest of the home page. Other
 * pages keep the bundler's own splitting. Computed from the module graph once it is built (by the
 * plugin), so a new import on the home page lands in the right chunk without touching a list.
 *
 * `entry` and `homePage` are absolute module ids (file paths).
 */
export function firstLoadChunks(entry: string, homePage: string): { plugin: Plugin; groups: Rolldown.CodeSplittingGroup[] } {
  let plan = new Map<string, FirstLoadChunk>();
  const plugin: Plugin = {
    name: 'first-load-chunks',
    apply: 'build',
    buildEnd() {
      plan = planChunks(entry, homePage, (id) => this.getModuleInfo(id));
    },
  };
  // Earlier groups take their modules first: what the entry needs is never fetched twice.
  const groups: Rolldown.CodeSplittingGroup[] = [
    { name: 'app', test: (id) => plan.get(id) === 'app', priority: 3 },
    { name: 'shared', test: (id) => plan.get(id) === 'shared', priority: 2 },
    { name: 'home', test: (id) => plan.get(id) === 'home', priority: 1 },
  ];
  return { plugin, groups };
}
