import { InvalidArgumentError, type FieldError } from '../errors.ts';
import { findByIds } from '../loading.ts';
import { Topic, type TopicDoc } from './model.ts';

export type { TopicDoc };

export const topicsBySlugs = (slugs: readonly string[]) => findByIds<TopicDoc>(Topic, slugs);

/** An UNKNOWN error for each of `slugs` that names no topic, at `topics.<i>`: what every input carrying topics checks. */
export async function unknownTopicErrors(slugs: readonly string[]): Promise<FieldError[]> {
  if (!slugs.length) return [];
  const known = new Set((await topicsBySlugs(slugs)).map((t) => t._id));
  return slugs.flatMap((slug, i) => (known.has(slug) ? [] : [{ path: `topics.${i}`, code: 'UNKNOWN', message: 'topics holds an unknown topic' }]));
}

export const listTopics = () => Topic.find({}).sort({ order: 1 }).lean<TopicDoc[]>();

export const findTopic = (slug: string) => Topic.findById(slug).lean<TopicDoc>();

/** Checks that a topic used as a filter exists, so a typo is an error rather than an empty page. */
export async function requireTopic(slug: string, argument: string): Promise<string> {
  if (!(await Topic.exists({ _id: slug }))) throw new InvalidArgumentError(argument, `no topic has the slug "${slug.slice(0, 60)}"`);
  return slug;
}
