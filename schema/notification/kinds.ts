/*
 * The kinds of notification and how each is delivered unless the person chose otherwise: by
 * email too for what is addressed to the person (an answer, a mention, a decision about their
 * work, a message), in the app only for what comes often or matters less (replies, features,
 * collections, new practices in followed topics).
 */

export const notificationKinds = [
  'reply',
  'mention',
  'answer',
  'answer_accepted',
  'practice_published',
  'practice_returned',
  'practice_featured',
  'practice_collected',
  'verification_decided',
  'topic_practice',
  'message',
  'task_assigned',
  'proposal_decided',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const deliveries = ['in_app', 'email', 'none'] as const;
/** IN_APP: in the centre; EMAIL: in the centre and by email; NONE: not at all. */
export type Delivery = (typeof deliveries)[number];

export const DEFAULT_DELIVERY: Record<NotificationKind, Delivery> = {
  reply: 'in_app',
  mention: 'email',
  answer: 'email',
  answer_accepted: 'email',
  practice_published: 'email',
  practice_returned: 'email',
  practice_featured: 'in_app',
  practice_collected: 'in_app',
  verification_decided: 'email',
  topic_practice: 'in_app',
  message: 'email',
  task_assigned: 'email',
  proposal_decided: 'email',
};

export const targetTypes = ['practice', 'thread', 'reply', 'conversation', 'collection', 'verification', 'task', 'proposal'] as const;
export type TargetType = (typeof targetTypes)[number];

/** The kinds that tell the outcome of a decision, kept as the notification's context: 'approved', 'accepted', 'declined'. */
const decisionKinds: readonly string[] = ['verification_decided', 'proposal_decided'] satisfies NotificationKind[];

/** A decision's outcome (see decisionKinds); null for the other kinds. */
export const outcomeOf = (notification: { kind: string; contextId?: string | null }) => (decisionKinds.includes(notification.kind) ? (notification.contextId ?? null) : null);
