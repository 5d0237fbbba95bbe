import { z } from 'zod';
import { builder, enumValues } from '../builder.ts';
import { CohortRef } from '../cohort/types.ts';
import { perRequest } from '../loading.ts';
import { PlaceRef } from '../place/types.ts';
import { TopicRef } from '../topic/types.ts';
import { expertsByIds } from './service.ts';
import { similarExpertsOf, SUGGESTIONS_MAX, suggestedExpertsFor, suggestionReasonKinds, type Suggestion, type SuggestionReason } from './suggestions.ts';
import { ExpertRef } from './types.ts';

/*
 * "People you should know" (the viewer's) and "similar experts" (a profile's): each suggestion
 * carries its reasons as kinds and values, so that the web app words them in either language.
 */

const SuggestionReasonKind = builder.enumType('SuggestionReasonKind', {
  description:
    'SPECIALTY: specialties in common (topics); PLACE: the same province or city (place); NEIGHBOUR: a bordering one (place); COHORT: the same cohort (cohorts); ANSWERED: answered questions in topics the viewer follows (topics).',
  values: enumValues(suggestionReasonKinds),
});

const SuggestionReasonRef = builder.objectRef<SuggestionReason>('SuggestionReason').implement({
  description: 'Why someone is suggested, with what is shared.',
  fields: (t) => ({
    kind: t.field({ type: SuggestionReasonKind, resolve: (r) => r.kind }),
    topics: t.field({ type: [TopicRef], description: 'Shared specialties, or the followed topics they answered in.', resolve: (r) => r.topics }),
    place: t.field({ type: PlaceRef, nullable: true, description: 'Their province or city (current unit).', resolve: (r) => r.place }),
    cohorts: t.field({ type: [CohortRef], description: 'Shared cohorts.', resolve: (r) => r.cohorts }),
  }),
});

const ExpertSuggestionRef = builder.objectRef<Suggestion>('ExpertSuggestion').implement({
  description: 'A person worth knowing and why, the strongest reasons first.',
  fields: (t) => ({
    expert: t.field({ type: ExpertRef, resolve: (s) => s.expert }),
    reasons: t.field({ type: [SuggestionReasonRef], resolve: (s) => s.reasons }),
  }),
});

const firstArg = (t: any) => t.arg.int({ description: `At most ${SUGGESTIONS_MAX}.`, validate: z.number().int().min(1).max(SUGGESTIONS_MAX) });
const DEFAULT_SUGGESTIONS = 5;

/** One batch for a page of profiles: the same number of queries for one expert or many. */
const similarLoader = perRequest(async (ids: readonly string[], key: string) => {
  const { viewer, first } = JSON.parse(key) as { viewer: string | null; first: number };
  const byId = new Map((await expertsByIds(ids)).map((expert) => [String(expert._id), expert]));
  const experts = ids.flatMap((id) => byId.get(id) ?? []);
  const found = new Map((await similarExpertsOf(experts, viewer, first)).map((suggestions, i) => [String(experts[i]!._id), suggestions]));
  return ids.map((id) => found.get(id) ?? []);
});

builder.objectField(ExpertRef, 'similarExperts', (t) =>
  t.field({
    type: [ExpertSuggestionRef],
    nullable: true,
    description: 'People like this expert (specialties, province and its neighbours, cohort), best first; null when signed out.',
    args: { first: firstArg(t) },
    resolve: (expert, args, ctx) =>
      ctx.viewer ? similarLoader(ctx, JSON.stringify({ viewer: ctx.viewer.id, first: (args.first as number | null | undefined) ?? DEFAULT_SUGGESTIONS })).load(String(expert._id)) : null,
  }),
);

builder.queryField('suggestedExperts', (t) =>
  t.field({
    type: [ExpertSuggestionRef],
    description: '"People you should know" for the signed-in viewer, best first: never themselves, whom they follow, or suspended people.',
    authScopes: { signedIn: true },
    args: { first: firstArg(t) },
    resolve: (_, args, ctx) => suggestedExpertsFor(ctx.viewer!, (args.first as number | null | undefined) ?? DEFAULT_SUGGESTIONS),
  }),
);
