import type { QueryFilter } from 'mongoose';
import { z } from 'zod';
import { requireViewer } from '../account/service.ts';
import { record } from '../audit/service.ts';
import { paginate, type PageArgs, type SortKey } from '../connection.ts';
import type { Context, Viewer } from '../context.ts';
import { ConflictError, InvalidArgumentError, NotAuthorizedError, NotFoundError, ValidationError, type FieldError } from '../errors.ts';
import { findExpertByHandle } from '../expert/service.ts';
import { countPerValue, findByIds } from '../loading.ts';
import { organizationsBySlugs, textConditions, type OrganizationDoc } from '../organization/service.ts';
import { findPlace, listPlaces, placesByCodes } from '../place/service.ts';
import { practicesByIds, type PracticeDoc } from '../practice/service.ts';
import { anyOf } from '../query.ts';
import { fold, searchTokens } from '../search/fold.ts';
import { objectId, parseInput, slug, text, webAddress } from '../validation.ts';
import { ENTERPRISE_LIMITS } from './limits.ts';
import { canEditEnterprises, isShownPractice } from './policy.ts';
import { ALLIANCE_FOUNDED, EnterpriseProfile, enterpriseCapabilities, type EnterpriseCapability, type EnterpriseProfileDoc } from './model.ts';

export type { EnterpriseProfileDoc, EnterpriseCapability };
export { enterpriseCapabilities, ALLIANCE_FOUNDED };

export { canEditEnterprises, isShownPractice };

export const enterprisesBySlugs = (slugs: readonly string[]) => findByIds<EnterpriseProfileDoc>(EnterpriseProfile, slugs);
export const findEnterprise = async (slugValue: string) => (await enterprisesBySlugs([slugValue]))[0] ?? null;

/** The words the directory's search finds an enterprise by: its names and its description, folded. */
export const enterpriseSearchTokens = (organization: Pick<OrganizationDoc, 'name' | 'shortName'>, description: string, descriptionEn: string) =>
  searchTokens([organization.name, organization.shortName ?? '', description, descriptionEn].join(' '));

/** Directory order: by the short name people know the enterprise by (VNPT, Viettel…), folded. */
export const enterpriseSortName = (organization: Pick<OrganizationDoc, 'name' | 'shortName'>) => fold(organization.shortName || organization.name).trim();

export interface EnterpriseFilter {
  /** Holds every one of these. */
  capabilities?: EnterpriseCapability[] | null;
  /** Accompanies this pilot province (a former province's code means the unit it merged into). */
  place?: string | null;
  /** Only members of the cybersecurity alliance (true) or only the others (false). */
  alliance?: boolean | null;
  search?: string | null;
}

const order: SortKey[] = [
  { field: 'sortName', kind: 'string' },
  { field: '_id', kind: 'string' },
];

/** The current unit a place filter means: a province merged in 2025 stands for its successor. */
async function currentPlaceCode(code: string, argument: string): Promise<string> {
  const place = await findPlace(code);
  if (!place) throw new InvalidArgumentError(argument, `no place has the code "${code.slice(0, 60)}"`);
  return place.current ? place._id : (place.successor ?? place._id);
}

async function conditionsOf(filter: EnterpriseFilter): Promise<QueryFilter<EnterpriseProfileDoc>[]> {
  const conditions: QueryFilter<EnterpriseProfileDoc>[] = [];
  for (const capability of new Set(filter.capabilities ?? [])) conditions.push({ capabilities: capability });
  if (filter.place) conditions.push({ pilotPlaces: await currentPlaceCode(filter.place, 'filter.place') });
  if (typeof filter.alliance === 'boolean') conditions.push({ allianceMember: filter.alliance });
  conditions.push(...(textConditions(filter.search) as QueryFilter<EnterpriseProfileDoc>[]));
  return conditions;
}

const LIST_SKIPS = { searchTokens: 0 } as const;

export async function listEnterprises(filter: EnterpriseFilter, page: PageArgs) {
  const conditions = await conditionsOf(filter);
  return paginate<EnterpriseProfileDoc>(EnterpriseProfile, conditions.length ? { $and: conditions } : {}, order, page, LIST_SKIPS);
}

/**
 * Beside the directory's filters: how many of the enterprises the filter finds hold each capability
 * (ticking one more keeps that many), accompany each pilot province, and belong to the alliance.
 */
export async function enterpriseFacets(filter: EnterpriseFilter) {
  const conditions = await conditionsOf(filter);
  const where = conditions.length ? { $and: conditions } : {};
  const placeCodes = (await listPlaces({ includeFormer: false })).map((p) => p._id);
  const [capabilities, places, allianceMembers] = await Promise.all([
    countPerValue(EnterpriseProfile, 'capabilities', enterpriseCapabilities, where),
    countPerValue(EnterpriseProfile, 'pilotPlaces', placeCodes, where),
    countPerValue(EnterpriseProfile, 'allianceMember', [true], where),
  ]);
  return {
    capabilities: enterpriseCapabilities.map((value) => ({ value, count: capabilities.get(value) ?? 0 })),
    places: placeCodes.filter((code) => places.has(code)).map((value) => ({ value, count: places.get(value)! })),
    allianceMembers: allianceMembers.get('true') ?? 0,
  };
}

/** The enterprises that took part in each practice (with their part), in directory order; one read for a page of practices. */
export async function enterprisesOfPractices(practiceIds: readonly string[]): Promise<{ enterprise: EnterpriseProfileDoc; role: string }[][]> {
  const found = practiceIds.length
    ? await EnterpriseProfile.find({ 'practices.practice': anyOf([...new Set(practiceIds)]) }, LIST_SKIPS)
        .sort({ sortName: 1, _id: 1 })
        .lean<EnterpriseProfileDoc[]>()
    : [];
  return practiceIds.map((id) => found.flatMap((enterprise) => enterprise.practices.filter((link) => String(link.practice) === id).map((link) => ({ enterprise, role: link.role }))));
}

const pilotInput = z.object({
  place: slug.describe('A current province or city code.'),
  role: text(ENTERPRISE_LIMITS.pilotRoleMin, ENTERPRISE_LIMITS.pilotRole).describe('What it does there (Vietnamese).'),
  roleEn: text(0, ENTERPRISE_LIMITS.pilotRole).default('').describe('The same in English.'),
});
export { pilotInput as enterprisePilotInput };

export const updateEnterpriseProfileInput = z.object({
  organization: slug.describe('The enterprise’s organisation slug; the first update creates its profile.'),
  capabilities: z.array(z.enum(enterpriseCapabilities)).max(enterpriseCapabilities.length, 'TOO_LONG').optional(),
  description: text(0, ENTERPRISE_LIMITS.description, { multiline: true }).optional().describe('Plain text, Vietnamese.'),
  descriptionEn: text(0, ENTERPRISE_LIMITS.description, { multiline: true }).optional(),
  website: webAddress.nullable().optional().describe('Null clears it.'),
  pilots: z.array(pilotInput).max(ENTERPRISE_LIMITS.pilots, 'TOO_LONG').optional().describe('Replaces the list of pilot provinces it accompanies.'),
  allianceMember: z.boolean().optional().describe('Member of the Vietnamese cybersecurity products ecosystem alliance.'),
  allianceSince: z.number().int('INVALID').nullable().optional().describe(`The year it joined (${ALLIANCE_FOUNDED} or later); required for a member.`),
  contactHandle: slug.nullable().optional().describe('The handle of a member of the network who speaks for it; null clears it.'),
});

export const linkEnterprisePracticeInput = z.object({
  enterprise: slug.describe('The enterprise’s slug.'),
  practiceId: objectId,
  role: text(ENTERPRISE_LIMITS.practiceRoleMin, ENTERPRISE_LIMITS.practiceRole).describe('Its part in the practice, e.g. "cung cấp nền tảng".'),
});
export const unlinkEnterprisePracticeInput = linkEnterprisePracticeInput.pick({ enterprise: true, practiceId: true });

function requireEditor(ctx: Context): Viewer {
  const viewer = requireViewer(ctx);
  if (!canEditEnterprises(viewer)) throw new NotAuthorizedError('Only curators and admins edit the enterprises directory.');
  return viewer;
}

/** The organisation if it is a current enterprise. */
async function requireEnterpriseOrganization(slugValue: string): Promise<OrganizationDoc> {
  const [organization] = await organizationsBySlugs([slugValue]);
  if (!organization) throw new NotFoundError('organization', 'organisation', slugValue);
  if (organization.kind !== 'enterprise') throw ValidationError.field('organization', 'NOT_ENTERPRISE', 'only an organisation of kind enterprise has an enterprise profile');
  if (!organization.current) throw ValidationError.field('organization', 'FORMER', 'this organisation was merged into another');
  return organization;
}

/** Refuses what the input's shape cannot: unknown or repeated places, a member without a year, an unknown contact; answers the contact's id. */
async function checkProfileFields(data: z.output<typeof updateEnterpriseProfileInput>, allianceMember: boolean, allianceSince: number | null): Promise<string | null> {
  const errors: FieldError[] = [];
  if (data.pilots?.length) {
    const places = new Map((await placesByCodes(data.pilots.map((p) => p.place))).map((p) => [p._id, p]));
    const seen = new Set<string>();
    data.pilots.forEach((pilot, i) => {
      if (!places.get(pilot.place)?.current) errors.push({ path: `pilots.${i}.place`, code: 'UNKNOWN', message: 'place must be one of the 34 current provinces and cities' });
      else if (seen.has(pilot.place)) errors.push({ path: `pilots.${i}.place`, code: 'DUPLICATE', message: 'each province is named once' });
      seen.add(pilot.place);
    });
  }
  if (allianceMember && (allianceSince === null || allianceSince < ALLIANCE_FOUNDED || allianceSince > new Date().getUTCFullYear()))
    errors.push({ path: 'allianceSince', code: 'INVALID', message: `a member's year of joining is between ${ALLIANCE_FOUNDED} and this year` });
  const contact = data.contactHandle ? await findExpertByHandle(data.contactHandle) : null;
  if (data.contactHandle && !contact) errors.push({ path: 'contactHandle', code: 'UNKNOWN', message: 'contactHandle is not a member of the network' });
  if (errors.length) throw new ValidationError(errors);
  return contact ? String(contact._id) : null;
}

/**
 * A write that names the version it read: the profile's copied names and search words stay in
 * step with its description whoever writes at the same time. A lost race is read again, a few times.
 */
async function rewrite(slugValue: string, change: (current: EnterpriseProfileDoc) => Record<string, unknown> | null): Promise<EnterpriseProfileDoc> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const current = await findEnterprise(slugValue);
    if (!current) throw new NotFoundError('enterprise', 'enterprise profile', slugValue);
    const $set = change(current);
    if (!$set) return current;
    const saved = await EnterpriseProfile.findOneAndUpdate({ _id: slugValue, version: current.version }, { $set, $inc: { version: 1 } }, { returnDocument: 'after' }).lean<EnterpriseProfileDoc>();
    if (saved) return saved;
  }
  throw new ConflictError('The profile kept changing while this was saved; reload it and try again.');
}

/** Creates or changes an enterprise's profile (curators and admins; audited with the fields changed). */
export async function updateEnterpriseProfile(ctx: Context, input: unknown): Promise<EnterpriseProfileDoc> {
  const viewer = requireEditor(ctx);
  const data = parseInput(updateEnterpriseProfileInput, input);
  const organization = await requireEnterpriseOrganization(data.organization);
  const before = await findEnterprise(organization._id);
  const allianceMember = data.allianceMember ?? before?.allianceMember ?? false;
  const allianceSince = allianceMember ? (data.allianceSince !== undefined ? data.allianceSince : (before?.allianceSince ?? null)) : null;
  const contactId = await checkProfileFields(data, allianceMember, allianceSince);
  if (!before) {
    // The first edit creates the profile; of two at once, one creates it and both apply their fields below.
    await EnterpriseProfile.create({ _id: organization._id, name: organization.name, sortName: enterpriseSortName(organization), updatedBy: viewer.id }).catch((error: { code?: number }) => {
      if (error?.code !== 11000) throw error;
    });
  }
  const fields: Record<string, unknown> = {};
  if (data.capabilities) fields.capabilities = enterpriseCapabilities.filter((c) => data.capabilities!.includes(c));
  if (data.description !== undefined) fields.description = data.description;
  if (data.descriptionEn !== undefined) fields.descriptionEn = data.descriptionEn;
  if (data.website !== undefined) fields.website = data.website;
  if (data.pilots) {
    fields.pilots = data.pilots;
    fields.pilotPlaces = data.pilots.map((p) => p.place);
  }
  if (data.contactHandle !== undefined) fields.contact = contactId;
  const saved = await rewrite(organization._id, (current) => ({
    ...fields,
    allianceMember,
    allianceSince,
    name: organization.name,
    sortName: enterpriseSortName(organization),
    searchTokens: enterpriseSearchTokens(organization, (fields.description as string | undefined) ?? current.description, (fields.descriptionEn as string | undefined) ?? current.descriptionEn),
    updatedBy: viewer.id,
  }));
  const changed = [...Object.keys(fields).filter((f) => f !== 'pilotPlaces'), ...(before?.allianceMember !== allianceMember || before?.allianceSince !== allianceSince ? ['alliance'] : [])];
  await record(before ? 'enterprise.updated' : 'enterprise.created', viewer.id, viewer.id, { organization: organization._id, to: changed.join(', ') });
  return saved;
}

/** The practice if the public sees it: only those are linked. */
async function requireShownPractice(practiceId: string): Promise<PracticeDoc> {
  const [practice] = await practicesByIds([practiceId]);
  if (!practice || !isShownPractice(practice)) throw new NotFoundError('practiceId', 'published practice', practiceId);
  return practice;
}

/** Says the enterprise took part in a published practice, with its part (or changes its part); audited. */
export async function linkEnterprisePractice(ctx: Context, input: unknown): Promise<EnterpriseProfileDoc> {
  const viewer = requireEditor(ctx);
  const data = parseInput(linkEnterprisePracticeInput, input);
  const practice = await requireShownPractice(data.practiceId);
  const saved = await rewrite(data.enterprise, (current) => {
    const others = current.practices.filter((link) => String(link.practice) !== data.practiceId);
    if (others.length >= ENTERPRISE_LIMITS.practices) throw ValidationError.field('practiceId', 'TOO_MANY', `an enterprise lists at most ${ENTERPRISE_LIMITS.practices} practices`);
    if (others.length < current.practices.length && current.practices.some((link) => String(link.practice) === data.practiceId && link.role === data.role)) return null;
    return { practices: [...others, { practice: practice._id, role: data.role }], updatedBy: viewer.id };
  });
  await record('enterprise.practice-linked', viewer.id, viewer.id, { organization: data.enterprise, practice: practice._id, to: data.role });
  return saved;
}

/** Takes a practice off the enterprise's list (the same answer whether it was on it or not); audited when it was. */
export async function unlinkEnterprisePractice(ctx: Context, input: unknown): Promise<EnterpriseProfileDoc> {
  const viewer = requireEditor(ctx);
  const data = parseInput(unlinkEnterprisePracticeInput, input);
  let removed: string | null = null;
  const saved = await rewrite(data.enterprise, (current) => {
    const link = current.practices.find((l) => String(l.practice) === data.practiceId);
    if (!link) return null;
    removed = link.role;
    return { practices: current.practices.filter((l) => l !== link), updatedBy: viewer.id };
  });
  if (removed !== null) await record('enterprise.practice-unlinked', viewer.id, viewer.id, { organization: data.enterprise, practice: data.practiceId, from: removed });
  return saved;
}
