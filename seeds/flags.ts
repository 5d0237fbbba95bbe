// The demo's open flags (seeds/data/flags.json): a few members' reports waiting in the moderators' queue.
import { Flag, FlaggedItem, type FlagReason } from '../schema/flag/model.ts';
import { demoExpertId, demoReplyId, demoThreadId, readOptionalData } from './records.ts';
import { addMissingUnits, type DemoUnit, resetUnits, type SyncReport } from './sync.ts';

export interface FlagRecord {
  /** The thread's key in threads.json. */
  thread: string;
  /** A reply's key in that thread, when a reply is flagged. */
  reply?: string;
  /** Each by a member other than the writer, once. */
  flags: { by: string; reason: FlagReason; note: string; at: string }[];
}

/**
 * Adds the demo flags that are missing (or, with `reset`, puts them back as shipped): each
 * flagged item is a unit, its flags the parts, counted as the API counts them (keyed alike).
 */
export async function loadDemoFlags(options: { reset?: boolean } = {}): Promise<SyncReport[]> {
  const units: DemoUnit[] = readOptionalData<FlagRecord>('flags.json').map((record) => {
    const thread = demoThreadId(record.thread);
    const kind = record.reply ? ('reply' as const) : ('thread' as const);
    const target = record.reply ? demoReplyId(record.thread, record.reply) : thread;
    const _id = `${kind}:${String(target)}`;
    const reasonCounts: Record<string, number> = {};
    for (const flag of record.flags) reasonCounts[flag.reason] = (reasonCounts[flag.reason] ?? 0) + 1;
    const times = record.flags.map((flag) => new Date(flag.at));
    const first = new Date(Math.min(...times.map(Number)));
    const last = new Date(Math.max(...times.map(Number)));
    return {
      head: {
        _id,
        kind,
        target,
        thread,
        state: 'open',
        round: 0,
        flaggerCount: record.flags.length,
        reasonCounts,
        firstFlaggedAt: first,
        lastFlaggedAt: last,
        activityAt: last,
        decidedBy: null,
        decidedAt: null,
        decisionReason: '',
        createdAt: first,
        updatedAt: last,
      },
      parts: [
        [
          Flag,
          record.flags.map((flag) => {
            const flagger = demoExpertId(flag.by);
            return { _id: `${encodeURIComponent(_id)}:0:${String(flagger)}`, item: _id, round: 0, flagger, reason: flag.reason, note: flag.note, createdAt: new Date(flag.at) };
          }),
        ],
      ],
    };
  });
  return options.reset ? resetUnits(FlaggedItem, units) : addMissingUnits(FlaggedItem, units);
}
