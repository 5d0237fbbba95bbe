import type { Viewer } from '../context.ts';
import { collectionsByIds, isPubliclyShown } from '../collection/service.ts';
import { canReadReplyText, canReadThread, canSeeReply } from '../discussion/policy.ts';
import { readerGroupsFor, repliesByIds, threadsByIds } from '../discussion/service.ts';
import { canRead as canReadPractice } from '../practice/policy.ts';
import { practicesByIds } from '../practice/service.ts';
import { canReadWork } from '../task/policy.ts';
import { proposalsByIds, tasksByIds } from '../task/service.ts';
import type { TargetType } from './kinds.ts';

/*
 * What a notification is about, as its recipient may see it now: its title and the page it
 * links to, or nothing when it became unseeable since (a reply hidden by a moderator, a thread
 * hidden, a practice taken down). Read for a whole page of notifications at once: one read per
 * kind of target, through the owning features' services and policies.
 */

export interface TargetRef {
  targetType: string;
  targetId: string;
  contextId?: string | null;
}

export interface ShownTarget {
  /** What it is called (a thread's, practice's, task's or proposal's title); null for a conversation or a verification. */
  title: string | null;
  /** The page it opens, within the site. */
  path: string;
}

/** The web app's addresses name threads and practices by their GraphQL IDs (encoded as schema/builder.ts does). */
const globalId = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString('base64url');

const idsOf = (refs: readonly TargetRef[], type: TargetType, key: (ref: TargetRef) => string | null | undefined = (ref) => ref.targetId) => [
  ...new Set(
    refs
      .filter((ref) => ref.targetType === type)
      .map(key)
      .filter((id): id is string => Boolean(id)),
  ),
];

const byId = <T extends { _id: unknown }>(docs: readonly T[]) => new Map(docs.map((doc) => [String(doc._id), doc]));

/** For each reference, what the viewer may see of it (null: nothing, so the notification is not shown). */
export async function seeTargets(viewer: Viewer, refs: readonly TargetRef[]): Promise<(ShownTarget | null)[]> {
  const replies = byId(await repliesByIds(idsOf(refs, 'reply')));
  const threadIds = [...new Set([...idsOf(refs, 'thread'), ...[...replies.values()].map((r) => String(r.thread))])];
  const practiceIds = [...new Set([...idsOf(refs, 'practice'), ...idsOf(refs, 'collection', (ref) => ref.contextId)])];
  const [threads, practices, collections, tasks, proposals] = await Promise.all([
    threadsByIds(threadIds).then(byId),
    practicesByIds(practiceIds).then(byId),
    collectionsByIds(viewer, idsOf(refs, 'collection')).then(byId),
    // Only when the page names some: most pages have no task or proposal.
    (refs.some((ref) => ref.targetType === 'task') ? tasksByIds(idsOf(refs, 'task')) : Promise.resolve([])).then(byId),
    (refs.some((ref) => ref.targetType === 'proposal') ? proposalsByIds(idsOf(refs, 'proposal')) : Promise.resolve([])).then(byId),
  ]);
  // Read now, not when it was sent: one who left a members-only group no longer sees what it was about.
  const groups = await readerGroupsFor(viewer, [...threads.values()]);
  const seenThread = (id: string) => {
    const thread = threads.get(id);
    return thread && canReadThread(viewer, thread, groups) ? thread : null;
  };
  return refs.map((ref): ShownTarget | null => {
    switch (ref.targetType as TargetType) {
      case 'thread': {
        const thread = seenThread(ref.targetId);
        return thread ? { title: thread.title, path: `/threads/${globalId('Thread', ref.targetId)}` } : null;
      }
      case 'reply': {
        const reply = replies.get(ref.targetId);
        const thread = reply && seenThread(String(reply.thread));
        if (!reply || !thread || !canSeeReply(viewer, reply) || !canReadReplyText(viewer, reply) || reply.hiddenAt) return null;
        return { title: thread.title, path: `/threads/${globalId('Thread', String(thread._id))}#reply-${ref.targetId}` };
      }
      case 'practice': {
        const practice = practices.get(ref.targetId);
        return practice && canReadPractice(viewer, practice) ? { title: practice.title, path: `/practices/${globalId('Practice', ref.targetId)}` } : null;
      }
      case 'collection': {
        const collection = collections.get(ref.targetId);
        const practice = ref.contextId ? practices.get(ref.contextId) : null;
        return collection && isPubliclyShown(practice) ? { title: `${practice!.title} — ${collection.title}`, path: `/collections/${encodeURIComponent(collection.slug)}` } : null;
      }
      case 'conversation':
        // The conversation's page checks membership itself.
        return { title: null, path: `/messages/${encodeURIComponent(ref.targetId)}` };
      case 'verification':
        return { title: null, path: '/settings/verification' };
      case 'task': {
        const task = tasks.get(ref.targetId);
        return task && canReadWork(viewer) ? { title: task.title, path: `/tasks/${globalId('Task', ref.targetId)}` } : null;
      }
      case 'proposal': {
        // An accepted proposal leads to its task; a declined one to its group's board, which shows the reason.
        const proposal = proposals.get(ref.targetId);
        if (!proposal || !canReadWork(viewer)) return null;
        const path = proposal.task ? `/tasks/${globalId('Task', String(proposal.task))}` : `/groups/${encodeURIComponent(proposal.group)}#proposal-${globalId('Proposal', ref.targetId)}`;
        return { title: proposal.title, path };
      }
      default:
        return null;
    }
  });
}
