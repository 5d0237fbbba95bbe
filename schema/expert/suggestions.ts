import type { QueryFilter } from 'mongoose';
import { isSuspended } from '../account/service.ts';
import type { Viewer } from '../context.ts';
import { repliesOfThreads, threadsReaching } from '../discussion/service.ts';
import { followedBy } from '../follow/service.ts';
import { findByIds, firstOfEach } from '../loading.ts';
import { blockedEitherWay } from '../message/service.ts';
import { listPlaces, type PlaceDoc } from '../place/service.ts';
import { anyOf } from '../query.ts';
import { isObjectId } from '../validation.ts';
import { Expert, type ExpertDoc } from './model.ts';
import { neighboursOf } from './province-neighbours.ts';

/*
 * "People you should know": members ranked by what they share with someone: specialties, the
 * same or a bordering province, a cohort, and (for the viewer) answers to questions in the topics
 * they follow. A fixed number of queries whatever the number of subjects or candidates: the
 * places (reference data), one aggregate of candidates for every subject, and for the viewer
 * their follows, the questions in their topics and those questions' answers.
 */

export const suggestionReasonKinds = ['specialty', 'place', 'neighbour', 'cohort', 'answered'] as const;
export type SuggestionReasonKind = (typeof suggestionReasonKinds)[number];

/** One reason, with what is shared: topic slugs (specialty, answered), a place code, cohort slugs. */
export interface SuggestionReason {
  kind: SuggestionReasonKind;
  topics: string[];
  place: string | null;
  cohorts: string[];
}

export interface Suggestion {
  expert: ExpertDoc;
  reasons: SuggestionReason[];
}

/** How many suggestions one request may ask for. */
export const SUGGESTIONS_MAX = 20;
/** Candidates read per subject and per criterion, before ranking (bounds the read on a large network). */
const CANDIDATES_PER_CRITERION = 100;
/** Recent questions in the viewer's topics whose answerers are candidates. */
const QUESTIONS_READ = 30;
const ANSWERS_PER_QUESTION = 10;

const WEIGHTS: Record<SuggestionReasonKind, number> = { specialty: 3, answered: 3, place: 2, cohort: 2, neighbour: 1 };

interface Subject {
  id: string;
  specialties: string[];
  cohorts: string[];
  /** The subject's current unit, or null. */
  place: string | null;
  /** Not to be suggested: the subject, the viewer, and for the viewer whom they follow. */
  excluded: Set<string>;
  /** Topic slugs the subject follows, and who answered questions there (viewer only). */
  answeredIn: Map<string, string[]>;
}

/** Each place code (a former province too) to the current unit it belongs to now. */
async function currentUnits(): Promise<Map<string, string>> {
  const places = await listPlaces({ includeFormer: true });
  const byCode = new Map<string, PlaceDoc>(places.map((p) => [p._id, p]));
  const current = new Map<string, string>();
  for (const place of places) {
    let unit: PlaceDoc | undefined = place;
    // A merged province points to its successor (one step since 2025; the loop allows more).
    for (let hops = 0; unit && !unit.current && unit.successor && hops < 5; hops++) unit = byCode.get(unit.successor);
    if (unit?.current) current.set(place._id, unit._id);
  }
  return current;
}

/** Every code records of these current units may carry (their own and their predecessors'). */
const recordCodes = (units: Iterable<string>, current: Map<string, string>) => {
  const wanted = new Set(units);
  return [...current].filter(([, unit]) => wanted.has(unit)).map(([code]) => code);
};

function candidateFilters(subject: Subject, current: Map<string, string>): QueryFilter<ExpertDoc>[] {
  const near = subject.place ? [subject.place, ...neighboursOf(subject.place)] : [];
  const filters: QueryFilter<ExpertDoc>[] = [];
  if (subject.specialties.length) filters.push({ specialties: anyOf(subject.specialties) });
  if (near.length) filters.push({ place: anyOf(recordCodes(near, current)) });
  if (subject.cohorts.length) filters.push({ cohorts: anyOf(subject.cohorts) });
  return filters;
}

function reasonsFor(subject: Subject, candidate: ExpertDoc, current: Map<string, string>): SuggestionReason[] {
  const reasons: SuggestionReason[] = [];
  const none = { topics: [], place: null, cohorts: [] };
  const specialties = candidate.specialties.filter((s) => subject.specialties.includes(s));
  if (specialties.length) reasons.push({ ...none, kind: 'specialty', topics: specialties });
  const unit = candidate.place ? (current.get(candidate.place) ?? null) : null;
  if (unit && subject.place) {
    if (unit === subject.place) reasons.push({ ...none, kind: 'place', place: unit });
    else if (neighboursOf(subject.place).includes(unit)) reasons.push({ ...none, kind: 'neighbour', place: unit });
  }
  const cohorts = candidate.cohorts.filter((c) => subject.cohorts.includes(c));
  if (cohorts.length) reasons.push({ ...none, kind: 'cohort', cohorts });
  const answeredTopics = [...subject.answeredIn].filter(([, answerers]) => answerers.includes(String(candidate._id))).map(([topic]) => topic);
  if (answeredTopics.length) reasons.push({ ...none, kind: 'answered', topics: answeredTopics });
  return reasons;
}

const score = (reasons: SuggestionReason[]) => reasons.reduce((sum, r) => sum + WEIGHTS[r.kind] * Math.max(1, r.topics.length + r.cohorts.length), 0);

/** The ranked suggestions of each subject, in subject order: best first, ties to the most recently active. */
async function suggestFor(subjects: Subject[], first: number, current: Map<string, string>, extraCandidates: ExpertDoc[] = []): Promise<Suggestion[][]> {
  const filters = subjects.map((subject) => candidateFilters(subject, current));
  const flat = filters.flat();
  // One aggregate for every subject's criteria, each branch cut at its limit.
  const found = flat.length ? await firstOfEach<ExpertDoc>(Expert, flat, { sortName: 1, _id: 1 }, CANDIDATES_PER_CRITERION, { searchTokens: 0 }) : [];
  let offset = 0;
  const now = Date.now();
  return subjects.map((subject, i) => {
    const pool = new Map<string, ExpertDoc>();
    for (const doc of [...found.slice(offset, offset + filters[i]!.length).flat(), ...extraCandidates]) pool.set(String(doc._id), doc);
    offset += filters[i]!.length;
    return [...pool.values()]
      .filter((candidate) => !subject.excluded.has(String(candidate._id)) && !isSuspended(candidate, now))
      .map((expert) => ({ expert, reasons: reasonsFor(subject, expert, current) }))
      .filter((s) => s.reasons.length)
      .sort((a, b) => score(b.reasons) - score(a.reasons) || (b.expert.lastActiveAt ?? 0) - (a.expert.lastActiveAt ?? 0) || (String(a.expert._id) < String(b.expert._id) ? -1 : 1))
      .slice(0, first);
  });
}

const subjectOf = (expert: ExpertDoc, current: Map<string, string>, excluded: Iterable<string>): Subject => ({
  id: String(expert._id),
  specialties: expert.specialties,
  cohorts: expert.cohorts,
  place: expert.place ? (current.get(expert.place) ?? null) : null,
  excluded: new Set([String(expert._id), ...excluded]),
  answeredIn: new Map(),
});

/** Who answered recent questions in these topics, by topic (two queries: the questions, their answers). */
async function answerersIn(topics: string[], notBy: string): Promise<Map<string, string[]>> {
  const byTopic = new Map<string, string[]>();
  if (!topics.length) return byTopic;
  const threads = await threadsReaching({ topics, authors: [], notBy, mentioning: '', groups: [] }, { position: null, limit: QUESTIONS_READ, from: new Date() });
  const questions = threads.filter((th) => th.kind === 'question');
  if (!questions.length) return byTopic;
  const answers = await repliesOfThreads(
    questions.map((q) => String(q._id)),
    { first: ANSWERS_PER_QUESTION },
  );
  questions.forEach((question, i) => {
    const answerers = answers[i]!.edges.map((edge) => edge.node)
      .filter((reply) => !reply.parent && !reply.deleted && !reply.hiddenAt)
      .map((reply) => String(reply.author));
    for (const topic of question.topics.filter((t) => topics.includes(t))) byTopic.set(topic, [...new Set([...(byTopic.get(topic) ?? []), ...answerers])]);
  });
  return byTopic;
}

/** "People you should know" for the viewer: never themselves, whom they follow or blocked, or suspended people. */
export async function suggestedExpertsFor(viewer: Viewer, first: number): Promise<Suggestion[]> {
  const [me] = await findByIds<ExpertDoc>(Expert, [viewer.id]);
  if (!me) return [];
  const [current, follows] = await Promise.all([currentUnits(), followedBy(viewer)]);
  const subject = subjectOf(me, current, follows.experts);
  subject.answeredIn = await answerersIn(follows.topics, viewer.id);
  const answererIds = [...new Set([...subject.answeredIn.values()].flat())].filter((id) => !subject.excluded.has(id) && isObjectId(id));
  const answerers = answererIds.length ? await findByIds<ExpertDoc>(Expert, answererIds.slice(0, CANDIDATES_PER_CRITERION), { searchTokens: 0 }) : [];
  // Ranked whole, then cut once the people the viewer blocked, or who blocked the viewer, are out (one query each for the pool).
  const ranked = (await suggestFor([subject], CANDIDATES_PER_CRITERION * 4, current, answerers))[0]!;
  const blocked = ranked.length
    ? await blockedEitherWay(
        viewer,
        ranked.map((s) => String(s.expert._id)),
      )
    : [];
  return ranked.filter((_, i) => !blocked[i]).slice(0, first);
}

/** Experts like each of these (a profile's "similar experts"), never the viewer or the expert themselves. */
export async function similarExpertsOf(experts: readonly ExpertDoc[], viewerId: string | null, first: number): Promise<Suggestion[][]> {
  if (!experts.length) return [];
  const current = await currentUnits();
  return suggestFor(
    experts.map((expert) => subjectOf(expert, current, viewerId ? [viewerId] : [])),
    first,
    current,
  );
}
