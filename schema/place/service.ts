import { InvalidArgumentError } from '../errors.ts';
import { findByIds } from '../loading.ts';
import { Place, type PlaceDoc } from './model.ts';

export type { PlaceDoc };

export const placesByCodes = (codes: readonly string[]) => findByIds<PlaceDoc>(Place, codes);

export function listPlaces(options: { includeFormer: boolean }): Promise<PlaceDoc[]> {
  const filter = options.includeFormer ? {} : { current: true };
  // Reference data read whole: the 34 current units and the provinces merged into them (under a hundred).
  return Place.find(filter).sort({ order: 1 }).lean<PlaceDoc[]>();
}

export function findPlace(code: string): Promise<PlaceDoc | null> {
  return Place.findById(code).lean<PlaceDoc>();
}

/** The codes records of this place may carry: its own and, for a current unit, its predecessors'. */
export const recordCodesOf = (place: PlaceDoc): string[] => [place._id, ...(place.current ? place.predecessors : [])];

/**
 * The codes a filter on `code` must match: the place itself and every pre-2025 province it
 * absorbed, since records keep the place they were written under.
 */
export async function placeCodesFor(code: string, argument: string): Promise<string[]> {
  const place = await findPlace(code);
  if (!place) throw new InvalidArgumentError(argument, `no place has the code "${code.slice(0, 60)}"`);
  return [place._id, ...place.predecessors];
}
