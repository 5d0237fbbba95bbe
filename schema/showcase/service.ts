import { listPlaces, recordCodesOf, type PlaceDoc } from '../place/service.ts';
import { countPublishedPractices } from '../practice/service.ts';

/**
 * The 34 current units, north to south, each with its published practices, its predecessors'
 * included: the numbers `Place.practiceCount` gives, in one aggregate for all of them.
 */
export async function currentPlacesWithCounts(): Promise<(PlaceDoc & { practiceCount: number })[]> {
  const places = await listPlaces({ includeFormer: false });
  const counts = await countPublishedPractices('place', places.flatMap(recordCodesOf));
  return places.map((place) => ({ ...place, practiceCount: recordCodesOf(place).reduce((sum, code) => sum + (counts.get(code) ?? 0), 0) }));
}
