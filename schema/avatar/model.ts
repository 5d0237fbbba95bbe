import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

export const avatarTypes = ['image/png', 'image/jpeg', 'image/webp'] as const;

/** A profile picture, stored as bytes and served at /avatars/<id> with its sniffed type. */
const avatarSchema = new Schema(
  {
    expert: { type: Schema.Types.ObjectId, required: true },
    contentType: { type: String, enum: avatarTypes, required: true },
    data: { type: Buffer, required: true },
  },
  { timestamps: true },
);
avatarSchema.index({ expert: 1 });

export type AvatarDoc = InferSchemaType<typeof avatarSchema> & { _id: Types.ObjectId };
export const Avatar = model('Avatar', avatarSchema);
