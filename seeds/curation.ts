// What waits for the demo's curators: practices in review (seeds/data/review-queue.json) and
// members asking to be recognised (seeds/data/verification-requests.json), so that a person
// trying the curator role has work on the desk.
import { AuditEntry } from '../schema/audit/model.ts';
import { Practice } from '../schema/practice/model.ts';
import { ReviewClaim, ReviewComment, ReviewEvent } from '../schema/review/model.ts';
import { VerificationRequest } from '../schema/verification/model.ts';
import { caseRecordFields } from './case-record.ts';
import { demoExpertId, type PracticeRecord, readOptionalData, stableId } from './records.ts';
import { addMissingUnits, type DemoUnit, resetUnits, type SyncReport, sync } from './sync.ts';

/** A practice in review: the case record as the demo practices have it, and where its review stands. */
export interface ReviewQueueRecord extends Omit<PracticeRecord, 'links' | 'publishedAt' | 'featured'> {
  status: 'submitted' | 'returned';
  submittedAt: string;
  returnReason?: string;
  /** A curator's claim (by handle) with the checks ticked so far. */
  claim?: { curator: string; claimedAt: string; checklist: string[] };
  comments?: { section: string; author: string; at: string; body: string }[];
  events: { kind: string; actor: string; at: string; reason?: string; checklist?: string[] }[];
}

export interface VerificationRequestRecord {
  handle: string;
  statement: string;
  cohort: string | null;
  createdAt: string;
}

/** The practices in review, each a unit with its claim, comments and history. */
export async function loadDemoReviewQueue(options: { reset?: boolean } = {}): Promise<SyncReport[]> {
  const units: DemoUnit[] = readOptionalData<ReviewQueueRecord>('review-queue.json').map((p) => {
    const id = stableId('practice', p.key);
    const submittedAt = new Date(p.submittedAt);
    const decidedAt = p.status === 'returned' ? new Date(p.events.at(-1)!.at) : submittedAt;
    return {
      head: {
        _id: id,
        ...caseRecordFields(p),
        links: [],
        status: p.status,
        returnReason: p.returnReason ?? '',
        submittedAt,
        createdAt: new Date(submittedAt.getTime() - 86_400_000),
        updatedAt: decidedAt,
      },
      parts: [
        // The curators' steps are in the audit log too, as real ones are.
        [
          AuditEntry,
          p.events
            .filter((e) => e.kind !== 'submitted')
            .map((e, i) => ({
              _id: stableId('audit', `${p.key}/${i}`),
              action: `practice.${e.kind}`,
              actor: demoExpertId(e.actor),
              subject: demoExpertId(p.authors[0]!),
              practice: id,
              reason: e.kind === 'returned' ? (p.returnReason ?? '') : '',
              createdAt: new Date(e.at),
            })),
        ],
        [ReviewClaim, p.claim ? [{ practice: id, curator: demoExpertId(p.claim.curator), claimedAt: new Date(p.claim.claimedAt), checklist: p.claim.checklist }] : []],
        [
          ReviewComment,
          (p.comments ?? []).map((c, i) => ({
            _id: stableId('review-comment', `${p.key}/${i}`),
            practice: id,
            section: c.section,
            body: c.body,
            author: demoExpertId(c.author),
            createdAt: new Date(c.at),
          })),
        ],
        [
          ReviewEvent,
          p.events.map((e, i) => ({
            _id: stableId('review-event', `${p.key}/${i}`),
            practice: id,
            kind: e.kind,
            actor: demoExpertId(e.actor),
            reason: e.kind === 'returned' ? (p.returnReason ?? '') : (e.reason ?? ''),
            checklist: e.checklist ?? [],
            // A decision's wait counts towards the desk's median, as a real one does.
            waitedMs: e.kind === 'returned' || e.kind === 'published' ? new Date(e.at).getTime() - submittedAt.getTime() : null,
            createdAt: new Date(e.at),
          })),
        ],
      ],
    };
  });
  return options.reset ? resetUnits(Practice, units) : addMissingUnits(Practice, units);
}

/**
 * Members' open requests to be recognised. Added when missing; a reset puts back their words but
 * keeps a curator's decision taken since (the member stays verified, see loadDemoPeople).
 */
export async function loadDemoVerificationRequests(options: { reset?: boolean } = {}): Promise<SyncReport[]> {
  const docs = readOptionalData<VerificationRequestRecord>('verification-requests.json').map((r) => ({
    _id: stableId('verification-request', r.handle),
    expert: demoExpertId(r.handle),
    statement: r.statement,
    cohort: r.cohort,
    status: 'pending',
    createdAt: new Date(r.createdAt),
    updatedAt: new Date(r.createdAt),
  }));
  const units: DemoUnit[] = docs.map((head) => ({ head, parts: [] }));
  if (!options.reset) return addMissingUnits(VerificationRequest, units);
  return [await sync(VerificationRequest, docs, (stored) => (stored.status === 'pending' ? [] : ['status', 'decidedBy', 'decidedAt', 'reason']))];
}
