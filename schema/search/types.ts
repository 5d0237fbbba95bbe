import { builder, enumValues } from '../builder.ts';
import { ThreadRef } from '../discussion/types.ts';
import { ExpertRef } from '../expert/types.ts';
import { PracticeRef, PracticeStage } from '../practice/types.ts';
import { slugArg } from '../validation.ts';
import type { Segment } from './fold.ts';
import { search } from '../commands/search.ts';
import { searchKinds, type SearchCounts, type SearchHit, type SearchPage } from './service.ts';

const SearchKindEnum = builder.enumType('SearchKind', {
  values: enumValues(searchKinds),
});

const HighlightSegmentRef = builder.objectRef<Segment>('HighlightSegment').implement({
  description: 'A run of plain text (never markup); `match` marks what the query matched, diacritics ignored.',
  fields: (t) => ({ text: t.exposeString('text'), match: t.exposeBoolean('match') }),
});

const SearchNodeRef = builder.unionType('SearchNode', {
  types: [PracticeRef, ThreadRef, ExpertRef],
  resolveType: (node) => ('handle' in node ? 'Expert' : 'lastActivityAt' in node ? 'Thread' : 'Practice'),
});

const SearchHitRef = builder.objectRef<SearchHit>('SearchHit').implement({
  description: 'One search result: the record, its title with the matches marked, and a snippet of the field that matched most.',
  fields: (t) => ({
    kind: t.field({ type: SearchKindEnum, resolve: (h) => h.kind }),
    node: t.field({ type: SearchNodeRef, resolve: (h) => h.node }),
    title: t.field({ type: [HighlightSegmentRef], resolve: (h) => h.title }),
    snippet: t.field({ type: [HighlightSegmentRef], description: 'Empty when the record has no text beyond its title.', resolve: (h) => h.snippet }),
  }),
});

const SearchCountsRef = builder.objectRef<SearchCounts>('SearchCounts').implement({
  description: 'Matches per kind, whatever kinds the filter shows (for tabs).',
  fields: (t) => ({ practices: t.exposeInt('practices'), threads: t.exposeInt('threads'), experts: t.exposeInt('experts') }),
});

const SearchFilter = builder.inputType('SearchFilter', {
  fields: (t) => ({
    kinds: t.field({ type: [SearchKindEnum], description: 'Kinds to list (all when empty); counts cover every kind.' }),
    topic: t.string({ description: 'A topic slug (for experts: a specialty).', validate: slugArg }),
    place: t.string({ description: 'A place code; a current province also finds its predecessors’ records.', validate: slugArg }),
    organization: t.string({ description: 'Also finds its units’ records. Threads have no organisation, so this leaves them out.', validate: slugArg }),
    stage: t.field({ type: PracticeStage, description: 'Practices only: leaves threads and experts out.' }),
    year: t.int({ description: 'Practices only: leaves threads and experts out.' }),
  }),
});

builder.queryFields((t) => ({
  search: t.connection(
    {
      type: SearchHitRef,
      description:
        'One ranked list over published practices, threads (signed-in members only) and experts. Words match diacritic-insensitively and whole (acronyms such as CĐS expanded); ranked by where they matched (title first), same diacritics as typed, then recency and reactions. The 200 most recent matches of each kind are ranked; counts are exact.',
      args: {
        query: t.arg.string({ required: true, description: 'At most 200 characters and 12 words.' }),
        filter: t.arg({ type: SearchFilter }),
      },
      resolve: (_, args, ctx) => search(ctx.viewer, args.query, args.filter ?? {}, args),
    },
    {
      name: 'SearchConnection',
      fields: (c) => ({ counts: c.field({ type: SearchCountsRef, resolve: (page) => (page as unknown as SearchPage).counts }) }),
    },
    { name: 'SearchEdge' },
  ),
}));
