import type { NewMemberRule } from './moderation/new-members.ts';
import type { Role } from './roles.ts';

/** The signed-in person of a request, loaded once from the session cookie. */
export interface Viewer {
  id: string;
  handle: string;
  role: Role;
  verified: boolean;
  /** When they joined: a new member has tighter limits for a while (moderation/new-members.ts). */
  joinedAt: Date;
  /** SHA-256 of the session token, the Session's _id. */
  sessionId: string;
}

/** Writes the session cookie on this request's response. */
export interface SessionCookie {
  set(token: string, expiresAt: Date): Promise<void>;
  clear(): Promise<void>;
}

/** Built once per request (see server/http.ts). Pothos keeps this request's DataLoaders on it. */
export interface Context {
  requestId: string;
  /** The client's address, for rate limits. */
  clientAddress: string;
  userAgent: string;
  viewer: Viewer | null;
  sessionCookie: SessionCookie;
  /** The configured new-member rule (NEW_MEMBER_DAYS, NEW_MEMBER_APPROVED_POSTS). */
  newMembers: NewMemberRule;
}
