import { Schema, Types, model, type InferSchemaType } from 'mongoose';
import { keyedId } from '../mark.ts';

export const threadKinds = ['discussion', 'question'] as const;

/**
 * The stored rendering of a markdown body: reads serve it and never render (schema/markdown/pool.ts).
 * `bodyVersion` is the RENDERER_VERSION that made `bodyHtml`; null (or missing) means not rendered
 * yet, and the start-up migration (./migrate.ts) renders what is older than the current one.
 */
const renderedBody = {
  bodyHtml: { type: String, default: '' },
  bodyVersion: { type: Number, default: null },
};

/**
 * A new member's post waiting for a moderator's approval (schema/moderation/new-members.ts): its
 * author, the one person besides moderators who sees it meanwhile; null otherwise. Such a post is
 * also hidden (`hiddenAt`), so that every list, search, count and update leaves it out until it
 * is approved; a thread's replies leave out those waiting for someone else's approval.
 */
const pendingAuthor = { type: Schema.Types.ObjectId, default: null };
/** The few posts waiting for approval (the repair finds them): partial, `$gt` the least id as for `practice` below. */
const waitingPosts = [{ pendingAuthor: 1 }, { name: 'waiting_for_approval', partialFilterExpression: { pendingAuthor: { $gt: new Types.ObjectId('000000000000000000000000') } } }] as const;

/** A discussion or a question, for signed-in members. Its replies nest; a question's top-level replies are its answers. */
const threadSchema = new Schema(
  {
    kind: { type: String, enum: threadKinds, required: true },
    title: { type: String, required: true },
    body: { type: String, default: '' },
    ...renderedBody,
    author: { type: Schema.Types.ObjectId, required: true },
    topics: { type: [String], default: [] },
    place: { type: String, default: null },
    locked: { type: Boolean, default: false },
    /** For questions: the answer the asker (or a curator) accepted. */
    acceptedReply: { type: Schema.Types.ObjectId, default: null },
    /** For questions: +1 per QuestionVote cast, -1 per vote taken back (schema/counters.ts). */
    voteCount: { type: Number, default: 0 },
    /** Live (not removed) replies: +1 per reply written, -1 per reply removed (schema/counters.ts). */
    replyCount: { type: Number, default: 0 },
    lastActivityAt: { type: Date, required: true },
    searchTokens: { type: [String], default: [] },
    /** How many earlier versions ThreadRevision keeps (numbered 0 to editCount - 1). */
    editCount: { type: Number, default: 0 },
    /** Set on the one discussion of a published practice (its comments). */
    practice: { type: Schema.Types.ObjectId, default: null },
    /** Handles its body mentions (@handle): they see it among their updates. */
    mentions: { type: [String], default: [] },
    /**
     * When a moderator hid it (null: shown). Hidden, it leaves every list, search, count and
     * update, and only moderators open it (to restore it). `{ hiddenAt: null }` also matches
     * threads stored before the field existed.
     */
    hiddenAt: { type: Date, default: null },
    /** Hidden because its practice was hidden (not by a decision about the thread): restored with it. */
    hiddenWithPractice: { type: Boolean, default: false },
    pendingAuthor,
    /** The working group's group it was started in (its slug); null for the network's ordinary threads. */
    group: { type: String, default: null },
    /**
     * The group whose members alone read it (and moderators), set from the group's access when it
     * starts; null: every member reads it. Lists filter on it by equality (`null`, or `$in` null and
     * the viewer's groups), and `null` also matches threads stored before groups existed.
     */
    restrictedTo: { type: String, default: null },
  },
  { timestamps: true },
);
threadSchema.index({ lastActivityAt: -1, _id: -1 });
// A group's discussions (Group.threads).
threadSchema.index({ group: 1, lastActivityAt: -1, _id: -1 });
threadSchema.index(...waitingPosts);
// The whole list of threads, hidden ones left out (`hiddenAt: null` is an equality).
threadSchema.index({ hiddenAt: 1, lastActivityAt: -1, _id: -1 });
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

/** A reply; `parent` null means top level (an answer, in a question). Deleting keeps it as "reply removed", hiding as "hidden by a moderator". */
const replySchema = new Schema(
  {
    thread: { type: Schema.Types.ObjectId, required: true },
    parent: { type: Schema.Types.ObjectId, default: null },
    depth: { type: Number, required: true },
    author: { type: Schema.Types.ObjectId, required: true },
    body: { type: String, required: true },
    ...renderedBody,
    /** How many earlier versions ReplyRevision keeps (numbered 0 to editCount - 1). */
    editCount: { type: Number, default: 0 },
    deleted: { type: Boolean, default: false },
    /** When a moderator hid it: it keeps its place as "hidden by a moderator", and stops counting. */
    hiddenAt: { type: Date, default: null },
    pendingAuthor,
    voteCount: { type: Number, default: 0 },
    /** Handles its body mentions (@handle): they see it among their updates. */
    mentions: { type: [String], default: [] },
  },
  { timestamps: true },
);
replySchema.index({ mentions: 1, createdAt: -1, _id: -1 });
replySchema.index(...waitingPosts);
replySchema.index({ thread: 1, createdAt: 1, _id: 1 });
replySchema.index({ author: 1, createdAt: -1 });

export type ReplyDoc = InferSchemaType<typeof replySchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export const Reply = model('Reply', replySchema);

/*
 * Earlier versions live in their own collections, one document each, so that reading a thread or
 * a page of replies never carries its edits. `seq` numbers a text's versions from 0, oldest first;
 * an edit writes version `editCount` here before it moves the text on, and only versions below
 * the text's editCount are shown (one left by an edit that lost a race, or a crash, is not).
 */
const threadRevisionSchema = new Schema(
  {
    thread: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true },
    title: { type: String, required: true },
    body: { type: String, default: '' },
    ...renderedBody,
    /** When this version was replaced. */
    editedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
threadRevisionSchema.index({ thread: 1, seq: 1 }, { name: 'one_revision_per_thread_version', unique: true });

export type ThreadRevisionDoc = InferSchemaType<typeof threadRevisionSchema> & { _id: Types.ObjectId };
export const ThreadRevision = model('ThreadRevision', threadRevisionSchema);

const replyRevisionSchema = new Schema(
  {
    reply: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true },
    body: { type: String, required: true },
    ...renderedBody,
    /** When this version was replaced. */
    editedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
replyRevisionSchema.index({ reply: 1, seq: 1 }, { name: 'one_revision_per_reply_version', unique: true });

export type ReplyRevisionDoc = InferSchemaType<typeof replyRevisionSchema> & { _id: Types.ObjectId };
export const ReplyRevision = model('ReplyRevision', replyRevisionSchema);

/** One person's vote for one answer. */
const voteSchema = new Schema(
  { _id: keyedId(['reply', 'expert']), reply: { type: Schema.Types.ObjectId, required: true }, expert: { type: Schema.Types.ObjectId, required: true } },
  { timestamps: { createdAt: true, updatedAt: false } },
);
voteSchema.index({ reply: 1 });

export const Vote = model('Vote', voteSchema);

/** One person's vote for one question (keyed like Vote: racing votes make one record). */
const questionVoteSchema = new Schema(
  { _id: keyedId(['thread', 'expert']), thread: { type: Schema.Types.ObjectId, required: true }, expert: { type: Schema.Types.ObjectId, required: true } },
  { timestamps: { createdAt: true, updatedAt: false } },
);
questionVoteSchema.index({ thread: 1 });

export const QuestionVote = model('QuestionVote', questionVoteSchema);
