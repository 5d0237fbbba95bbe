import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import mongoose, { type Model } from 'mongoose';
import { Cohort } from '../schema/cohort/model.ts';
import { Account } from '../schema/account/model.ts';
import { Expert, type Role } from '../schema/expert/model.ts';
import { expertSearchTokens, sortNameOf } from '../schema/expert/service.ts';
import { Organization, type OrganizationKind } from '../schema/organization/model.ts';
import { organizationKindRank } from '../schema/organization/service.ts';
import { Reply, Thread, Vote } from '../schema/discussion/model.ts';
import { mentionsOf } from '../schema/discussion/service.ts';
import { Place } from '../schema/place/model.ts';
import { Practice } from '../schema/practice/model.ts';
import { practiceSearchTokens } from '../schema/practice/service.ts';
import { anyOf } from '../schema/query.ts';
import { fold, foldedTokens, searchTokens } from '../schema/search/fold.ts';
import { Topic } from '../schema/topic/model.ts';
import { Follow } from '../schema/follow/model.ts';
import { Endorsement } from '../schema/reaction/model.ts';

/* The shapes of the data files in seeds/data/. */
interface PlaceRecord { code: string; name: string; fullName: string; kind: string; region: string; current: boolean; successor: string | null; formerNames?: string[] }
interface OrganizationRecord { slug: string; name: string; shortName?: string | null; kind: OrganizationKind; place: string | null; parent: string | null; current: boolean; successor: string | null }
interface TopicRecord { slug: string; name: string; nameEn: string; description: string; descriptionEn: string }
interface CohortRecord { slug: string; name: string; nameEn: string; year: number }
export interface ExpertRecord {
  handle: string; name: string; position: string; organization: string; place: string;
  specialties: string[]; cohorts: string[]; bio: string; links: { label: string; url: string }[]; joinedAt: string;
}

export const readData = <T>(file: string): T[] => JSON.parse(readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8'));

/** What one sync did to one collection. */
export interface SyncReport { collection: string; inserted: number; updated: number; unchanged: number }

const comparable = (doc: Record<string, unknown>) => {
  const { _id, createdAt, updatedAt, __v, ...rest } = doc;
  return JSON.parse(JSON.stringify(rest));
};

/**
 * Makes the collection hold `docs` (matched by _id): inserts the missing, updates the ones that
 * differ, and leaves equal ones alone, so a second run writes nothing at all. A one-of record
 * (schema/mark.ts) comes without an `_id`: its key makes it.
 */
async function sync(model: Model<any>, given: Record<string, unknown>[]): Promise<SyncReport> {
  const docs = given.map((doc) => (doc._id === undefined ? { ...doc, _id: new model(doc)._id } : doc));
  const existing = new Map<string, Record<string, unknown>>();
  const stored = (await model.find({ _id: anyOf(docs.map((d) => d._id)) }).lean()) as Record<string, unknown>[];
  for (const doc of stored) existing.set(String(doc._id), doc);
  const report: SyncReport = { collection: model.collection.collectionName, inserted: 0, updated: 0, unchanged: 0 };
  const operations: mongoose.AnyBulkWriteOperation[] = [];
  for (const doc of docs) {
    const current = existing.get(String(doc._id));
    // Cast through the schema so defaults and types compare like stored documents do.
    const desired = new model(doc).toObject({ depopulate: true });
    if (!current) {
      operations.push({ insertOne: { document: doc } });
      report.inserted++;
    } else if (!isDeepStrictEqual(comparable(current), comparable(desired))) {
      const { _id, ...fields } = doc;
      operations.push({ updateOne: { filter: { _id }, update: { $set: fields } } });
      report.updated++;
    } else {
      report.unchanged++;
    }
  }
  if (operations.length) await model.bulkWrite(operations, { ordered: true });
  return report;
}

/** Provinces, organisations, topics and cohorts: the reference data every install needs. */
export async function loadReferenceData(): Promise<SyncReport[]> {
  const places = readData<PlaceRecord>('places.json');
  const organizations = readData<OrganizationRecord>('organizations.json');

  const placeDocs = places.map((p, order) => ({
    _id: p.code, name: p.name, fullName: p.fullName, kind: p.kind, region: p.region, current: p.current,
    successor: p.successor, formerNames: p.formerNames ?? [], order,
    predecessors: places.filter((q) => q.successor === p.code).map((q) => q.code),
  }));
  const organizationDocs = organizations.map((o) => ({
    _id: o.slug, name: o.name, shortName: o.shortName ?? null, kind: o.kind, kindRank: organizationKindRank(o.kind),
    place: o.place, parent: o.parent, current: o.current, successor: o.successor,
    predecessors: organizations.filter((q) => q.successor === o.slug).map((q) => q.slug),
    sortName: fold(o.name), searchTokens: foldedTokens(`${o.name} ${o.shortName ?? ''}`),
  }));
  const topicDocs = readData<TopicRecord>('topics.json').map((t, order) => ({ _id: t.slug, ...withoutSlug(t), order }));
  const cohortDocs = readData<CohortRecord>('cohorts.json').map((c) => ({ _id: c.slug, ...withoutSlug(c) }));

  return [await sync(Place, placeDocs), await sync(Organization, organizationDocs), await sync(Topic, topicDocs), await sync(Cohort, cohortDocs)];
}

function withoutSlug<T extends { slug: string }>(record: T): Omit<T, 'slug'> {
  const { slug, ...rest } = record;
  return rest;
}

/** Demo people get stable ids derived from their handles, so links to them survive a re-seed. */
export const demoExpertId = (handle: string) =>
  new mongoose.Types.ObjectId(createHash('sha1').update(`expert:${handle}`).digest('hex').slice(0, 24));

interface DemoAccounts { emailDomain: string; passwordHash: string; staff: Record<string, Role> }

export const demoAccounts = (): DemoAccounts => JSON.parse(readFileSync(new URL('./data/demo-accounts.json', import.meta.url), 'utf8'));

/** The email a demo person signs in with. */
export const demoEmail = (handle: string) => `${handle}@${demoAccounts().emailDomain}`;

/**
 * The demo dataset: the people of the network (seeds/data/experts.json) with accounts: those
 * with a programme cohort are verified experts, four of them staff (seeds/data/demo-accounts.json).
 */
export async function loadDemoData(): Promise<SyncReport[]> {
  const organizationNames = new Map(readData<OrganizationRecord>('organizations.json').map((o) => [o.slug, o.name]));
  const accounts = demoAccounts();
  const people = readData<ExpertRecord>('experts.json');
  const experts = people.map((e) => ({
    _id: demoExpertId(e.handle),
    handle: e.handle, name: e.name, sortName: sortNameOf(e.name), position: e.position,
    organization: e.organization, place: e.place, specialties: e.specialties, cohorts: e.cohorts,
    bio: e.bio, links: e.links, joinedAt: new Date(e.joinedAt),
    role: accounts.staff[e.handle] ?? 'member',
    verifiedAt: e.cohorts.length ? new Date(e.joinedAt) : null,
    searchTokens: expertSearchTokens(e, organizationNames.get(e.organization)),
  }));
  const signIns = people.map((e) => ({
    _id: demoExpertId(e.handle),
    email: demoEmail(e.handle), emailKey: demoEmail(e.handle).toLowerCase(),
    passwordHash: accounts.passwordHash, passwordChangedAt: new Date(e.joinedAt),
  }));
  return [await sync(Expert, experts), await sync(Account, signIns), ...(await loadDemoPractices()), ...(await loadDemoThreads()), ...(await loadDemoFollows())];
}

/** A stable pseudo-random order of `items` for a given seed, so demo choices never change between runs. */
const shuffled = <T>(items: readonly T[], seed: string, key: (item: T) => string) =>
  items
    .map((item) => ({ item, rank: createHash('sha1').update(`${seed}:${key(item)}`).digest('hex') }))
    .sort((a, b) => (a.rank < b.rank ? -1 : 1))
    .map(({ item }) => item);

/**
 * Who said "this helped me" about a demo practice: 2 to 13 people who are not its authors,
 * preferring those whose specialties share one of its topics.
 */
function demoEndorsers(practice: PracticeRecord, people: readonly ExpertRecord[]): string[] {
  const candidates = people.filter((person) => !practice.authors.includes(person.handle));
  const interested = (person: ExpertRecord) => person.specialties.some((topic) => practice.topics.includes(topic));
  const ordered = shuffled(candidates, `endorse:${practice.key}`, (person) => person.handle).sort((a, b) => Number(interested(b)) - Number(interested(a)));
  const count = 2 + (parseInt(createHash('sha1').update(practice.key).digest('hex').slice(0, 4), 16) % 12);
  return ordered.slice(0, count).map((person) => person.handle);
}

/**
 * What the demo people follow: the topics they work on, two colleagues of their place, the
 * national digital-transformation department's head, and the threads they started or replied
 * to (as the discussion service does for what one writes).
 */
export async function loadDemoFollows(): Promise<SyncReport[]> {
  const people = readData<ExpertRecord>('experts.json');
  const threads = existsSync(new URL('./data/threads.json', import.meta.url)) ? readData<ThreadRecord>('threads.json') : [];
  const follows: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  const add = (follower: string, kind: 'topic' | 'expert' | 'thread', target: string, since: string) =>
    seen.has(`${follower}/${kind}/${target}`) ||
    (seen.add(`${follower}/${kind}/${target}`), follows.push({ follower: demoExpertId(follower), kind, target, createdAt: new Date(since) }));
  for (const person of people) {
    for (const topic of person.specialties.slice(0, 3)) add(person.handle, 'topic', topic, person.joinedAt);
    const colleagues = shuffled(people.filter((p) => p.place === person.place && p.handle !== person.handle), `follow:${person.handle}`, (p) => p.handle).slice(0, 2);
    for (const colleague of [...colleagues.map((c) => c.handle), 'tuantm'].filter((h, i, all) => h !== person.handle && all.indexOf(h) === i)) {
      add(person.handle, 'expert', String(demoExpertId(colleague)), person.joinedAt);
    }
  }
  for (const thread of threads) {
    const id = String(stableId('thread', thread.key));
    add(thread.author, 'thread', id, thread.createdAt);
    for (const reply of thread.replies) add(reply.author, 'thread', id, reply.createdAt);
  }
  return [await sync(Follow, follows)];
}

export interface PracticeRecord {
  key: string; title: string; summary: string; problem: string; solution: string; results: string; lessons: string;
  organization: string; place: string; topics: string[]; stage: string; year: number;
  links: { label: string; url: string }[]; authors: string[]; publishedAt: string; featured: boolean;
}

const stableId = (kind: string, key: string) =>
  new mongoose.Types.ObjectId(createHash('sha1').update(`${kind}:${key}`).digest('hex').slice(0, 24));

/** The demo good practices (seeds/data/practices.json), all published, written by demo people. */
export async function loadDemoPractices(): Promise<SyncReport[]> {
  const records = existsSync(new URL('./data/practices.json', import.meta.url)) ? readData<PracticeRecord>('practices.json') : [];
  const people = readData<ExpertRecord>('experts.json');
  const endorsers = new Map(records.map((p) => [p.key, demoEndorsers(p, people)]));
  const endorsements = records.flatMap((p) =>
    endorsers.get(p.key)!.map((handle, i) => ({
      practice: stableId('practice', p.key),
      expert: demoExpertId(handle),
      // A day apart after publication, so the figures grow like real ones.
      createdAt: new Date(new Date(p.publishedAt).getTime() + (i + 1) * 86_400_000),
    })),
  );
  const docs = records.map((p) => ({
    _id: stableId('practice', p.key),
    title: p.title, summary: p.summary, problem: p.problem, solution: p.solution, results: p.results, lessons: p.lessons,
    organization: p.organization, place: p.place, topics: p.topics, stage: p.stage, year: p.year, links: p.links,
    authors: p.authors.map(demoExpertId), status: 'published', returnReason: '', featured: p.featured,
    submittedAt: new Date(p.publishedAt), publishedAt: new Date(p.publishedAt), version: 1, endorsementCount: endorsers.get(p.key)!.length,
    searchTokens: practiceSearchTokens(p),
  }));
  return [await sync(Practice, docs), await sync(Endorsement, endorsements)];
}

export interface ThreadRecord {
  key: string; kind: 'question' | 'discussion'; title: string; body: string; author: string; topics: string[]; place: string | null; createdAt: string;
  replies: { key: string; parent: string | null; author: string; body: string; createdAt: string; votes?: string[] }[];
  accepted: string | null;
}

/** The demo discussions and questions (seeds/data/threads.json) with their replies and votes. */
export async function loadDemoThreads(): Promise<SyncReport[]> {
  const records = existsSync(new URL('./data/threads.json', import.meta.url)) ? readData<ThreadRecord>('threads.json') : [];
  const threads: Record<string, unknown>[] = [];
  const replies: Record<string, unknown>[] = [];
  const votes: Record<string, unknown>[] = [];
  for (const t of records) {
    const threadId = stableId('thread', t.key);
    const replyId = (key: string) => stableId('reply', `${t.key}/${key}`);
    const depths = new Map<string, number>();
    for (const r of t.replies) {
      const depth = r.parent ? depths.get(r.parent)! + 1 : 0;
      depths.set(r.key, depth);
      replies.push({ _id: replyId(r.key), thread: threadId, parent: r.parent ? replyId(r.parent) : null, depth, author: demoExpertId(r.author), body: r.body, mentions: mentionsOf(r.body, r.author), history: [], deleted: false, voteCount: r.votes?.length ?? 0, createdAt: new Date(r.createdAt), updatedAt: new Date(r.createdAt) });
      for (const voter of r.votes ?? []) votes.push({ reply: replyId(r.key), expert: demoExpertId(voter), createdAt: new Date(r.createdAt) });
    }
    const last = t.replies.at(-1)?.createdAt ?? t.createdAt;
    threads.push({
      _id: threadId, kind: t.kind, title: t.title, body: t.body, author: demoExpertId(t.author), topics: t.topics, place: t.place, locked: false,
      acceptedReply: t.accepted ? replyId(t.accepted) : null, replyCount: t.replies.length, lastActivityAt: new Date(last),
      searchTokens: searchTokens(`${t.title} ${t.body}`), mentions: mentionsOf(t.body, t.author), createdAt: new Date(t.createdAt), updatedAt: new Date(last),
    });
  }
  return [await sync(Thread, threads), await sync(Reply, replies), await sync(Vote, votes)];
}

/** True when nobody is in the database yet: a fresh install that should get the demo data. */
export const isEmpty = async () => (await Expert.estimatedDocumentCount()) === 0;
