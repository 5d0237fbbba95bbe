import type { Viewer } from '../context.ts';
import { STAFF_ROLES } from '../roles.ts';

/*
 * The new-member rule, in the spirit of Discourse's trust level 0 (the README's "New members"
 * says the same to people): a member who is neither staff nor a verified expert is new for
 * `days` after joining. While new, their first `postsToApprove` threads and replies wait for a
 * moderator's approval (hidden from everyone but them and moderators until approved), and they
 * write within tighter budgets (schema/limits.ts, `newMember*`). Spam is the first abuse of a
 * directory of officials, and a verified expert or an old account is rarely a spammer.
 */

export interface NewMemberRule {
  /** Days after joining during which a member is new (0: nobody is). */
  days: number;
  /** How many of a new member's posts must be approved before theirs show at once (0: none wait). */
  postsToApprove: number;
}

/** The defaults of NEW_MEMBER_DAYS and NEW_MEMBER_APPROVED_POSTS. */
export const NEW_MEMBER_RULE: NewMemberRule = { days: 7, postsToApprove: 2 };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether the rule treats this person as new now. */
export function isNewMember(viewer: Pick<Viewer, 'role' | 'verified' | 'joinedAt'> | null, rule: NewMemberRule, now = Date.now()): boolean {
  if (!viewer || viewer.verified || STAFF_ROLES.includes(viewer.role) || rule.days <= 0) return false;
  return now - viewer.joinedAt.getTime() < rule.days * DAY_MS;
}

/** Whether a new post of this person waits for approval, given how many of their posts are shown already. */
export const postWaitsForApproval = (viewer: Viewer, rule: NewMemberRule, shownPosts: number) => rule.postsToApprove > 0 && isNewMember(viewer, rule) && shownPosts < rule.postsToApprove;
