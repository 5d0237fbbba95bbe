// The demo's replications (seeds/data/replications.json): provinces that adopted other provinces' practices.
import { Replication } from '../schema/replication/model.ts';
import { demoExpertId, readOptionalData, stableId } from './records.ts';
import { addMissingUnits, type DemoUnit, resetUnits, type SyncReport } from './sync.ts';

export interface ReplicationRecord {
  /** The practice's key in practices.json. */
  practice: string;
  /** The adopting organisation's slug: a current one, other than the practice's. */
  organization: string;
  /** A current place code. */
  place: string;
  year: number;
  month: number;
  changes: string;
  result: string;
  /** The handle of the verified member of that organisation who recorded it. */
  recordedBy: string;
  recordedAt: string;
}

/**
 * Adds the demo replications that are missing (or, with `reset`, puts them back as shipped). Each
 * is a unit of its own, keyed like the API's (practice id and organisation).
 */
export async function loadDemoReplications(options: { reset?: boolean } = {}): Promise<SyncReport[]> {
  const units: DemoUnit[] = readOptionalData<ReplicationRecord>('replications.json').map((r) => {
    const practice = stableId('practice', r.practice);
    const recordedAt = new Date(r.recordedAt);
    return {
      head: {
        _id: `${String(practice)}:${r.organization}`,
        practice,
        organization: r.organization,
        place: r.place,
        year: r.year,
        month: r.month,
        changes: r.changes,
        result: r.result,
        recordedBy: demoExpertId(r.recordedBy),
        version: 1,
        createdAt: recordedAt,
        updatedAt: recordedAt,
      },
      parts: [],
    };
  });
  return options.reset ? resetUnits(Replication, units) : addMissingUnits(Replication, units);
}
