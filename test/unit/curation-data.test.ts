import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRACTICE_REQUIRED_TO_SUBMIT, VERIFICATION_LIMITS } from '../../schema/field-limits.ts';
import { reviewChecks, reviewEventKinds, reviewSections } from '../../schema/review/model.ts';
import type { ReviewQueueRecord, VerificationRequestRecord } from '../../seeds/curation.ts';

/* The demo's work for curators (seeds/data/review-queue.json, verification-requests.json): what a curator trying the desk relies on. */

const read = <T>(file: string): T[] => JSON.parse(readFileSync(new URL(`../../seeds/data/${file}`, import.meta.url), 'utf8'));
const queue = read<ReviewQueueRecord>('review-queue.json');
const requests = read<VerificationRequestRecord>('verification-requests.json');
const experts = new Map(read<{ handle: string; cohorts: string[] }>('experts.json').map((e) => [e.handle, e]));
const staff = (JSON.parse(readFileSync(new URL('../../seeds/data/demo-accounts.json', import.meta.url), 'utf8')) as { staff: Record<string, string> }).staff;
const organizations = new Set(
  read<{ slug: string; current: boolean }>('organizations.json')
    .filter((o) => o.current)
    .map((o) => o.slug),
);
const places = new Set(
  read<{ code: string; current: boolean }>('places.json')
    .filter((p) => p.current)
    .map((p) => p.code),
);
const topics = new Set(read<{ slug: string }>('topics.json').map((t) => t.slug));
const practiceKeys = new Set(read<{ key: string }>('practices.json').map((p) => p.key));

describe('Demo review queue', () => {
  it('holds several submitted practices, exactly one claimed, and one returned with a reason', () => {
    expect(queue.filter((p) => p.status === 'submitted').length).toBeGreaterThanOrEqual(4);
    expect(queue.filter((p) => p.claim)).toHaveLength(1);
    expect(queue.filter((p) => p.status === 'returned' && (p.returnReason ?? '').length > 20).length).toBeGreaterThanOrEqual(1);
  });

  it('refers only to current organisations and places, known topics, and demo people; keys do not clash with the published practices', () => {
    for (const p of queue) {
      expect(organizations.has(p.organization), p.key).toBe(true);
      expect(places.has(p.place), p.key).toBe(true);
      expect(
        p.topics.every((t) => topics.has(t)),
        p.key,
      ).toBe(true);
      expect(
        p.authors.every((a) => experts.has(a)),
        p.key,
      ).toBe(true);
      expect(practiceKeys.has(p.key), p.key).toBe(false);
    }
  });

  it('tells each submitted case whole, as the submit rule asks', () => {
    for (const p of queue.filter((q) => q.status === 'submitted')) {
      for (const field of PRACTICE_REQUIRED_TO_SUBMIT) expect(p[field as keyof ReviewQueueRecord], `${p.key}.${field}`).toBeTruthy();
    }
  });

  it('has claims, comments and steps by curators (authors for submissions), with known checks, sections and kinds, in time order', () => {
    const isCurator = (handle: string) => staff[handle] === 'curator' || staff[handle] === 'admin';
    for (const p of queue) {
      if (p.claim) {
        expect(isCurator(p.claim.curator), p.key).toBe(true);
        expect(
          p.claim.checklist.every((c) => (reviewChecks as readonly string[]).includes(c)),
          p.key,
        ).toBe(true);
      }
      for (const c of p.comments ?? []) expect((reviewSections as readonly string[]).includes(c.section) && (isCurator(c.author) || p.authors.includes(c.author)), p.key).toBe(true);
      expect(p.events[0]).toMatchObject({ kind: 'submitted', actor: p.authors[0], at: p.submittedAt });
      for (const e of p.events) {
        expect((reviewEventKinds as readonly string[]).includes(e.kind), p.key).toBe(true);
        expect(e.kind === 'submitted' || isCurator(e.actor), `${p.key}: ${e.kind} by ${e.actor}`).toBe(true);
      }
      expect(p.events.map((e) => e.at)).toEqual([...p.events.map((e) => e.at)].sort());
    }
  });
});

describe('Demo verification requests', () => {
  it('come from demo members who are not verified yet, each statement within the limits', () => {
    expect(requests.length).toBeGreaterThanOrEqual(3);
    for (const r of requests) {
      expect(experts.get(r.handle)?.cohorts, r.handle).toEqual([]);
      expect(staff[r.handle], r.handle).toBeUndefined();
      expect(r.statement.length).toBeGreaterThanOrEqual(VERIFICATION_LIMITS.statementMin);
      expect(r.statement.length).toBeLessThanOrEqual(VERIFICATION_LIMITS.statement);
    }
  });
});
