// Loading the seed data into a database: the reference data, and the demo in units (people, practices, threads).
// The records it reads are in records.ts; how each collection is brought to them, in sync.ts.
import { createHash } from 'node:crypto';
import { Account } from '../schema/account/model.ts';
import { Cohort } from '../schema/cohort/model.ts';
import { Reply, ReplyRevision, Thread, ThreadRevision, Vote } from '../schema/discussion/model.ts';
import { replyCounter, voteCounter } from '../schema/discussion/repair.ts';
import { mentionsOf } from '../schema/discussion/service.ts';
import { Expert } from '../schema/expert/model.ts';
import { expertSearchTokens, sortNameOf } from '../schema/expert/service.ts';
import { Follow } from '../schema/follow/model.ts';
import { RENDERER_VERSION, renderMarkdown } from '../schema/markdown/render.ts';
import { Organization } from '../schema/organization/model.ts';
import { organizationKindRank } from '../schema/organization/service.ts';
import { Place } from '../schema/place/model.ts';
import { Practice, PracticeRevision } from '../schema/practice/model.ts';
import { anyOf } from '../schema/query.ts';
import { Endorsement } from '../schema/reaction/model.ts';
import { endorsementCounter } from '../schema/reaction/service.ts';
import { fold, foldedTokens, searchTokens } from '../schema/search/fold.ts';
import { Topic } from '../schema/topic/model.ts';
import type { Config } from '../server/config.ts';
import { caseRecordFields } from './case-record.ts';
import { loadDemoCollections } from './collections.ts';
import { loadDemoFlags } from './flags.ts';
import { loadDemoNotifications } from './notifications.ts';
import { loadDemoConversations } from './messages.ts';
import { DEMO_EDITED_PRACTICE, loadDemoPendingEdit } from './pending-edit.ts';
import { loadDemoReviewQueue, loadDemoVerificationRequests } from './curation.ts';
import { loadDemoGroupMembers, loadGroups } from './groups.ts';
import { loadDemoHelpdesk } from './helpdesk.ts';
import { loadDemoEnterprises } from './enterprises.ts';
import { loadDemoReplications } from './replications.ts';
import { loadDemoTasks } from './tasks.ts';
import { loadDemoProgramme } from './programme.ts';
import {
  type CohortRecord,
  demoAccounts,
  demoEmail,
  demoExpertId,
  type ExpertRecord,
  type OrganizationRecord,
  type PlaceRecord,
  type PracticeRecord,
  readData,
  readOptionalData,
  stableId,
  type ThreadRecord,
  type TopicRecord,
} from './records.ts';
import { repairReputations } from '../schema/counters.ts';
import { addMissingUnits, type DemoUnit, type Doc, merged, recount, resetUnits, type SyncReport, sync } from './sync.ts';

// What the rest of the code reads of the seeds, from one place.
export { demoAccounts, demoEmail, demoExpertId, demoReplyId, demoThreadId, type ExpertRecord, type PracticeRecord, readData, type ThreadRecord } from './records.ts';
export type { SyncReport } from './sync.ts';

/** Provinces, organisations, topics, cohorts and the working group's groups: the reference data every install needs. */
export async function loadReferenceData(): Promise<SyncReport[]> {
  const places = readData<PlaceRecord>('places.json');
  const organizations = readData<OrganizationRecord>('organizations.json');

  const placeDocs = places.map((p, order) => ({
    _id: p.code,
    name: p.name,
    fullName: p.fullName,
    kind: p.kind,
    region: p.region,
    current: p.current,
    successor: p.successor,
    formerNames: p.formerNames ?? [],
    order,
    predecessors: places.filter((q) => q.successor === p.code).map((q) => q.code),
  }));
  const organizationDocs = organizations.map((o) => ({
    _id: o.slug,
    name: o.name,
    shortName: o.shortName ?? null,
    kind: o.kind,
    kindRank: organizationKindRank(o.kind),
    place: o.place,
    parent: o.parent,
    current: o.current,
    successor: o.successor,
    predecessors: organizations.filter((q) => q.successor === o.slug).map((q) => q.slug),
    sortName: fold(o.name),
    searchTokens: foldedTokens(`${o.name} ${o.shortName ?? ''}`),
  }));
  const topicDocs = readData<TopicRecord>('topics.json').map((t, order) => ({ _id: t.slug, ...withoutSlug(t), order }));
  const cohortDocs = readData<CohortRecord>('cohorts.json').map((c) => ({ _id: c.slug, ...withoutSlug(c) }));

  return [await sync(Place, placeDocs), await sync(Organization, organizationDocs), await sync(Topic, topicDocs), await sync(Cohort, cohortDocs), await loadGroups()];
}

function withoutSlug<T extends { slug: string }>(record: T): Omit<T, 'slug'> {
  const { slug, ...rest } = record;
  return rest;
}

/*
 * How the demo goes into a database people use. Everything in it comes in units: a person with
 * their account and what they follow, a practice with its endorsements, a thread with its
 * replies, votes and the follows of those who wrote in it. A normal load adds the units that are
 * missing, whole, and never writes over a stored record or tops up a stored unit: a vote or a
 * follow missing from a thread that is there may be one somebody took back, and a removed
 * reply, a locked thread, an edit or a counter are what people did. Each unit's head (account,
 * practice, thread) goes in last, so a load cut short is finished by the next one.
 *
 * `reset` puts the demo back as shipped: demo records are overwritten (removed replies come
 * back, locks and edit histories go, demo passwords and roles return), missing demo records are
 * added, and the counters of demo records are recounted from their records. What people wrote
 * themselves (their own replies, votes, practices) stays.
 */
export interface DemoLoadOptions {
  reset?: boolean;
}

/**
 * The demo dataset: the people of the network (seeds/data/experts.json) with accounts: those
 * with a programme cohort are verified experts, four of them staff (seeds/data/demo-accounts.json);
 * their good practices and discussions, the curators' collections of them, and work waiting on the curators' desk (seeds/curation.ts). See above for what a load changes in a database in use.
 */
export async function loadDemoData(options: DemoLoadOptions = {}): Promise<SyncReport[]> {
  const reports = merged([
    ...(await loadDemoPeople(options)),
    ...(await loadDemoPractices(options)),
    ...(await loadDemoThreads(options)),
    ...(await loadDemoCollections(options)),
    ...(await loadDemoReplications(options)),
    ...(await loadDemoGroupMembers(options)),
    ...(await loadDemoHelpdesk(options)),
    ...(await loadDemoTasks(options)),
    ...(await loadDemoEnterprises(options)),
    ...(await loadDemoProgramme(options)),
    ...(await loadDemoFlags(options)),
    ...(await loadDemoReviewQueue(options)),
    ...(await loadDemoPendingEdit(options)),
    ...(await loadDemoVerificationRequests(options)),
    ...(await loadDemoNotifications(options)),
    ...(await loadDemoConversations(options)),
  ]);
  // The demo's votes, acceptances and endorsements are written as records: what they earn
  // follows, after any load that wrote something.
  if (reports.some((report) => report.inserted || report.updated)) await repairReputations({ settleMs: 0 });
  return reports;
}

/** The demo people, their accounts and what they follow (topics, colleagues). */
async function loadDemoPeople(options: DemoLoadOptions): Promise<SyncReport[]> {
  const organizationNames = new Map(readData<OrganizationRecord>('organizations.json').map((o) => [o.slug, o.name]));
  const accounts = demoAccounts();
  const people = readData<ExpertRecord>('experts.json');
  const follows = demoPeopleFollows(people);
  const units: DemoUnit[] = people.map((e) => ({
    head: {
      _id: demoExpertId(e.handle),
      email: demoEmail(e.handle),
      emailKey: demoEmail(e.handle).toLowerCase(),
      passwordHash: accounts.passwordHash,
      passwordChangedAt: new Date(e.joinedAt),
    },
    parts: [
      [Follow, follows.get(e.handle) ?? []],
      [
        Expert,
        [
          {
            _id: demoExpertId(e.handle),
            handle: e.handle,
            name: e.name,
            sortName: sortNameOf(e.name),
            position: e.position,
            organization: e.organization,
            place: e.place,
            specialties: e.specialties,
            cohorts: e.cohorts,
            bio: e.bio,
            links: e.links,
            joinedAt: new Date(e.joinedAt),
            role: accounts.staff[e.handle] ?? 'member',
            verifiedAt: e.cohorts.length ? new Date(e.joinedAt) : null,
            searchTokens: expertSearchTokens(e, organizationNames.get(e.organization)),
          },
        ],
      ],
    ],
  }));
  if (!options.reset) return addMissingUnits(Account, units);
  // A demo member a curator verified since stays verified: the approval is on record (and
  // repairVerifications would verify them again).
  const members = new Set(people.filter((p) => !p.cohorts.length).map((p) => String(demoExpertId(p.handle))));
  // Reputation is a counter of what others did (recomputed after the load, see loadDemoData).
  return resetUnits(Account, units, (model, stored) => (model === Expert ? ['reputation', ...(stored.verifiedAt && members.has(String(stored._id)) ? ['verifiedAt', 'cohorts'] : [])] : []));
}

/** A stable pseudo-random order of `items` for a given seed, so demo choices never change between runs. */
const shuffled = <T>(items: readonly T[], seed: string, key: (item: T) => string) =>
  items
    .map((item) => ({
      item,
      rank: createHash('sha1')
        .update(`${seed}:${key(item)}`)
        .digest('hex'),
    }))
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
 * What each demo person follows: the topics they work on, two colleagues of their place and the
 * national digital-transformation department's head. (The threads they started or replied to,
 * as the discussion service does for what one writes, come with the threads.)
 */
function demoPeopleFollows(people: readonly ExpertRecord[]): Map<string, Doc[]> {
  const follows = new Map<string, Doc[]>();
  for (const person of people) {
    const own: Doc[] = [];
    const add = (kind: 'topic' | 'expert', target: string) => own.push({ follower: demoExpertId(person.handle), kind, target, createdAt: new Date(person.joinedAt) });
    for (const topic of person.specialties.slice(0, 3)) add('topic', topic);
    const colleagues = shuffled(
      people.filter((p) => p.place === person.place && p.handle !== person.handle),
      `follow:${person.handle}`,
      (p) => p.handle,
    ).slice(0, 2);
    for (const colleague of [...colleagues.map((c) => c.handle), 'tuantm'].filter((h, i, all) => h !== person.handle && all.indexOf(h) === i)) {
      add('expert', String(demoExpertId(colleague)));
    }
    follows.set(person.handle, own);
  }
  return follows;
}

/** The demo good practices (seeds/data/practices.json), all published, written by demo people, with their endorsements. */
export async function loadDemoPractices(options: DemoLoadOptions = {}): Promise<SyncReport[]> {
  const records = readOptionalData<PracticeRecord>('practices.json');
  const people = readData<ExpertRecord>('experts.json');
  const units: DemoUnit[] = records.map((p) => {
    const endorsers = demoEndorsers(p, people);
    return {
      head: {
        _id: stableId('practice', p.key),
        ...caseRecordFields(p),
        links: p.links,
        status: 'published',
        returnReason: '',
        featured: p.featured,
        submittedAt: new Date(p.publishedAt),
        publishedAt: new Date(p.publishedAt),
        // Unchanged since: what the start-up migration would give it, so that a reset finds it equal.
        revisedAt: new Date(p.publishedAt),
        version: 1,
        endorsementCount: endorsers.length,
        // The demo's discussions are not about practices; the repair recounts any a person starts.
        discussionCount: 0,
      },
      parts: [
        [
          Endorsement,
          endorsers.map((handle, i) => ({
            practice: stableId('practice', p.key),
            expert: demoExpertId(handle),
            // A day apart after publication, so the figures grow like real ones.
            createdAt: new Date(new Date(p.publishedAt).getTime() + (i + 1) * 86_400_000),
          })),
        ],
      ],
    };
  });
  if (!options.reset) return addMissingUnits(Practice, units);
  const ids = units.map((u) => u.head._id);
  // The demo ships without earlier versions: people's edits of it go with the edit they replaced.
  await PracticeRevision.deleteMany({ practice: anyOf(ids) });
  // The demo's edit waiting for review is put back by its own step (seeds/pending-edit.ts), through the services.
  const keptEdit = (stored: Doc) => (String(stored._id) === String(DEMO_EDITED_PRACTICE) ? ['pendingEdit'] : []);
  const reports = await resetUnits(Practice, units, (model, stored) => (model === Practice ? ['endorsementCount', 'discussionCount', ...keptEdit(stored)] : []));
  await recount(endorsementCounter, ids.map(String));
  return reports;
}

/** The demo discussions and questions (seeds/data/threads.json) with their replies, votes and followers. */
export async function loadDemoThreads(options: DemoLoadOptions = {}): Promise<SyncReport[]> {
  // The groups' own discussions (seeds/data/group-threads.json) too: members-only ones kept to their group.
  const records = [...readOptionalData<ThreadRecord>('threads.json'), ...readOptionalData<ThreadRecord>('group-threads.json')];
  const membersOnly = new Set(
    readData<{ slug: string; discussionAccess: string }>('groups.json')
      .filter((g) => g.discussionAccess === 'members')
      .map((g) => g.slug),
  );
  const units: DemoUnit[] = records.map((t) => {
    const threadId = stableId('thread', t.key);
    const replyId = (key: string) => stableId('reply', `${t.key}/${key}`);
    const depths = new Map<string, number>();
    const replies: Doc[] = [];
    const votes: Doc[] = [];
    for (const r of t.replies) {
      const depth = r.parent ? depths.get(r.parent)! + 1 : 0;
      depths.set(r.key, depth);
      replies.push({
        _id: replyId(r.key),
        thread: threadId,
        parent: r.parent ? replyId(r.parent) : null,
        depth,
        author: demoExpertId(r.author),
        body: r.body,
        bodyHtml: renderMarkdown(r.body),
        bodyVersion: RENDERER_VERSION,
        mentions: mentionsOf(r.body, r.author),
        editCount: 0,
        deleted: false,
        voteCount: r.votes?.length ?? 0,
        createdAt: new Date(r.createdAt),
        updatedAt: new Date(r.createdAt),
      });
      for (const voter of r.votes ?? []) votes.push({ reply: replyId(r.key), expert: demoExpertId(voter), createdAt: new Date(r.createdAt) });
    }
    // Those who started or replied to it follow it, from their first word there.
    const followers = new Map<string, string>();
    for (const [who, when] of [[t.author, t.createdAt], ...t.replies.map((r) => [r.author, r.createdAt])] as const) if (!followers.has(who)) followers.set(who, when);
    const follows = [...followers].map(([who, when]) => ({ follower: demoExpertId(who), kind: 'thread', target: String(threadId), createdAt: new Date(when) }));
    const last = t.replies.at(-1)?.createdAt ?? t.createdAt;
    return {
      head: {
        _id: threadId,
        kind: t.kind,
        title: t.title,
        body: t.body,
        bodyHtml: renderMarkdown(t.body),
        bodyVersion: RENDERER_VERSION,
        editCount: 0,
        author: demoExpertId(t.author),
        topics: t.topics,
        place: t.place,
        locked: false,
        acceptedReply: t.accepted ? replyId(t.accepted) : null,
        replyCount: t.replies.length,
        lastActivityAt: new Date(last),
        searchTokens: searchTokens(`${t.title} ${t.body}`),
        mentions: mentionsOf(t.body, t.author),
        group: t.group ?? null,
        restrictedTo: t.group && membersOnly.has(t.group) ? t.group : null,
        createdAt: new Date(t.createdAt),
        updatedAt: new Date(last),
      },
      parts: [
        [Vote, votes],
        [Reply, replies],
        [Follow, follows],
      ],
    };
  });
  if (!options.reset) return addMissingUnits(Thread, units);
  // The demo ships without earlier versions: people's edits of it go with the edit they replaced.
  await ThreadRevision.deleteMany({ thread: anyOf(units.map((u) => u.head._id)) });
  await ReplyRevision.deleteMany({ reply: anyOf(units.flatMap((u) => u.parts[1]![1].map((r) => r._id))) });
  const reports = await resetUnits(Thread, units, (model) => (model === Thread ? ['replyCount'] : model === Reply ? ['voteCount'] : []));
  await recount(
    voteCounter,
    units.flatMap((u) => u.parts[1]![1].map((r) => String(r._id))),
  );
  await recount(
    replyCounter,
    units.map((u) => String(u.head._id)),
  );
  return reports;
}

/** True when nobody is in the database yet: a fresh install that should get the demo data. */
export const isEmpty = async () => (await Expert.estimatedDocumentCount()) === 0;

/**
 * Whether the demo dataset goes into this database. Its people sign in with the password printed
 * in the README, four of them staff, so a production server loads it only when told to
 * (DEMO_DATA=always); elsewhere `auto` loads it into an empty database at start, and the seed
 * command loads it on request. `note` is the line to log when it is left out for production.
 */
export function demoDataDecision(config: Pick<Config, 'NODE_ENV' | 'DEMO_DATA'>, situation: { databaseEmpty: boolean } | 'seed command'): { load: boolean; note?: string } {
  if (config.DEMO_DATA === 'never') return { load: false };
  if (config.DEMO_DATA === 'always') return { load: true };
  if (config.NODE_ENV === 'production') {
    return { load: false, note: 'Demo data not loaded: with NODE_ENV=production it loads only with DEMO_DATA=always (its accounts share the password printed in the README).' };
  }
  return { load: situation === 'seed command' || situation.databaseEmpty };
}

/** The start-up step: loads the demo when demoDataDecision says so, telling `say` what it did. */
export async function loadDemoDataAtStart(config: Pick<Config, 'NODE_ENV' | 'DEMO_DATA'>, say: (line: string) => void): Promise<boolean> {
  const decision = demoDataDecision(config, { databaseEmpty: config.DEMO_DATA === 'auto' && (await isEmpty()) });
  if (decision.note) say(decision.note);
  if (!decision.load) return false;
  say(config.DEMO_DATA === 'always' ? 'DEMO_DATA=always: adding the demo records missing from the database…' : 'The database is empty: loading the demo dataset…');
  await loadDemoData();
  return true;
}
