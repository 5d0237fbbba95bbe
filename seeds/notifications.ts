// The demo's notifications: each demo member who started threads hears of the latest replies to them, unread, so the bell shows a count at once.
import { Notification } from '../schema/notification/model.ts';
import { demoExpertId, demoReplyId, demoThreadId, readData, stableId, type ThreadRecord } from './records.ts';
import { addMissingUnits, type DemoUnit, resetUnits, type SyncReport } from './sync.ts';

/** At most this many per person: enough to see the bell and the centre at work. */
const PER_PERSON = 3;

/**
 * Adds the demo notifications that are missing (or, with `reset`, puts them back unread): the
 * latest direct replies by others to each person's threads, as answers for questions. None is
 * emailed (their email state is 'none').
 */
export async function loadDemoNotifications(options: { reset?: boolean } = {}): Promise<SyncReport[]> {
  const replies = readData<ThreadRecord>('threads.json').flatMap((thread) => thread.replies.filter((reply) => !reply.parent && reply.author !== thread.author).map((reply) => ({ thread, reply })));
  replies.sort((a, b) => b.reply.createdAt.localeCompare(a.reply.createdAt));
  const told = new Map<string, number>();
  const units: DemoUnit[] = [];
  for (const { thread, reply } of replies) {
    const count = told.get(thread.author) ?? 0;
    if (count >= PER_PERSON) continue;
    told.set(thread.author, count + 1);
    units.push({
      head: {
        _id: stableId('notification', `${thread.key}/${reply.key}`),
        recipient: demoExpertId(thread.author),
        kind: thread.kind === 'question' ? 'answer' : 'reply',
        actor: demoExpertId(reply.author),
        targetType: 'reply',
        targetId: String(demoReplyId(thread.key, reply.key)),
        contextId: String(demoThreadId(thread.key)),
        readAt: null,
        emailState: 'none',
        createdAt: new Date(reply.createdAt),
      },
      parts: [],
    });
  }
  return options.reset ? resetUnits(Notification, units) : addMissingUnits(Notification, units);
}
