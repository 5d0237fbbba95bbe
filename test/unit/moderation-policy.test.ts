import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../schema/context.ts';
import { canReadReplyText, canReadThread } from '../../schema/discussion/policy.ts';
import { canFlag, canModerate } from '../../schema/flag/policy.ts';
import { canEdit, canRead } from '../../schema/practice/policy.ts';
import type { Role } from '../../schema/roles.ts';

/* The rules of flags and hidden content, by name (the API tests prove them end to end). */

const viewer = (id: string, role: Role = 'member'): Viewer => ({ id, handle: id, role, verified: false, joinedAt: new Date('2020-01-01'), sessionId: 's' });
const member = viewer('member');
const curator = viewer('curator', 'curator');
const moderator = viewer('moderator', 'moderator');
const admin = viewer('admin', 'admin');
const hiddenAt = new Date();

describe('Moderation policy', () => {
  it('lets anyone flag what others wrote, never their own', () => {
    expect(canFlag(member, { authors: ['someone'] })).toBe(true);
    expect(canFlag(member, { authors: ['someone', 'member'] })).toBe(false);
  });

  it('gives the queue and the decisions to moderators and admins only', () => {
    expect([null, member, curator, moderator, admin].map(canModerate)).toEqual([false, false, false, true, true]);
  });

  it('shows a hidden thread to moderators only, and a hidden reply’s text to them only', () => {
    expect([member, curator, moderator].map((v) => canReadThread(v, { hiddenAt }, []))).toEqual([false, false, true]);
    expect(canReadThread(member, { hiddenAt: null }, [])).toBe(true);
    expect([member, moderator].map((v) => canReadReplyText(v, { hiddenAt, deleted: false }))).toEqual([false, true]);
    expect(canReadReplyText(moderator, { hiddenAt: null, deleted: true })).toBe(false);
  });

  it('shows a hidden practice to its authors and moderators, and lets nobody edit it', () => {
    // Ids as the stored ObjectIds print them.
    const practice = { authors: ['member'], invitedAuthors: [], status: 'hidden' } as unknown as Parameters<typeof canRead>[1];
    expect([null, member, viewer('other'), curator, moderator].map((v) => canRead(v, practice))).toEqual([false, true, false, false, true]);
    expect(canEdit(member, practice)).toBe(false);
    expect(canEdit(member, { ...practice, status: 'published' } as typeof practice)).toBe(true);
  });
});
