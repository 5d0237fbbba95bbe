import { builder, referenceNodeRef } from '../builder.ts';
import { found } from '../errors.ts';
import { countThreads } from '../discussion/service.ts';
import { countExperts } from '../expert/service.ts';
import { countPublishedPractices } from '../practice/service.ts';
import { slugArg } from '../validation.ts';
import { findTopic, listTopics, topicsBySlugs, type TopicDoc } from './service.ts';

export const TopicRef = referenceNodeRef<TopicDoc>('Topic', topicsBySlugs);

TopicRef.implement({
  description: 'A field of digital government, used for specialties, practices and threads.',
  fields: (t) => ({
    slug: t.string({ resolve: (topic) => topic._id }),
    name: t.exposeString('name', { description: 'Vietnamese name.' }),
    nameEn: t.exposeString('nameEn'),
    description: t.exposeString('description'),
    descriptionEn: t.exposeString('descriptionEn'),
    // Counts for browse pages: one aggregate for every topic on the page (a batched loader).
    practiceCount: t.loadable({
      type: 'Int',
      description: 'Published practices on this topic.',
      load: async (slugs: string[]) => {
        const counts = await countPublishedPractices('topics', slugs);
        return slugs.map((slug) => counts.get(slug) ?? 0);
      },
      resolve: (topic) => topic._id,
    }),
    expertCount: t.loadable({
      type: 'Int',
      description: 'People with this specialty.',
      load: async (slugs: string[]) => {
        const counts = await countExperts('specialties', slugs);
        return slugs.map((slug) => counts.get(slug) ?? 0);
      },
      resolve: (topic) => topic._id,
    }),
    threadCount: t.loadable({
      type: 'Int',
      nullable: true,
      description: 'Discussions and questions on this topic; null for a signed-out viewer (threads are for members).',
      load: async (slugs: string[], ctx) => {
        if (!ctx.viewer) return slugs.map(() => null);
        const counts = await countThreads('topics', slugs);
        return slugs.map((slug) => counts.get(slug) ?? 0);
      },
      resolve: (topic) => topic._id,
    }),
  }),
});

builder.queryFields((t) => ({
  topics: t.field({ type: [TopicRef], resolve: () => listTopics() }),
  topic: t.field({
    type: TopicRef,
    args: { slug: t.arg.string({ required: true, validate: slugArg }) },
    resolve: async (_, { slug }) => found(await findTopic(slug), 'slug', 'topic', slug),
  }),
}));
