import type { QueryFilter, Types } from 'mongoose';
import { z } from 'zod';
import { requireCohort } from '../cohort/service.ts';
import { firstAndCount, listProjection, paginate, type ListSkips, type PageArgs, type SortKey } from '../connection.ts';
import { NotFoundError, ValidationError, type FieldError } from '../errors.ts';
import { PROFILE_LIMITS } from '../field-limits.ts';
import { countPerValue, findByIds } from '../loading.ts';
import { retryingDeadlocks } from '../mark.ts';
import { flagStaffLookalike } from '../moderation/names.ts';
import { organizationNames, organizationsBySlugs, organizationSlugsFor } from '../organization/service.ts';
import { toCurrentOrganizations, toCurrentPlaces } from '../practice/list-filter.ts';
import { placeCodesFor, placesByCodes } from '../place/service.ts';
import { anyOf, greaterThan, notEqual, startsWith } from '../query.ts';
import { STAFF_ROLES } from '../roles.ts';
import { fold, foldedTokens, foldedWords, searchTokens } from '../search/fold.ts';
import type { SearchScope } from '../search/service.ts';
import { listTopics, requireTopic, topicsBySlugs } from '../topic/service.ts';
import { fieldCounter, type StoredCounter } from '../stored-counter.ts';
import { isObjectId, parseInput, personName, slug, text, webAddress } from '../validation.ts';
import { Expert, type ExpertDoc, type Role } from './model.ts';

export type { ExpertDoc };

export const expertsByIds = (ids: readonly string[]) => findByIds<ExpertDoc>(Expert, ids.filter(isObjectId));

export const findExpertByHandle = (handle: string) => Expert.findOne({ handle }).lean<ExpertDoc>();

/** The people who have these handles (ids and handles only), in one query: handles nobody has are left out. */
export const expertsByHandles = (handles: readonly string[]) =>
  handles.length ? Expert.find({ handle: anyOf([...new Set(handles)]) }, { handle: 1 }).lean<Pick<ExpertDoc, '_id' | 'handle'>[]>() : Promise.resolve([]);

export interface ExpertFilter {
  /** A place code; a current province also matches the provinces it absorbed. */
  place?: string | null;
  /** An organisation slug; also matches its units and the bodies merged into it. */
  organization?: string | null;
  specialty?: string | null;
  cohort?: string | null;
  query?: string | null;
  role?: Role | null;
  /** Only people a curator recognised as experts. */
  verified?: boolean | null;
}

export const expertSorts = ['name', 'activity', 'reputation'] as const;
export type ExpertSort = (typeof expertSorts)[number];

/** Each order's keys; `_id` last makes every position unique for cursors. */
const expertSortKeys: Record<ExpertSort, SortKey[]> = {
  name: [
    { field: 'sortName', kind: 'string' },
    { field: '_id', kind: 'objectId' },
  ],
  activity: [
    { field: 'lastActiveAt', kind: 'number', direction: -1 },
    { field: '_id', kind: 'objectId', direction: -1 },
  ],
  // Ties by name, as the directory reads.
  reputation: [
    { field: 'reputation', kind: 'number', direction: -1 },
    { field: 'sortName', kind: 'string' },
    { field: '_id', kind: 'objectId' },
  ],
};

/** What directory lists leave out (stored field -> the Expert fields that read it; see connection.ts listProjection). */
export const EXPERT_LIST_SKIPS: ListSkips = { searchTokens: [] };

export const expertFacetNames = ['place', 'organization', 'specialty', 'cohort', 'verified'] as const;
export type ExpertFacetName = (typeof expertFacetNames)[number];

/** A recognised expert: verifiedAt is a date (a range, served by its index). */
const isVerified = { verifiedAt: greaterThan(new Date(0)) };

/**
 * The filter as conditions: one per facet chosen (its value resolved and checked: an unknown
 * place, organisation, topic or cohort is INVALID_ARGUMENT), and the rest (role, text).
 */
async function expertConditions(filter: ExpertFilter) {
  const facets: Partial<Record<ExpertFacetName, QueryFilter<ExpertDoc>>> = {};
  if (filter.place) facets.place = { place: anyOf(await placeCodesFor(filter.place, 'filter.place')) };
  if (filter.organization) facets.organization = { organization: anyOf(await organizationSlugsFor(filter.organization, 'filter.organization')) };
  if (filter.specialty) facets.specialty = { specialties: await requireTopic(filter.specialty, 'filter.specialty') };
  if (filter.cohort) facets.cohort = { cohorts: await requireCohort(filter.cohort, 'filter.cohort') };
  if (filter.verified) facets.verified = isVerified;
  const common: QueryFilter<ExpertDoc>[] = [];
  if (filter.role) common.push({ role: filter.role });
  common.push(...(await expertTextConditions(filter.query)));
  return { common, facets };
}

const allOf = (conditions: QueryFilter<ExpertDoc>[]): QueryFilter<ExpertDoc> => (conditions.length ? { $and: conditions } : {});

export async function listExperts(filter: ExpertFilter, page: PageArgs, sort: ExpertSort = 'name') {
  const { common, facets } = await expertConditions(filter);
  return paginate<ExpertDoc>(Expert, allOf([...common, ...Object.values(facets)]), expertSortKeys[sort], page, listProjection(EXPERT_LIST_SKIPS, null));
}

/**
 * The directory's text filter: every word of the query (diacritics optional, a word's start is
 * enough) must be found in the person's name, handle, position, organisation or bio (stored
 * tokens), in the name or acronym of one of their specialties, or in the name or acronym of
 * their organisation. Specialties and organisations are matched by what they are called now, so
 * "an toan thong tin" and "attt" find everyone whose specialty is An toàn thông tin.
 */
async function expertTextConditions(query: string | null | undefined): Promise<QueryFilter<ExpertDoc>[]> {
  const tokens = foldedTokens(query ?? '').slice(0, 8);
  if (!tokens.length) return [];
  const [topics, organizations] = await Promise.all([topicWords(), organizationWords()]);
  const holding = (named: { slug: string; words: string[] }[], token: string) => named.filter((n) => n.words.some((w) => w.startsWith(token))).map((n) => n.slug);
  return tokens.map((token) => {
    const specialties = holding(topics, token);
    const organizationSlugs = holding(organizations, token);
    return {
      $or: [
        { searchTokens: startsWith(token) },
        ...(specialties.length ? [{ specialties: anyOf(specialties) }] : []),
        ...(organizationSlugs.length ? [{ organization: anyOf(organizationSlugs) }] : []),
      ],
    };
  });
}

/** Every topic's folded words in Vietnamese and English, with the field's acronyms (reference data, read whole). */
async function topicWords() {
  return (await listTopics()).map((topic) => ({ slug: topic._id, words: searchTokens(`${topic.name} ${topic.nameEn ?? ''}`) }));
}

/**
 * Every organisation's folded words, with its short name's acronyms run together ("Bộ KH&CN"
 * also gives "khcn") and the field's acronyms (reference data, read whole).
 */
async function organizationWords() {
  return (await organizationNames()).map((o) => {
    const acronyms = (o.shortName ?? '').split(/\s+/).map((chunk) => foldedWords(chunk).join(''));
    return { slug: o._id, words: [...new Set([...searchTokens(`${o.name} ${o.shortName ?? ''}`), ...acronyms.filter(Boolean)])] };
  });
}

/** How many people match the filter with each choice of one facet (the other facets applied): one aggregate per facet, run together. */
async function countByValue(field: 'place' | 'organization' | 'specialties' | 'cohorts', conditions: QueryFilter<ExpertDoc>[]): Promise<Map<string, number>> {
  // Aggregates skip mongoose's casting: cast the match as a find would.
  const match = Expert.find(allOf(conditions)).cast(Expert);
  const rows = await Expert.aggregate<{ _id: string | null; count: number }>([
    { $match: match },
    ...(field === 'specialties' || field === 'cohorts' ? [{ $unwind: `$${field}` }] : []),
    { $group: { _id: `$${field}`, count: { $sum: 1 } } },
  ]);
  return new Map(rows.filter((row) => row._id !== null && row._id !== undefined).map((row) => [row._id!, row.count]));
}

/**
 * Each facet's values with how many people the directory would show with that value chosen: a
 * facet's counts apply every other facet's choice but not its own, so the choices beside the
 * chosen one keep their numbers. Former provinces count for their successor and units for the
 * bodies above them, as the filter finds them. Values nobody holds are left out, unless chosen.
 */
export async function expertFacets(filter: ExpertFilter) {
  const { common, facets } = await expertConditions(filter);
  const without = (name: ExpertFacetName) => [...common, ...Object.entries(facets).flatMap(([other, condition]) => (other === name ? [] : [condition!]))];
  const [place, organization, specialty, cohort, verified] = await Promise.all([
    countByValue('place', without('place')),
    countByValue('organization', without('organization')),
    countByValue('specialties', without('specialty')),
    countByValue('cohorts', without('cohort')),
    Expert.countDocuments(allOf([...without('verified'), isVerified])),
  ]);
  return {
    places: byCount(await toCurrentPlaces(place), filter.place),
    organizations: byCount(await toCurrentOrganizations(organization), filter.organization),
    specialties: byCount(specialty, filter.specialty),
    cohorts: byCount(cohort, filter.cohort),
    verified,
  };
}

/** Most people first; a chosen value nobody holds comes last with 0, so that it can be unchosen. */
function byCount(counts: Map<string | number, number>, chosen: string | null | undefined): { value: string; count: number }[] {
  const rows = [...counts].map(([value, count]) => ({ value: String(value), count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  if (chosen && !counts.has(chosen)) rows.push({ value: chosen, count: 0 });
  return rows;
}

/** Moves the person to the top of the "recent activity" order: they just wrote something. */
export const noteActivity = (expertId: string | Types.ObjectId) => Expert.updateOne({ _id: expertId }, { $set: { lastActiveAt: Date.now() } }, { timestamps: false });

/** Vietnamese directories sort by given name (the last word), then by the whole name. */
export function sortNameOf(name: string): string {
  const folded = fold(name.trim()).replace(/\s+/g, ' ');
  const given = folded.split(' ').at(-1) ?? folded;
  return `${given} ${folded}`;
}

/** What the directory's text filter finds in the profile itself: name, handle, position, organisation and bio. */
export function expertSearchTokens(expert: { name: string; handle: string; position?: string | null; bio?: string | null }, organizationName?: string | null): string[] {
  return searchTokens([expert.name, expert.handle, expert.position ?? '', organizationName ?? '', expert.bio ?? ''].join(' '));
}

export const findExpertById = (id: string) => (isObjectId(id) ? Expert.findById(id).lean<ExpertDoc>() : Promise.resolve(null));

export const profileLinkInput = z.object({ label: text(1, PROFILE_LIMITS.linkLabel), url: webAddress });

/**
 * What a person may say about themselves; each field checked on its own. The GraphQL inputs
 * (sign-up, profile) are generated from these (schema/input.ts).
 */
export const profileFields = z.object({
  name: personName,
  position: text(0, PROFILE_LIMITS.position),
  bio: text(0, PROFILE_LIMITS.bio, { multiline: true }).describe(`Up to ${PROFILE_LIMITS.bio.toLocaleString('en-US')} characters, plain text.`),
  organization: slug.nullable().describe('An organisation slug.'),
  place: slug.nullable().describe('A current place code.'),
  specialties: z.array(slug).max(PROFILE_LIMITS.specialties, 'TOO_LONG').describe(`Topic slugs, at most ${PROFILE_LIMITS.specialties}.`),
  links: z.array(profileLinkInput).max(PROFILE_LIMITS.links, 'TOO_LONG').describe(`At most ${PROFILE_LIMITS.links}.`),
});
export type ProfileFields = z.output<typeof profileFields>;

/** A profile change: only the given fields change. */
export const updateProfileInput = profileFields.partial();

/** The references a profile names must exist: a current place, a known organisation and topics. */
async function checkReferences(fields: Partial<ProfileFields>): Promise<{ organizationName: string | null }> {
  const errors: FieldError[] = [];
  let organizationName: string | null = null;
  if (fields.organization) {
    const [organization] = await organizationsBySlugs([fields.organization]);
    if (!organization) errors.push({ path: 'organization', code: 'UNKNOWN', message: 'organization is not a known organisation' });
    organizationName = organization?.name ?? null;
  }
  if (fields.place) {
    const [place] = await placesByCodes([fields.place]);
    if (!place?.current) errors.push({ path: 'place', code: 'UNKNOWN', message: 'place is not a current province or city' });
  }
  if (fields.specialties?.length) {
    const known = new Set((await topicsBySlugs(fields.specialties)).map((t) => t._id));
    fields.specialties.forEach((s, i) => {
      if (!known.has(s)) errors.push({ path: `specialties.${i}`, code: 'UNKNOWN', message: 'specialties holds an unknown topic' });
    });
  }
  if (errors.length) throw new ValidationError(errors);
  return { organizationName };
}

/** A handle from a Vietnamese name, given name first with initials: "Nguyễn Văn Hùng" -> "hungnv". */
export function handleBase(name: string): string {
  const words = fold(name)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const given = words.at(-1) ?? '';
  const base = `${given}${words
    .slice(0, -1)
    .map((w) => w[0])
    .join('')}`.slice(0, 24);
  return /^[a-z]/.test(base) && base.length >= 3 ? base : `member${base}`.slice(0, 24);
}

/** How many taken handles with the same base are read to find a free one. */
const MAX_NAMESAKES = 1000;

async function freeHandle(name: string): Promise<string> {
  const base = handleBase(name);
  // Capped in handle order: past that many namesakes the insert's unique index still catches a clash.
  const taken = new Set(
    (
      await Expert.find({ handle: startsWith(base) }, { handle: 1 })
        .sort({ handle: 1 })
        .limit(MAX_NAMESAKES)
        .lean()
    ).map((e) => e.handle),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

/** The profile of someone who just signed up: a member, not yet verified as an expert. */
export async function createMemberProfile(fields: { name: string; organization?: string | null; place?: string | null; specialties?: string[] }) {
  const { organizationName } = await checkReferences(fields);
  for (let attempt = 0; ; attempt++) {
    const handle = await freeHandle(fields.name);
    try {
      const doc = await Expert.create({
        handle,
        name: fields.name,
        sortName: sortNameOf(fields.name),
        organization: fields.organization ?? null,
        place: fields.place ?? null,
        specialties: fields.specialties ?? [],
        joinedAt: new Date(),
        role: 'member',
        searchTokens: expertSearchTokens({ name: fields.name, handle }, organizationName),
      });
      return doc.toObject() as ExpertDoc;
    } catch (error) {
      // Two sign-ups raced for the same handle: take the next one.
      if ((error as { code?: number }).code !== 11000 || attempt >= 3) throw error;
    }
  }
}

export const deleteExpert = (id: Types.ObjectId | string) => Expert.deleteOne({ _id: id });

/** Changes the given fields of one's own profile; search tokens follow the name and position. */
export async function updateProfile(expertId: string, input: unknown): Promise<ExpertDoc> {
  const fields = parseInput(updateProfileInput, input);
  const current = await findExpertById(expertId);
  if (!current) throw new NotFoundError('id', 'expert', expertId);
  const merged = { ...current, ...fields };
  const { organizationName } = await checkReferences({ ...fields, organization: merged.organization });
  const $set: Record<string, unknown> = { ...fields };
  if (fields.name) $set.sortName = sortNameOf(fields.name);
  $set.searchTokens = expertSearchTokens({ name: merged.name, handle: merged.handle, position: merged.position, bio: merged.bio }, organizationName);
  const updated = (await Expert.findByIdAndUpdate(expertId, { $set }, { returnDocument: 'after' }).lean<ExpertDoc>())!;
  if (fields.name && fields.name !== current.name) await flagStaffLookalike(updated, current.name);
  return updated;
}

/* Staff changes; the moderation and verification services decide who may make them. */

/**
 * Changes a role or a suspension only over the state the decision was taken on (`seen`): the
 * role the policy judged and the suspension staff were shown. The changed profile, or null when
 * someone changed either meanwhile.
 */
const changeSeen = (seen: ExpertDoc, $set: Partial<ExpertDoc>) =>
  Expert.findOneAndUpdate({ _id: seen._id, role: seen.role, suspendedUntil: seen.suspendedUntil ?? null }, { $set }, { returnDocument: 'after' }).lean<ExpertDoc>();

export const setRole = (seen: ExpertDoc, role: Role) => changeSeen(seen, { role });

export const setSuspension = (seen: ExpertDoc, until: Date | null, reason: string) => changeSeen(seen, { suspendedUntil: until, suspensionReason: reason });

/** Recognises the person as part of the expert network, adding the cohort they came through. */
export const markVerified = (id: string, cohort: string | null) => Expert.updateOne({ _id: id }, { $set: { verifiedAt: new Date() }, ...(cohort ? { $addToSet: { cohorts: cohort } } : {}) });

/** Links a picture to the profile; returns the one it replaced, read in the same write. */
export const swapAvatarId = async (id: string, avatar: string | null) =>
  (await Expert.findByIdAndUpdate(id, { $set: { avatar } }, { returnDocument: 'before', projection: { avatar: 1 } }).lean<ExpertDoc>())?.avatar ?? null;

/**
 * The names of staff members other than `except`, at most `limit` of them in directory order:
 * staff are a few dozen people, read through the role index, capped all the same.
 */
export const staffNamesExcept = (except: Types.ObjectId | string, limit: number) =>
  Expert.find({ role: anyOf(STAFF_ROLES), _id: notEqual(except) }, { name: 1 })
    .sort({ sortName: 1, _id: 1 })
    .limit(limit)
    .lean<Pick<ExpertDoc, '_id' | 'name'>[]>();

/** The people who match a search (commands/search.ts), in directory order, and how many in all. */
export function searchExperts(scope: Pick<SearchScope, 'tokens' | 'topic' | 'places' | 'organizations'>, shown: boolean, limit: number) {
  const conditions: QueryFilter<ExpertDoc>[] = scope.tokens.map((token) => ({ searchTokens: token }));
  if (scope.topic) conditions.push({ specialties: scope.topic });
  if (scope.places) conditions.push({ place: anyOf(scope.places) });
  if (scope.organizations) conditions.push({ organization: anyOf(scope.organizations) });
  return firstAndCount<ExpertDoc>(Expert, { $and: conditions }, { sortName: 1, _id: 1 }, limit, shown, { searchTokens: 0 });
}

/** Which of these people are not verified experts. */
export const unverifiedAmong = async (ids: string[]) =>
  // Bounded by the ids asked about.
  (await Expert.find({ _id: anyOf(ids), verifiedAt: null }, { _id: 1 }).lean()).map((e) => String(e._id));

/**
 * People per value of `field` (a specialty's topic slug, or a place code as recorded), for the
 * given values only: one aggregate whatever their number, served by the field's index.
 */
export const countExperts = (field: 'specialties' | 'place', values: readonly string[]) => countPerValue(Expert, field, values);

/** The parts of a profile that help peers find and trust its person, in the order settings show them. */
export const profileFieldNames = ['avatar', 'position', 'organization', 'place', 'specialties', 'bio'] as const;

/** What a profile still lacks, for the nudge its owner sees. */
export function missingProfileFields(expert: Pick<ExpertDoc, 'avatar' | 'position' | 'organization' | 'place' | 'specialties' | 'bio'>): (typeof profileFieldNames)[number][] {
  const present: Record<(typeof profileFieldNames)[number], boolean> = {
    avatar: Boolean(expert.avatar),
    position: Boolean(expert.position?.trim()),
    organization: Boolean(expert.organization),
    place: Boolean(expert.place),
    specialties: expert.specialties.length > 0,
    bio: Boolean(expert.bio?.trim()),
  };
  return profileFieldNames.filter((name) => !present[name]);
}

/** Moves these members' reputation by `points` (schema/reputation holds the rules). Not a profile edit: updatedAt stays. */
export async function moveReputationOf(expertIds: readonly string[], points: number): Promise<void> {
  // One single-row $inc each (a practice has few authors): twenty people endorsing at once met as
  // a multi-document update now and then ended as a deadlock; a deadlocked write changed nothing.
  for (const id of new Set(expertIds.map(String))) await retryingDeadlocks(() => Expert.updateOne({ _id: id }, { $inc: { reputation: points } }, { timestamps: false }));
}

/** The reputation kept on each member, for the repair; `actual` computes it from the records (reputation's). */
export function expertReputationCounter(actual: StoredCounter['actual']): StoredCounter {
  return fieldCounter(Expert, 'reputation', actual);
}
