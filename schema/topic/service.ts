import { InvalidArgumentError } from '../errors.ts';
import { findByIds } from '../loading.ts';
import { Topic, type TopicDoc } from './model.ts';

export type { TopicDoc };

export const topicsBySlugs = (slugs: readonly string[]) => findByIds<TopicDoc>(Topic, slugs);

export const listTopics = () => Topic.find({}).sort({ order: 1 }).lean<TopicDoc[]>();

export const findTopic = (slug: string) => Topic.findById(slug).lean<TopicDoc>();

/** Checks that a topic used as a filter exists, so a typo is an error rather than an empty page. */
export async function requireTopic(slug: string, argument: string): Promise<string> {
  if (!(await Topic.exists({ _id: slug }))) throw new InvalidArgumentError(argument, `no topic has the slug "${slug.slice(0, 60)}"`);
  return slug;
}
