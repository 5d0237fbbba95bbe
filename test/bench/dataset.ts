// The benchmark's data: the demo network, then deterministic synthetic people, practices,
// threads and replies grown in place from one scale to the next (ids derive from a counter, so
// growing from scale 1 to 4 inserts only what scale 4 adds).
//
// Synthetic practices, threads and replies are copies of the demo ones as the loader stored them,
// with other ids, authors, dates and counters. Their text is left as it is, so everything derived
// from it at write time (search tokens and whatever else the services store) is copied along and
// stays right; what depends on who wrote it (mentions) or on the person (sort names, the
// directory's tokens) is computed with the services' own helpers.
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import mongoose, { type Model } from 'mongoose';
import { Reply, Thread, Vote, type ReplyDoc, type ThreadDoc } from '../../schema/discussion/model.ts';
import { mentionsOf } from '../../schema/discussion/service.ts';
import { Expert } from '../../schema/expert/model.ts';
import { expertSearchTokens, sortNameOf } from '../../schema/expert/service.ts';
import { Follow } from '../../schema/follow/model.ts';
import { Practice, type PracticeDoc } from '../../schema/practice/model.ts';
import { Endorsement } from '../../schema/reaction/model.ts';
import { demoExpertId, loadDemoData, loadReferenceData, readData, type ExpertRecord } from '../../seeds/load.ts';

/** What one scale holds beyond the demo network (which every scale has). */
export interface Size {
  people: number;
  practices: number;
  threads: number;
  replies: number;
}

/**
 * Scale 1 is the demo network plus 1,000 people; scale 4 is about 4,000 people, 10,000
 * practices, 10,000 threads and 60,000 replies in all (the figures, read as 10,000 of
 * each: the harder reading). Other scales are interpolated on that line.
 */
const DEMO = { practices: 183, threads: 206, replies: 1528 };
const AT_4 = { practices: 10_000, threads: 10_000, replies: 60_000 };

/** The thread with many replies that the "thread with 200 replies" page reads, at every scale. */
export const LONG_THREAD_REPLIES = 200;

export function sizeOf(scale: number): Size {
  const along = (total: number, demo: number) => Math.max(0, Math.round(((scale - 1) / 3) * (total - demo)));
  return {
    people: Math.round(1000 * scale),
    practices: along(AT_4.practices, DEMO.practices),
    // The long thread counts among the threads and its replies among the replies.
    threads: along(AT_4.threads, DEMO.threads + 1),
    replies: along(AT_4.replies, DEMO.replies + LONG_THREAD_REPLIES),
  };
}

const BATCH = 1000;

/** A stable ObjectId for a synthetic thing, from its kind and key. */
const idOf = (kind: string, key: number | string) => new mongoose.Types.ObjectId(createHash('sha1').update(`bench:${kind}:${key}`).digest('hex').slice(0, 24));

type Row = Record<string, unknown>;
/** What a batch of threads inserts, collection by collection. */
interface ThreadRows {
  threads: Row[];
  replies: Row[];
  votes: Row[];
  follows: Row[];
}
const threadRows = (): ThreadRows => ({ threads: [], replies: [], votes: [], follows: [] });

/** A stable number in [0, 1) for a key: dates and choices that never change between runs. */
const unit = (key: string) => parseInt(createHash('sha1').update(key).digest('hex').slice(0, 8), 16) / 2 ** 32;

const between = (from: string, to: string, key: string) => {
  const start = Date.parse(from);
  return new Date(start + Math.floor(unit(key) * (Date.parse(to) - start)));
};

/** Below this many documents an insert leaves the indexes alone. */
const BULK = 2000;

/**
 * Casts through the model's schema (defaults, types), then inserts unordered in batches. A bulk
 * load drops the collection's non-unique secondary indexes first and builds them again after:
 * on DocumentDB, inserting into the multikey search-token indexes one document at a time is
 * ten times slower than building them once (3,000 practices: 24 s against 3 s, measured). The
 * unique ones stay, so that a duplicate still fails here.
 */
async function insert(model: Model<any>, docs: Row[], log: (line: string) => void): Promise<void> {
  if (!docs.length) return;
  const start = performance.now();
  const bulk = docs.length >= BULK;
  if (bulk) {
    for (const index of await model.collection.indexes()) {
      if (index.name !== '_id_' && !index.unique) await model.collection.dropIndex(index.name!);
    }
  }
  for (let i = 0; i < docs.length; i += BATCH) {
    const batch = docs.slice(i, i + BATCH).map((doc) => new model(doc).toObject({ depopulate: true }));
    await model.collection.insertMany(batch, { ordered: false });
  }
  if (bulk) await model.createIndexes();
  log(`${model.collection.collectionName}: ${docs.length} inserted in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

interface Person {
  id: mongoose.Types.ObjectId;
  handle: string;
}

/** What the data holds so far, and the fixed things the pages read. */
export class Dataset {
  constructor(private readonly log: (line: string) => void) {}

  size: Size = { people: 0, practices: 0, threads: 0, replies: 0 };
  /** The demo people and the synthetic ones, in a stable order: authors are picked from here. */
  private people: Person[] = [];
  private demoPractices: PracticeDoc[] = [];
  private demoThreads: (ThreadDoc & { replies: ReplyDoc[] })[] = [];
  private organizationNames = new Map<string, string>();
  longThreadId: mongoose.Types.ObjectId = idOf('long-thread', 0);

  /** The demo practice the practice page shows: the most endorsed (the first of them by id). */
  get practiceId(): mongoose.Types.ObjectId {
    return [...this.demoPractices].sort((a, b) => b.endorsementCount - a.endorsementCount || String(a._id).localeCompare(String(b._id)))[0]!._id;
  }

  /** The demo thread with 20 replies (the first of them by id). */
  get shortThreadId(): mongoose.Types.ObjectId {
    const thread = this.demoThreads.find((t) => t.replies.length === 20);
    if (!thread) throw new Error('The demo data has no thread with 20 replies any more: choose another for the "thread, 20 replies" page.');
    return thread._id;
  }

  /** Demo threads to post replies to: none of the pages measured reads them. */
  replyTargets(count: number): mongoose.Types.ObjectId[] {
    return this.demoThreads
      .filter((t) => !t.locked && String(t._id) !== String(this.shortThreadId))
      .slice(0, count)
      .map((t) => t._id);
  }

  /** The demo network, the long thread, and scale 1's people. */
  async loadDemo(): Promise<void> {
    await loadReferenceData();
    await loadDemoData();
    this.organizationNames = new Map(readData<{ slug: string; name: string }>('organizations.json').map((o) => [o.slug, o.name]));
    this.people = readData<ExpertRecord>('experts.json').map((e) => ({ id: demoExpertId(e.handle), handle: e.handle }));
    this.demoPractices = await Practice.find({}).sort({ _id: 1 }).lean<PracticeDoc[]>();
    const threads = await Thread.find({}).sort({ _id: 1 }).lean<ThreadDoc[]>();
    const replies = await Reply.find({}).sort({ createdAt: 1, _id: 1 }).lean<ReplyDoc[]>();
    this.demoThreads = threads.map((t) => ({ ...t, replies: replies.filter((r) => String(r.thread) === String(t._id)) }));
    await this.addLongThread();
  }

  /** Grows the data to `scale` (never shrinks it). */
  async growTo(scale: number): Promise<void> {
    const target = sizeOf(scale);
    await this.addPeople(target.people);
    await this.addPractices(target.practices);
    await this.addThreads(target.threads, target.replies);
  }

  private person(key: string, pool = this.people): Person {
    return pool[Math.floor(unit(key) * pool.length)]!;
  }

  private async addPeople(total: number): Promise<void> {
    const demo = readData<ExpertRecord>('experts.json');
    const docs: Row[] = [];
    for (let i = this.size.people; i < total; i++) {
      const base = demo[i % demo.length]!;
      const person = { ...base, handle: `${base.handle.slice(0, 22)}.${i}`, name: `${base.name} ${i}` };
      const id = idOf('person', i);
      docs.push({
        _id: id,
        handle: person.handle,
        name: person.name,
        sortName: sortNameOf(person.name),
        position: person.position,
        organization: person.organization,
        place: person.place,
        specialties: person.specialties,
        cohorts: person.cohorts,
        bio: person.bio,
        links: person.links,
        joinedAt: new Date(person.joinedAt),
        role: 'member',
        verifiedAt: person.cohorts.length ? new Date(person.joinedAt) : null,
        searchTokens: expertSearchTokens(person, this.organizationNames.get(person.organization)),
      });
      this.people.push({ id, handle: person.handle });
    }
    await insert(Expert, docs, this.log);
    this.size.people = total;
  }

  /** Published copies of the demo practices, each with its own authors, date and endorsements. */
  private async addPractices(total: number): Promise<void> {
    const practices: Row[] = [];
    const endorsements: Row[] = [];
    for (let i = this.size.practices; i < total; i++) {
      const base = this.demoPractices[i % this.demoPractices.length]!;
      const id = idOf('practice', i);
      const key = `practice:${i}`;
      const publishedAt = between('2020-07-06T00:00:00Z', '2026-10-20T00:00:00Z', key);
      const authors = [...new Set([this.person(`${key}:a1`), this.person(`${key}:a2`)].slice(0, 1 + Math.floor(unit(`${key}:n`) * 2)))];
      const endorsers = new Map<string, Person>();
      const wanted = Math.floor(unit(`${key}:e`) * 8);
      for (let j = 0; endorsers.size < wanted && j < wanted * 3; j++) {
        const p = this.person(`${key}:e${j}`);
        if (!authors.includes(p)) endorsers.set(String(p.id), p);
      }
      for (const [j, p] of [...endorsers.values()].entries()) endorsements.push({ practice: id, expert: p.id, createdAt: new Date(publishedAt.getTime() + (j + 1) * 86_400_000) });
      const { _id, createdAt, updatedAt, __v, ...copy } = base as PracticeDoc & { __v?: number };
      practices.push({
        ...copy,
        _id: id,
        authors: authors.map((a) => a.id),
        submittedAt: publishedAt,
        publishedAt,
        endorsementCount: endorsers.size,
        createdAt: publishedAt,
        updatedAt: publishedAt,
      });
    }
    await insert(Practice, practices, this.log);
    await insert(Endorsement, endorsements, this.log);
    this.size.practices = total;
  }

  /**
   * Copies of demo threads with replies spread evenly to reach `replies` in all; answers get
   * votes. Their authors and repliers follow them, as replying does in the product.
   */
  private async addThreads(total: number, replyTotal: number): Promise<void> {
    const count = total - this.size.threads;
    const replyCount = replyTotal - this.size.replies;
    const docs = threadRows();
    let written = 0;
    for (let k = 0; k < count; k++) {
      const n = this.size.threads + k;
      const replies = Math.floor(((k + 1) * replyCount) / count) - written;
      written += replies;
      this.copyThread(n, this.demoThreads[n % this.demoThreads.length]!, replies, between('2024-06-04T00:00:00Z', '2026-11-12T00:00:00Z', `thread:${n}`), docs);
    }
    await this.insertThreads(docs);
    this.size.threads = total;
    this.size.replies = replyTotal;
  }

  private async addLongThread(): Promise<void> {
    const base = this.demoThreads.filter((t) => t.kind === 'discussion').sort((a, b) => b.replies.length - a.replies.length)[0]!;
    const docs = threadRows();
    this.copyThread('long', base, LONG_THREAD_REPLIES, new Date('2026-09-01T08:00:00Z'), docs, this.longThreadId);
    await this.insertThreads(docs);
  }

  private async insertThreads(docs: ThreadRows) {
    await insert(Thread, docs.threads, this.log);
    await insert(Reply, docs.replies, this.log);
    await insert(Vote, docs.votes, this.log);
    await insert(Follow, docs.follows, this.log);
  }

  private copyThread(n: number | string, base: ThreadDoc & { replies: ReplyDoc[] }, replyTotal: number, createdAt: Date, out: ThreadRows, threadId = idOf('thread', n)): void {
    const key = `thread:${n}`;
    const author = this.person(`${key}:author`);
    const followers = new Map<string, Date>([[String(author.id), createdAt]]);
    const ids: mongoose.Types.ObjectId[] = [];
    const depths: number[] = [];
    let at = createdAt.getTime();
    let accepted: mongoose.Types.ObjectId | null = null;
    // Base replies are cycled when more are wanted than the demo thread has.
    const pool = base.replies.length ? base.replies : this.demoThreads.find((t) => t.replies.length)!.replies;
    const index = new Map(pool.map((r, i) => [String(r._id), i]));
    for (let i = 0; i < replyTotal; i++) {
      const source = pool[i % pool.length]!;
      const round = Math.floor(i / pool.length) * pool.length;
      const parentIndex = source.parent ? index.get(String(source.parent)) : undefined;
      const parent = parentIndex !== undefined && round + parentIndex < i ? round + parentIndex : null;
      const id = idOf('reply', `${n}:${i}`);
      const writer = this.person(`${key}:r${i}`);
      at += Math.floor((1 + unit(`${key}:t${i}`) * 20) * 3_600_000);
      const depth = parent === null ? 0 : depths[parent]! + 1;
      ids.push(id);
      depths.push(depth);
      let votes = 0;
      if (base.kind === 'question' && depth === 0) {
        const voters = new Map<string, Person>();
        const wanted = Math.floor(unit(`${key}:v${i}`) * 4);
        for (let v = 0; voters.size < wanted && v < wanted * 3; v++) {
          const voter = this.person(`${key}:v${i}:${v}`);
          if (voter !== writer) voters.set(String(voter.id), voter);
        }
        for (const voter of voters.values()) out.votes.push({ reply: id, expert: voter.id, createdAt: new Date(at) });
        votes = voters.size;
        if (base.acceptedReply && !accepted) accepted = id;
      }
      out.replies.push({
        _id: id,
        thread: threadId,
        parent: parent === null ? null : ids[parent],
        depth,
        author: writer.id,
        body: source.body,
        // The demo's stored HTML of the same text: copies are written rendered, as every write is.
        bodyHtml: source.bodyHtml,
        bodyVersion: source.bodyVersion,
        mentions: mentionsOf(source.body, writer.handle),
        editCount: 0,
        deleted: false,
        voteCount: votes,
        createdAt: new Date(at),
        updatedAt: new Date(at),
      });
      if (!followers.has(String(writer.id))) followers.set(String(writer.id), new Date(at));
    }
    const { _id, createdAt: _c, updatedAt: _u, __v, replies: _r, ...copy } = base as ThreadDoc & { __v?: number; replies: ReplyDoc[] };
    out.threads.push({
      ...copy,
      _id: threadId,
      author: author.id,
      acceptedReply: accepted,
      replyCount: replyTotal,
      lastActivityAt: new Date(at),
      mentions: mentionsOf(base.body, author.handle),
      editCount: 0,
      locked: false,
      practice: null,
      createdAt,
      updatedAt: new Date(at),
    });
    for (const [follower, since] of followers) {
      out.follows.push({ follower: new mongoose.Types.ObjectId(follower), kind: 'thread', target: String(threadId), createdAt: since });
    }
  }

  /** People to sign in as for writes: the synthetic ones, whose limits nobody else spends. */
  writers(count: number): Person[] {
    return this.people.slice(readData<ExpertRecord>('experts.json').length).slice(0, count);
  }
}
