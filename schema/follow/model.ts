import { Schema, model, type InferSchemaType } from 'mongoose';
import { keyedId } from '../mark.ts';

export const followKinds = ['expert', 'topic', 'thread'] as const;
export type FollowKind = (typeof followKinds)[number];

/** A person following an expert, a topic or a thread, to see what changes there. */
const followSchema = new Schema(
  {
    _id: keyedId(['follower', 'kind', 'target']),
    follower: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: followKinds, required: true },
    /** An expert's or thread's id, or a topic's slug. */
    target: { type: String, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
followSchema.index({ kind: 1, target: 1, follower: 1 });
followSchema.index({ follower: 1, createdAt: -1, _id: -1 });

export type FollowDoc = InferSchemaType<typeof followSchema> & { _id: string; createdAt: Date };
export const Follow = model('Follow', followSchema);

/** When the person last looked at what changed in what they follow (their "new" markers start there). */
const followSeenSchema = new Schema({ _id: { type: Schema.Types.ObjectId }, seenAt: { type: Date, required: true } });

export const FollowSeen = model('FollowSeen', followSeenSchema);
