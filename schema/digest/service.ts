import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { accountsByIds, isEmailVerified, isSuspended, requireViewer } from '../account/service.ts';
import type { Context, Viewer } from '../context.ts';
import { listThreads, threadsReaching, type ThreadDoc } from '../discussion/service.ts';
import { sendEmailNow, siteLink, type EmailLanguage } from '../email/mailer.ts';
import { NotFoundError } from '../errors.ts';
import { listExperts, type ExpertDoc } from '../expert/service.ts';
import { followedBy } from '../follow/service.ts';
import { insertOnce } from '../mark.ts';
import { findPlace } from '../place/service.ts';
import { listPractices, publishedPracticesReaching, type PracticeDoc } from '../practice/service.ts';
import { anyOf, lessThan } from '../query.ts';
import { topicsBySlugs } from '../topic/service.ts';
import { parseInput } from '../validation.ts';
import { digestEmail, type DigestItem } from './email.ts';
import { DigestPreference, DigestSend, type DigestPreferenceDoc, type DigestSendDoc } from './model.ts';

/*
 * The weekly digest: what happened in the past week in the topics a member follows and in their
 * province (new published practices, active discussions, questions without an accepted answer),
 * by email, in their language. On by default (each digest carries a link that turns it off
 * without signing in); only to verified addresses of members who are not suspended; nothing when
 * there is nothing to say.
 *
 * At most one per member and week, whatever the number of processes sending: a DigestSend record
 * keyed (member, week) is inserted before composing, and only its inserter sends. A run that died
 * holding one leaves it `sending` until its lease runs out; the next run takes it over. (One could
 * go twice only if a process dies between the SMTP server's answer and the `sent` mark.)
 */

/** Weeks start on Monday at this hour, Vietnam time (UTC+7), unless configured otherwise. */
export const DEFAULT_DIGEST_HOUR = 8;
/** Top items of each kind in a digest. */
export const DIGEST_ITEMS = 5;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
const LEASE_MS = 10 * 60_000;
/** Members read per round of a run (a page of the directory at its largest). */
const BATCH = 50;
/** Recent items read per kind before keeping the week's top few. */
const READ = 30;

/**
 * The week `at` falls in, named by its Monday (YYYY-MM-DD): weeks start on Monday at `hour`
 * o'clock Vietnam time, so a run any time in the week sends that week's digest.
 */
export function digestWeekOf(at: Date, hour = DEFAULT_DIGEST_HOUR): { key: string; start: Date } {
  const local = new Date(at.getTime() + VIETNAM_OFFSET_MS - hour * 3_600_000);
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  const monday = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - sinceMonday));
  return { key: monday.toISOString().slice(0, 10), start: new Date(monday.getTime() - VIETNAM_OFFSET_MS + hour * 3_600_000) };
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const globalId = (type: string, id: unknown) => Buffer.from(`${type}:${String(id)}`).toString('base64url');

/** Whether each member wants the digest (on unless they turned it off). */
async function wantsDigest(ids: readonly string[]): Promise<Map<string, boolean>> {
  const choices = ids.length ? await DigestPreference.find({ _id: anyOf(ids) }).lean<DigestPreferenceDoc[]>() : [];
  return new Map(choices.map((c) => [String(c._id), c.weekly]));
}

interface DigestContent {
  scope: string;
  practices: DigestItem[];
  threads: DigestItem[];
  questions: DigestItem[];
}

/** What the member's topics and province saw since `since`; null when nothing. */
async function composeFor(member: ExpertDoc, language: EmailLanguage, since: Date): Promise<DigestContent | null> {
  const viewer: Viewer = { id: String(member._id), handle: member.handle, role: member.role, verified: Boolean(member.verifiedAt), joinedAt: member.joinedAt, sessionId: '' };
  const [follows, memberPlace] = await Promise.all([followedBy(viewer), member.place ? findPlace(member.place) : null]);
  // A member recorded under a merged province hears about the unit it is part of now.
  const place = memberPlace && !memberPlace.current && memberPlace.successor ? await findPlace(memberPlace.successor) : memberPlace;
  const topics = follows.topics;
  if (!topics.length && !place) return null;
  const latest = { position: null, limit: READ, from: new Date() };
  const reach = { topics, authors: [], notBy: viewer.id };
  const [topicPractices, placePractices, topicThreads, placeThreads, topicNames] = await Promise.all([
    topics.length ? publishedPracticesReaching(reach, latest) : [],
    place ? listPractices({ place: place._id }, { first: READ }).then((page) => page.edges.map((edge) => edge.node)) : [],
    // The digest tells of what every member reads: members-only groups' threads stay on their group's page.
    topics.length ? threadsReaching({ ...reach, mentioning: '', groups: [] }, latest) : [],
    place ? listThreads({ place: place._id }, { first: READ }, null, []).then((page) => page.edges.map((edge) => edge.node)) : [],
    topicsBySlugs(topics),
  ]);
  const unique = <T extends { _id: unknown }>(docs: T[]) => [...new Map(docs.map((d) => [String(d._id), d])).values()];
  const practices = unique<PracticeDoc>([...topicPractices, ...placePractices])
    .filter((p) => p.publishedAt && p.publishedAt >= since && !p.authors.some((a) => String(a) === viewer.id))
    .sort((a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime())
    .slice(0, DIGEST_ITEMS);
  const recent = unique<ThreadDoc>([...topicThreads, ...placeThreads]).filter((th) => th.lastActivityAt >= since && String(th.author) !== viewer.id);
  const threads = recent
    .filter((th) => th.kind === 'discussion')
    .sort((a, b) => b.replyCount - a.replyCount || b.lastActivityAt.getTime() - a.lastActivityAt.getTime())
    .slice(0, DIGEST_ITEMS);
  const questions = recent
    .filter((th) => th.kind === 'question' && !th.acceptedReply)
    .sort((a, b) => a.replyCount - b.replyCount || b.lastActivityAt.getTime() - a.lastActivityAt.getTime())
    .slice(0, DIGEST_ITEMS);
  if (!practices.length && !threads.length && !questions.length) return null;
  const topicWords = topicNames.map((t) => (language === 'en' ? t.nameEn || t.name : t.name));
  const placeWords = place ? [place.name] : [];
  return {
    scope: [...topicWords, ...placeWords].join(', '),
    practices: practices.map((p) => ({ title: p.title, link: siteLink(`/practices/${globalId('Practice', p._id)}`) })),
    threads: threads.map((th) => ({ title: th.title, link: siteLink(`/threads/${globalId('Thread', th._id)}`) })),
    questions: questions.map((th) => ({ title: th.title, link: siteLink(`/threads/${globalId('Thread', th._id)}`) })),
  };
}

/** Takes this member's digest of this week: a new record, or one whose sender died (lease over). */
async function claimDigest(member: string, week: string, now: Date): Promise<string | null> {
  const claim = randomUUID();
  const _id = `${member}:${week}`;
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  if (await insertOnce(DigestSend, { _id, member, week, state: 'sending', claim, leaseUntil })) return claim;
  const taken = await DigestSend.findOneAndUpdate({ _id, state: 'sending', leaseUntil: lessThan(now) }, { $set: { claim, leaseUntil } }, { returnDocument: 'after' }).lean<DigestSendDoc>();
  return taken ? claim : null;
}

export interface DigestRun {
  week: string;
  sent: number;
  /** Claimed, but nothing to say this week. */
  empty: number;
}

/**
 * Sends this week's digest to every member who should get one and has not yet: safe to run at
 * any time, often, and from several processes at once.
 */
export async function sendWeeklyDigests(options: { now?: Date; hour?: number } = {}): Promise<DigestRun> {
  const now = options.now ?? new Date();
  const week = digestWeekOf(now, options.hour);
  const since = new Date(now.getTime() - 7 * DAY_MS);
  const run: DigestRun = { week: week.key, sent: 0, empty: 0 };
  let after: string | null = null;
  for (;;) {
    const page = await listExperts({}, { first: BATCH, after });
    const members = page.edges.map((edge) => edge.node).filter((m) => !isSuspended(m, now.getTime()));
    const ids = members.map((m) => String(m._id));
    const [accounts, wants, done] = await Promise.all([
      accountsByIds(ids),
      wantsDigest(ids),
      ids.length ? DigestSend.find({ _id: anyOf(ids.map((id) => `${id}:${week.key}`)), state: anyOf(['sent', 'empty']) }, { _id: 1 }).lean<{ _id: string }[]>() : [],
    ]);
    const accountOf = new Map(accounts.map((a) => [String(a._id), a]));
    const finished = new Set(done.map((d) => d._id));
    for (const member of members) {
      const id = String(member._id);
      const account = accountOf.get(id);
      if (!account || !isEmailVerified(account) || wants.get(id) === false || finished.has(`${id}:${week.key}`)) continue;
      const claim = await claimDigest(id, week.key, now);
      if (!claim) continue;
      const language: EmailLanguage = account.language === 'en' ? 'en' : 'vi';
      const content = await composeFor(member, language, since);
      const record = { _id: `${id}:${week.key}`, claim };
      if (!content) {
        await DigestSend.updateOne(record, { $set: { state: 'empty' } });
        run.empty++;
        continue;
      }
      const token = randomBytes(32).toString('base64url');
      await DigestSend.updateOne(record, { $set: { unsubscribeHash: hashOf(token) } });
      // A failure leaves the record `sending`: the next run after its lease tries again.
      await sendEmailNow({
        to: { name: member.name, address: account.email },
        ...digestEmail({ language, name: member.name, ...content, unsubscribeLink: siteLink(`/digest/unsubscribe#${token}`) }),
      });
      await DigestSend.updateOne(record, { $set: { state: 'sent', sentAt: new Date() } });
      run.sent++;
    }
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }
  return run;
}

/** An unsubscribe link's token: 32 random bytes, base64url. */
export const unsubscribeInput = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'INVALID') });

/** Turns the digest off for the member whose digest carried this token; no sign-in needed. */
export async function unsubscribeFromDigest(input: unknown): Promise<void> {
  const { token } = parseInput(unsubscribeInput, input);
  const digest = await DigestSend.findOne({ unsubscribeHash: hashOf(token) }, { member: 1 }).lean<Pick<DigestSendDoc, 'member'>>();
  if (!digest) throw new NotFoundError('token', 'digest', 'this link');
  await setWeekly(String(digest.member), false);
}

const setWeekly = (member: string, weekly: boolean) => DigestPreference.updateOne({ _id: member }, { $set: { weekly } }, { upsert: true });

export const weeklyDigestInput = z.object({ weekly: z.boolean() });

/** The viewer turns their digest on or off. */
export async function setWeeklyDigest(ctx: Context, input: unknown): Promise<boolean> {
  const viewer = requireViewer(ctx);
  const { weekly } = parseInput(weeklyDigestInput, input);
  await setWeekly(viewer.id, weekly);
  return weekly;
}

/** Whether the viewer gets the digest (on by default). */
export const viewerWantsDigest = async (viewer: Viewer) => (await wantsDigest([viewer.id])).get(viewer.id) ?? true;
