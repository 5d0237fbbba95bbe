import { builder, referenceNodeRef } from '../builder.ts';
import { cohortsBySlugs, listCohorts, type CohortDoc } from './service.ts';

export const CohortRef = referenceNodeRef<CohortDoc>('Cohort', cohortsBySlugs);

CohortRef.implement({
  description: 'An intake of the expert programme, e.g. "100 e-government experts" (2019).',
  fields: (t) => ({
    slug: t.string({ resolve: (cohort) => cohort._id }),
    name: t.exposeString('name'),
    nameEn: t.exposeString('nameEn'),
    year: t.exposeInt('year'),
  }),
});

builder.queryFields((t) => ({
  cohorts: t.field({ type: [CohortRef], resolve: () => listCohorts() }),
}));
