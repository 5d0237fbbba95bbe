import { builder, referenceNodeRef } from '../builder.ts';
import { found } from '../errors.ts';
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
