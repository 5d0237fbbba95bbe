import { Schema, Types, model, type InferSchemaType } from 'mongoose';
import { keyedId } from '../mark.ts';

export const threadKinds = ['discussion', 'question'] as const;

const threadEditSchema = new Schema(
  { title: { type: String, required: true }, body: { type: String, default: '' }, editedAt: { type: Date, required: true } },
  { _id: false },
);

/** A discussion or a question, for signed-in members. Its replies nest; a question's top-level replies are its answers. */
const threadSchema = new Schema(
  {
    kind: { type: String, enum: threadKinds, required: true },
    title: { type: String, required: true },
    body: { type: String, default: '' },
    author: { type: Schema.Types.ObjectId, required: true },
    topics: { type: [String], default: [] },
    place: { type: String, default: null },
    locked: { type: Boolean, default: false },
    /** For questions: the answer the asker (or a curator) accepted. */
    acceptedReply: { type: Schema.Types.ObjectId, default: null },
    /** Live (not removed) replies: +1 per reply written, -1 per reply removed (schema/counters.ts). */
    replyCount: { type: Number, default: 0 },
    lastActivityAt: { type: Date, required: true },
    searchTokens: { type: [String], default: [] },
    /** Earlier titles and bodies, oldest first. */
    history: { type: [threadEditSchema], default: [] },
    /** Set on the one discussion of a published practice (its comments). */
    practice: { type: Schema.Types.ObjectId, default: null },
    /** Handles its body mentions (@handle): they see it among their updates. */
    mentions: { type: [String], default: [] },
  },
  { timestamps: true },
);
threadSchema.index({ lastActivityAt: -1, _id: -1 });
threadSchema.index({ mentions: 1, lastActivityAt: -1, _id: -1 });
// One discussion per practice. Partial, as every other thread holds null. Written as `$gt` the
// least id: DocumentDB then also serves `practice: x` and `$in` lookups with it (with
// `$type: 'objectId'` it reads `$in` lookups whole). Named, so that it does not clash with the
// plain `practice_1` of a database created before it.
threadSchema.index({ practice: 1 }, { name: 'one_discussion_per_practice', unique: true, partialFilterExpression: { practice: { $gt: new Types.ObjectId('000000000000000000000000') } } });
threadSchema.index({ kind: 1, lastActivityAt: -1, _id: -1 });
threadSchema.index({ kind: 1, acceptedReply: 1, lastActivityAt: -1, _id: -1 });
threadSchema.index({ topics: 1, lastActivityAt: -1, _id: -1 });
threadSchema.index({ place: 1, lastActivityAt: -1, _id: -1 });
threadSchema.index({ author: 1, lastActivityAt: -1, _id: -1 });
threadSchema.index({ searchTokens: 1, lastActivityAt: -1, _id: -1 });

export type ThreadDoc = InferSchemaType<typeof threadSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export const Thread = model('Thread', threadSchema);

const editSchema = new Schema({ body: { type: String, required: true }, editedAt: { type: Date, required: true } }, { _id: false });

/** A reply; `parent` null means top level (an answer, in a question). Deleting keeps it as "reply removed". */
const replySchema = new Schema(
  {
    thread: { type: Schema.Types.ObjectId, required: true },
    parent: { type: Schema.Types.ObjectId, default: null },
    depth: { type: Number, required: true },
    author: { type: Schema.Types.ObjectId, required: true },
    body: { type: String, required: true },
    /** Earlier bodies, oldest first. */
    history: { type: [editSchema], default: [] },
    deleted: { type: Boolean, default: false },
    voteCount: { type: Number, default: 0 },
    /** Handles its body mentions (@handle): they see it among their updates. */
    mentions: { type: [String], default: [] },
  },
  { timestamps: true },
);
replySchema.index({ mentions: 1, createdAt: -1, _id: -1 });
replySchema.index({ thread: 1, createdAt: 1, _id: 1 });
replySchema.index({ author: 1, createdAt: -1 });

export type ReplyDoc = InferSchemaType<typeof replySchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export const Reply = model('Reply', replySchema);

/** One person's vote for one answer. */
const voteSchema = new Schema(
  { _id: keyedId(['reply', 'expert']), reply: { type: Schema.Types.ObjectId, required: true }, expert: { type: Schema.Types.ObjectId, required: true } },
  { timestamps: { createdAt: true, updatedAt: false } },
);
voteSchema.index({ reply: 1 });

export const Vote = model('Vote', voteSchema);
