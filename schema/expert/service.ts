import type { QueryFilter, Types } from 'mongoose';
import { z } from 'zod';
import { requireCohort } from '../cohort/service.ts';
import { firstAndCount, listProjection, paginate, type ListSkips, type PageArgs, type SortKey } from '../connection.ts';
import { NotFoundError, ValidationError, type FieldError } from '../errors.ts';
import { PROFILE_LIMITS } from '../field-limits.ts';
import { countPerValue, findByIds } from '../loading.ts';
import { flagStaffLookalike } from '../moderation/names.ts';
import { organizationsBySlugs, organizationSlugsFor, textConditions } from '../organization/service.ts';
import { placeCodesFor, placesByCodes } from '../place/service.ts';
import { anyOf, notEqual, startsWith } from '../query.ts';
import { STAFF_ROLES } from '../roles.ts';
import { fold, searchTokens } from '../search/fold.ts';
import type { SearchScope } from '../search/service.ts';
import { requireTopic, topicsBySlugs } from '../topic/service.ts';
import { isObjectId, parseInput, personName, slug, text, webAddress } from '../validation.ts';
import { Expert, type ExpertDoc, type Role } from './model.ts';

export type { ExpertDoc };

export const expertsByIds = (ids: readonly string[]) => findByIds<ExpertDoc>(Expert, ids.filter(isObjectId));

export const findExpertByHandle = (handle: string) => Expert.findOne({ handle }).lean<ExpertDoc>();

export interface ExpertFilter {
  /** A place code; a current province also matches the provinces it absorbed. */
  place?: string | null;
  /** An organisation slug; also matches its units and the bodies merged into it. */
  organization?: string | null;
  specialty?: string | null;
  cohort?: string | null;
  query?: string | null;
  role?: Role | null;
}

const order: SortKey[] = [
  { field: 'sortName', kind: 'string' },
  { field: '_id', kind: 'objectId' },
];

/** What directory lists leave out (stored field -> the Expert fields that read it; see connection.ts listProjection). */
export const EXPERT_LIST_SKIPS: ListSkips = { searchTokens: [] };

export async function listExperts(filter: ExpertFilter, page: PageArgs) {
  const conditions: QueryFilter<ExpertDoc>[] = [];
  if (filter.place) conditions.push({ place: anyOf(await placeCodesFor(filter.place, 'filter.place')) });
  if (filter.organization) conditions.push({ organization: anyOf(await organizationSlugsFor(filter.organization, 'filter.organization')) });
  if (filter.specialty) conditions.push({ specialties: await requireTopic(filter.specialty, 'filter.specialty') });
  if (filter.cohort) conditions.push({ cohorts: await requireCohort(filter.cohort, 'filter.cohort') });
  if (filter.role) conditions.push({ role: filter.role });
  conditions.push(...textConditions(filter.query));
  return paginate<ExpertDoc>(Expert, conditions.length ? { $and: conditions } : {}, order, page, listProjection(EXPERT_LIST_SKIPS, null));
}

/** Vietnamese directories sort by given name (the last word), then by the whole name. */
export function sortNameOf(name: string): string {
  const folded = fold(name.trim()).replace(/\s+/g, ' ');
  const given = folded.split(' ').at(-1) ?? folded;
  return `${given} ${folded}`;
}

/** What the directory's text filter matches: name, handle, position and organisation. */
export function expertSearchTokens(expert: { name: string; handle: string; position?: string | null }, organizationName?: string | null): string[] {
  return searchTokens([expert.name, expert.handle, expert.position ?? '', organizationName ?? ''].join(' '));
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
  $set.searchTokens = expertSearchTokens({ name: merged.name, handle: merged.handle, position: merged.position }, organizationName);
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
