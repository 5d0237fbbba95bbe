import { InvalidArgumentError } from '../errors.ts';
import { findByIds } from '../loading.ts';
import { Cohort, type CohortDoc } from './model.ts';

export type { CohortDoc };

export const cohortsBySlugs = (slugs: readonly string[]) => findByIds<CohortDoc>(Cohort, slugs);

/** Reference data read whole: one cohort per programme intake (a few dozen at most). */
export const listCohorts = () => Cohort.find({}).sort({ year: 1 }).lean<CohortDoc[]>();

export async function requireCohort(slug: string, argument: string): Promise<string> {
  if (!(await Cohort.exists({ _id: slug }))) throw new InvalidArgumentError(argument, `no cohort has the slug "${slug.slice(0, 60)}"`);
  return slug;
}
