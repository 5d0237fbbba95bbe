import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

export const auditActions = [
  'role.changed',
  'expert.verified',
  'verification.declined',
  'expert.suspended',
  'expert.unsuspended',
  'practice.published',
  'practice.returned',
  'practice.claimed',
  'practice.released',
  'practice.duplicate',
  'practice.unpublished',
  'practice.corrected',
  'practice.featured',
  'practice.unfeatured',
  'collection.created',
  'collection.updated',
  'collection.item-added',
  'collection.item-changed',
  'collection.item-removed',
  'collection.reordered',
  'collection.published',
  'collection.archived',
  /** A curator removed a replication someone else recorded (the subject). */
  'replication.removed',
  /** Moderation (the subject: the author of what was acted on). */
  'practice.hidden',
  'practice.restored',
  'thread.hidden',
  'thread.restored',
  'thread.approved',
  'thread.rejected',
  'reply.approved',
  'reply.rejected',
  'reply.hidden',
  'reply.restored',
  'thread.locked',
  'thread.unlocked',
  'thread.moved',
  'flags.dismissed',
  /** A moderator hid a reported private message, or kept it (the subject: its author). */
  'message.hidden',
  'message.report-dismissed',
  /** An admin put someone in a working group or changed their role there, or took them out (the subject). */
  'group.member-set',
  'group.member-removed',
  /** A curator or admin created or changed an enterprise's profile, or linked or unlinked one of its practices (the subject: the actor; the organisation names it). */
  'enterprise.created',
  'enterprise.updated',
  'enterprise.practice-linked',
  'enterprise.practice-unlinked',
  /** An admin created, edited or activated a framework of programme criteria (subject: the admin), or chose a reporting member (the subject). */
  'programme.framework-created',
  'programme.framework-edited',
  'programme.framework-activated',
  'programme.reporter-set',
  'programme.reporter-removed',
  /** A group's lead (or an admin) accepted or declined a proposal (the subject: its proposer), assigned a task, dropped or reopened one (the subject: its responsible person, else its creator). */
  'proposal.accepted',
  'proposal.declined',
  'task.assigned',
  'task.dropped',
  'task.reopened',
  /** The help desk triaged, closed (for the asker) or published a request in the FAQ, edited or unpublished its entry (the subject: its asker), or an admin changed its settings (the subject: the admin). */
  'helpdesk.triaged',
  'helpdesk.closed',
  'helpdesk.faq-published',
  'helpdesk.faq-edited',
  'helpdesk.faq-unpublished',
  'helpdesk.settings-changed',
  /** A member took a name that looks like a staff member's (the subject); for moderators. */
  'name.confusable',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** Who did what to whom, when and why. Written once, never changed. */
const auditEntrySchema = new Schema(
  {
    action: { type: String, enum: auditActions, required: true },
    actor: { type: Schema.Types.ObjectId, required: true },
    /** The person acted on (for practices: their first author). */
    subject: { type: Schema.Types.ObjectId, required: true },
    /** The practice acted on, when the action is about one. */
    practice: { type: Schema.Types.ObjectId, default: null },
    /** The curated collection acted on, when the action is about one. */
    collectionId: { type: Schema.Types.ObjectId, default: null },
    /** The thread acted on (for a reply: its thread), when the action is about one. */
    thread: { type: Schema.Types.ObjectId, default: null },
    /** The reply acted on, when the action is about one. */
    reply: { type: Schema.Types.ObjectId, default: null },
    /** The working group acted on (its slug), when the action is about one. */
    group: { type: String, default: null },
    /** The programme framework acted on (its code), when the action is about one. */
    framework: { type: String, default: null },
    /** The organisation acted on (its slug), when the action is about one (an enterprise's profile). */
    organization: { type: String, default: null },
    /** The working group's task acted on, when the action is about one. */
    task: { type: Schema.Types.ObjectId, default: null },
    /** The help-desk request acted on (its thread's id), when the action is about one. */
    helpdeskRequest: { type: String, default: null },
    from: { type: String, default: null },
    to: { type: String, default: null },
    reason: { type: String, default: '' },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
auditEntrySchema.index({ createdAt: -1, _id: -1 });
auditEntrySchema.index({ subject: 1, createdAt: -1, _id: -1 });
auditEntrySchema.index({ action: 1, createdAt: -1, _id: -1 });
auditEntrySchema.index({ actor: 1, createdAt: -1, _id: -1 });
auditEntrySchema.index({ practice: 1, createdAt: -1, _id: -1 });

export type AuditEntryDoc = InferSchemaType<typeof auditEntrySchema> & { _id: Types.ObjectId; createdAt: Date };
export const AuditEntry = model('AuditEntry', auditEntrySchema);
