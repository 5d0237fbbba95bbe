import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

/**
 * What an enterprise can do for e-government, as the working group asked Vietnamese enterprises to
 * master it: the data-sharing platform (LGSP), cybersecurity, cloud, cryptography and digital
 * signatures, electronic identification, AI, software for public services, smart-city operations.
 */
export const enterpriseCapabilities = ['data-platform', 'cybersecurity', 'cloud', 'cryptography', 'e-identification', 'ai', 'public-service-software', 'smart-city'] as const;
export type EnterpriseCapability = (typeof enterpriseCapabilities)[number];

/** The year the cybersecurity products alliance (Liên minh phát triển Hệ sinh thái sản phẩm an toàn, an ninh mạng Việt Nam) was launched. */
export const ALLIANCE_FOUNDED = 2019;

/**
 * An enterprise's profile in the directory, beside its organisation record (keyed by the
 * organisation's slug, so the organisation feature stays reference data). `name`, `sortName` and
 * `searchTokens` copy the organisation's names at write time: the directory sorts and searches by
 * them without a second read.
 */
const enterpriseProfileSchema = new Schema(
  {
    _id: { type: String, required: true }, // the organisation's slug
    name: { type: String, required: true },
    sortName: { type: String, required: true },
    capabilities: { type: [String], enum: enterpriseCapabilities, default: [] },
    description: { type: String, default: '' },
    descriptionEn: { type: String, default: '' },
    website: { type: String, default: null },
    /** The pilot provinces it accompanies (current place codes) and with what. */
    pilots: {
      type: [new Schema({ place: { type: String, required: true }, role: { type: String, required: true }, roleEn: { type: String, default: '' } }, { _id: false })],
      default: [],
    },
    /** Its place codes, for the directory's filter (pilots' codes, once each). */
    pilotPlaces: { type: [String], default: [] },
    allianceMember: { type: Boolean, default: false },
    allianceSince: { type: Number, default: null },
    /** A member of the network who speaks for it. */
    contact: { type: Schema.Types.ObjectId, default: null },
    /** Practices it took part in, with its part in each ("cung cấp nền tảng"). */
    practices: {
      type: [new Schema({ practice: { type: Schema.Types.ObjectId, required: true }, role: { type: String, required: true } }, { _id: false })],
      default: [],
    },
    searchTokens: { type: [String], default: [] },
    updatedBy: { type: Schema.Types.ObjectId, default: null },
    /** Moves with every write: a write names the version it read (its copies of names and tokens stay whole). */
    version: { type: Number, default: 1 },
  },
  { timestamps: true },
);
// The directory in name order, and by each of its filters.
enterpriseProfileSchema.index({ sortName: 1, _id: 1 });
enterpriseProfileSchema.index({ capabilities: 1, sortName: 1, _id: 1 });
enterpriseProfileSchema.index({ pilotPlaces: 1, sortName: 1, _id: 1 });
enterpriseProfileSchema.index({ allianceMember: 1, sortName: 1, _id: 1 });
enterpriseProfileSchema.index({ searchTokens: 1, sortName: 1, _id: 1 });
// A practice's enterprises.
enterpriseProfileSchema.index({ 'practices.practice': 1 });

export type EnterprisePilot = { place: string; role: string; roleEn: string };
export type EnterprisePracticeLink = { practice: Types.ObjectId; role: string };
export type EnterpriseProfileDoc = Omit<InferSchemaType<typeof enterpriseProfileSchema>, 'pilots' | 'practices' | 'capabilities'> & {
  _id: string;
  capabilities: EnterpriseCapability[];
  pilots: EnterprisePilot[];
  practices: EnterprisePracticeLink[];
  createdAt: Date;
  updatedAt: Date;
};
export const EnterpriseProfile = model('EnterpriseProfile', enterpriseProfileSchema);
