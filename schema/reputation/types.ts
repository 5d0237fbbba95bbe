import { ExpertRef } from '../expert/types.ts';
import { builder } from '../builder.ts';

builder.objectFields(ExpertRef, (t) => ({
  reputation: t.int({
    description: 'Points earned from others: accepted answers, votes on answers and questions, endorsements of practices (the README lists the rules).',
    resolve: (expert) => expert.reputation ?? 0,
  }),
}));
