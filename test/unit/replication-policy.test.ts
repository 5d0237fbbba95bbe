import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../schema/context.ts';
import { canChange, canRecordFor, isShownPractice, mayRecordAny } from '../../schema/replication/policy.ts';

/* Who may record, change and see replications (schema/replication/policy.ts). */

const viewer = (fields: Partial<Viewer> = {}): Viewer => ({ id: 'a'.repeat(24), handle: 'nguoi', role: 'member', verified: false, joinedAt: new Date('2020-01-01'), sessionId: 's', ...fields });

describe('Replication policy', () => {
  it('lets a verified member record for their organisation or one above it, and a curator for any; never an unverified member or a moderator', () => {
    const chain = ['tt-cds-da-nang', 'so-khcn-da-nang'];
    expect(canRecordFor(viewer({ verified: true }), chain, 'so-khcn-da-nang')).toBe(true);
    expect(canRecordFor(viewer({ verified: true }), chain, 'so-khcn-ha-noi')).toBe(false);
    expect(canRecordFor(viewer(), chain, 'so-khcn-da-nang')).toBe(false);
    expect(canRecordFor(viewer({ role: 'moderator' }), chain, 'so-khcn-da-nang')).toBe(false);
    expect(canRecordFor(viewer({ role: 'curator' }), [], 'so-khcn-ha-noi')).toBe(true);
    expect(canRecordFor(null, chain, 'so-khcn-da-nang')).toBe(false);
    expect(mayRecordAny(viewer())).toBe(false);
    expect(mayRecordAny(viewer({ verified: true }))).toBe(true);
  });

  it('lets its recorder or a curator change one, nobody else', () => {
    const replication = { recordedBy: 'a'.repeat(24) };
    expect(canChange(viewer(), replication)).toBe(true);
    expect(canChange(viewer({ id: 'b'.repeat(24) }), replication)).toBe(false);
    expect(canChange(viewer({ id: 'b'.repeat(24), role: 'admin' }), replication)).toBe(true);
    expect(canChange(null, replication)).toBe(false);
  });

  it('shows replications only on a published practice (not hidden, returned or in review)', () => {
    expect(isShownPractice({ status: 'published' })).toBe(true);
    for (const status of ['draft', 'submitted', 'returned', 'hidden']) expect(isShownPractice({ status })).toBe(false);
    expect(isShownPractice(null)).toBe(false);
  });
});
