// The demo's enterprises directory (seeds/data/enterprises.json): the Vietnamese enterprises that
// master the platform technologies, the pilot provinces they accompany and the practices they took part in.
import { EnterpriseProfile } from '../schema/enterprise/model.ts';
import { enterpriseSearchTokens, enterpriseSortName } from '../schema/enterprise/service.ts';
import { demoExpertId, type OrganizationRecord, readData, readOptionalData, stableId } from './records.ts';
import { addMissingUnits, type DemoUnit, resetUnits, type SyncReport } from './sync.ts';

export interface EnterpriseRecord {
  /** The organisation's slug in organizations.json (of kind enterprise). */
  organization: string;
  capabilities: string[];
  description: string;
  descriptionEn: string;
  website: string | null;
  /** Current place codes (Hà Nam's pilot is Ninh Bình's since the 2025 merger). */
  pilots: { place: string; role: string; roleEn: string }[];
  /** The year it joined the cybersecurity alliance, or null. */
  alliance: number | null;
  /** A demo person's handle. */
  contact: string | null;
  /** Practice keys in practices.json, with the enterprise's part. */
  practices: { practice: string; role: string }[];
}

/** When the profiles were last edited in the demo: a fortnight before the demo's "today". */
const EDITED = new Date('2026-11-23T03:00:00Z');

/** Adds the demo profiles that are missing (or, with `reset`, puts them back as shipped); each is a unit of its own. */
export async function loadDemoEnterprises(options: { reset?: boolean } = {}): Promise<SyncReport[]> {
  const organizations = new Map(readData<OrganizationRecord>('organizations.json').map((o) => [o.slug, o]));
  const units: DemoUnit[] = readOptionalData<EnterpriseRecord>('enterprises.json').map((e) => {
    const organization = organizations.get(e.organization)!;
    return {
      head: {
        _id: e.organization,
        name: organization.name,
        sortName: enterpriseSortName(organization),
        capabilities: e.capabilities,
        description: e.description,
        descriptionEn: e.descriptionEn,
        website: e.website,
        pilots: e.pilots,
        pilotPlaces: e.pilots.map((p) => p.place),
        allianceMember: e.alliance !== null,
        allianceSince: e.alliance,
        contact: e.contact ? demoExpertId(e.contact) : null,
        practices: e.practices.map((p) => ({ practice: stableId('practice', p.practice), role: p.role })),
        searchTokens: enterpriseSearchTokens(organization, e.description, e.descriptionEn),
        updatedBy: null,
        version: 1,
        createdAt: EDITED,
        updatedAt: EDITED,
      },
      parts: [],
    };
  });
  return options.reset ? resetUnits(EnterpriseProfile, units) : addMissingUnits(EnterpriseProfile, units);
}
