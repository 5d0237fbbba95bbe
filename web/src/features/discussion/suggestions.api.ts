import { graphql } from '../../graphql.ts';
import { request } from '../../lib/graphql-client.ts';

/* What the editors suggest while one types: similar questions under a title, people after "@". */

const SimilarQuestionsQuery = graphql(`
  query SimilarQuestions($title: String!) {
    similarThreads(title: $title, kind: QUESTION) { id title replyCount acceptedAnswer { id } }
  }
`);

export interface SimilarQuestion {
  id: string;
  title: string;
  replyCount: number;
  answered: boolean;
}

/** Up to 5 questions sharing the most words with a title (the server ranks them). */
export async function similarQuestions(title: string, signal: AbortSignal): Promise<SimilarQuestion[]> {
  const { similarThreads } = await request(SimilarQuestionsQuery, { title }, { signal });
  return similarThreads.map((thread) => ({ id: thread.id, title: thread.title, replyCount: thread.replyCount, answered: Boolean(thread.acceptedAnswer) }));
}

const MentionCandidatesQuery = graphql(`
  query MentionCandidates($query: String!) {
    experts(filter: { query: $query }, first: 6) { edges { node { id handle name } } }
  }
`);

export interface MentionCandidate {
  id: string;
  handle: string;
  name: string;
}

/** Members whose handle or name starts with what follows the "@" (diacritics ignored). */
export async function mentionCandidates(typed: string, signal: AbortSignal): Promise<MentionCandidate[]> {
  const { experts } = await request(MentionCandidatesQuery, { query: typed }, { signal });
  return experts.edges.map((edge) => edge.node);
}
