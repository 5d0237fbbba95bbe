import { listPlaces, recordCodesOf, type PlaceDoc } from '../place/service.ts';
import { countPublishedPractices } from '../practice/service.ts';
import { countReplicationsInPlaces } from '../replication/service.ts';

/**
 * The 34 current units, north to south, each with its published practices and the adoptions of
 * practices recorded there, its predecessors' included: the numbers `Place.practiceCount` and
 * `Place.replicationCount` give, in one aggregate each for all of them.
 */
export async function currentPlacesWithCounts(): Promise<(PlaceDoc & { practiceCount: number; replicationCount: number })[]> {
  const places = await listPlaces({ includeFormer: false });
  const codes = places.flatMap(recordCodesOf);
  const [practices, replications] = await Promise.all([countPublishedPractices('place', codes), countReplicationsInPlaces(codes)]);
  const total = (place: PlaceDoc, counts: Map<string, number>) => recordCodesOf(place).reduce((sum, code) => sum + (counts.get(code) ?? 0), 0);
  return places.map((place) => ({ ...place, practiceCount: total(place, practices), replicationCount: total(place, replications) }));
}
