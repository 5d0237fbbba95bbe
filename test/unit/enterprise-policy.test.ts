import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../schema/context.ts';
import { canEditEnterprises, isShownPractice } from '../../schema/enterprise/policy.ts';

/* Who edits the enterprises directory and which practices it shows (schema/enterprise/policy.ts). */

const viewer = (fields: Partial<Viewer> = {}): Viewer => ({ id: 'a'.repeat(24), handle: 'nguoi', role: 'member', verified: true, joinedAt: new Date('2020-01-01'), sessionId: 's', ...fields });

describe('Enterprise policy', () => {
  it('lets curators and admins edit, never members, verified experts, moderators or visitors', () => {
    expect(canEditEnterprises(viewer({ role: 'curator' }))).toBe(true);
    expect(canEditEnterprises(viewer({ role: 'admin' }))).toBe(true);
    expect(canEditEnterprises(viewer())).toBe(false);
    expect(canEditEnterprises(viewer({ role: 'moderator' }))).toBe(false);
    expect(canEditEnterprises(null)).toBe(false);
  });

  it('shows only published practices (not hidden, returned, submitted or drafts)', () => {
    expect(isShownPractice({ status: 'published' })).toBe(true);
    for (const status of ['hidden', 'returned', 'submitted', 'draft']) expect(isShownPractice({ status })).toBe(false);
    expect(isShownPractice(null)).toBe(false);
  });
});
