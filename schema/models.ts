import { Cohort } from './cohort/model.ts';
import { Expert } from './expert/model.ts';
import { Organization } from './organization/model.ts';
import { Place } from './place/model.ts';
import { Topic } from './topic/model.ts';

/** Every model, so that start-up can create their indexes. */
export const models = [Place, Organization, Topic, Cohort, Expert];
