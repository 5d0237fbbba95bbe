import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { HANDLE_MAX } from '../field-limits.ts';
import { roles } from '../roles.ts';

/** Staff roles are declared in schema/roles.ts; being a verified expert is separate (`verifiedAt`) and shows as a badge. */
export { roles, type Role } from '../roles.ts';

/** A handle: 3 to HANDLE_MAX lowercase letters, digits, dots, dashes and underscores, a letter first. */
export const HANDLE_PATTERN = new RegExp(`^[a-z][a-z0-9._-]{2,${HANDLE_MAX - 1}}$`);

const linkSchema = new Schema({ label: { type: String, required: true }, url: { type: String, required: true } }, { _id: false });

const expertSchema = new Schema(
  {
    handle: { type: String, required: true, match: HANDLE_PATTERN },
    name: { type: String, required: true },
    /** Folded given name first, as Vietnamese directories sort: "hung nguyen van hung". */
    sortName: { type: String, required: true },
    position: { type: String, default: '' },
    organization: { type: String, default: null },
    place: { type: String, default: null },
    specialties: { type: [String], default: [] },
    cohorts: { type: [String], default: [] },
    bio: { type: String, default: '' },
    links: { type: [linkSchema], default: [] },
    joinedAt: { type: Date, required: true },
    role: { type: String, enum: roles, required: true, default: 'member' },
    /** Set when a curator recognised this person as part of the expert network. */
    verifiedAt: { type: Date, default: null },
    suspendedUntil: { type: Date, default: null },
    suspensionReason: { type: String, default: '' },
    avatar: { type: Schema.Types.ObjectId, default: null },
    /** Folded words of name, handle, position, organisation and bio, for the directory's text filter. */
    searchTokens: { type: [String], default: [] },
    /**
     * When they last wrote something others can see, joining included (the directory's "recent
     * activity" order), in ms since 1970: a number, as a date first in an order pages by date
     * windows, and DocumentDB loses documents tied on an indexed date when a window meets a cursor.
     */
    lastActiveAt: {
      type: Number,
      default: function (this: { joinedAt?: Date }) {
        return (this.joinedAt ?? new Date()).getTime();
      },
    },
    /** Points earned from others' votes, acceptances and endorsements (schema/reputation/service.ts). */
    reputation: { type: Number, default: 0 },
  },
  { timestamps: true },
);
expertSchema.index({ handle: 1 }, { unique: true });
expertSchema.index({ sortName: 1, _id: 1 });
expertSchema.index({ place: 1, sortName: 1, _id: 1 });
expertSchema.index({ organization: 1, sortName: 1, _id: 1 });
expertSchema.index({ specialties: 1, sortName: 1, _id: 1 });
expertSchema.index({ cohorts: 1, sortName: 1, _id: 1 });
expertSchema.index({ searchTokens: 1, sortName: 1, _id: 1 });
expertSchema.index({ role: 1, sortName: 1, _id: 1 });
expertSchema.index({ verifiedAt: 1, sortName: 1, _id: 1 });
expertSchema.index({ lastActiveAt: -1, _id: -1 });
// The directory sorted by reputation, highest first.
expertSchema.index({ reputation: -1, sortName: 1, _id: 1 });

export type ExpertDoc = InferSchemaType<typeof expertSchema> & { _id: Types.ObjectId };
export const Expert = model('Expert', expertSchema);
