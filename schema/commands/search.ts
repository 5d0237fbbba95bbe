import type { PageArgs } from '../connection.ts';
import type { Viewer } from '../context.ts';
import { searchThreads } from '../discussion/service.ts';
import { searchExperts } from '../expert/service.ts';
import { groupSlugsOf } from '../group/service.ts';
import { organizationsBySlugs, organizationSlugsFor } from '../organization/service.ts';
import { placeCodesFor } from '../place/service.ts';
import { searchPractices } from '../practice/service.ts';
import { CANDIDATES_PER_KIND, parseSearch, rankedPage, readsKind, showsKind, type SearchFilter, type SearchPage, type SearchScope } from '../search/service.ts';
import { requireTopic } from '../topic/service.ts';

/**
 * Searches practices, threads and experts the viewer may see and answers one ranked page: each
 * kind's candidates come from its own service (search/service.ts ranks them).
 */
export async function search(viewer: Viewer | null, query: string, filter: SearchFilter, page: PageArgs): Promise<SearchPage> {
  const request = parseSearch(viewer, query, filter, page);
  // Filters resolve first: an unknown topic, place or organisation is an error, not "nothing found".
  const scope: SearchScope = {
    tokens: request.terms.tokens,
    topic: filter.topic ? await requireTopic(filter.topic, 'filter.topic') : null,
    places: filter.place ? await placeCodesFor(filter.place, 'filter.place') : null,
    organizations: filter.organization ? await organizationSlugsFor(filter.organization, 'filter.organization') : null,
    stage: filter.stage ?? null,
    year: filter.year ?? null,
  };
  const none = { docs: [], count: 0 };
  // Members-only groups' threads are found by their members only.
  const groups = readsKind(request, 'thread') && viewer ? await groupSlugsOf(viewer.id) : [];
  const [practices, threads, experts] = await Promise.all([
    searchPractices(scope, showsKind(filter, 'practice'), CANDIDATES_PER_KIND),
    readsKind(request, 'thread') ? searchThreads(scope, showsKind(filter, 'thread'), CANDIDATES_PER_KIND, groups) : none,
    readsKind(request, 'expert') ? searchExperts(scope, showsKind(filter, 'expert'), CANDIDATES_PER_KIND) : none,
  ]);
  const slugs = [...new Set(experts.docs.map((e) => e.organization).filter((o): o is string => Boolean(o)))];
  const organizationNames = new Map((slugs.length ? await organizationsBySlugs(slugs) : []).map((o) => [o._id, o.name]));
  return rankedPage(request, { practices, threads, experts }, organizationNames);
}
