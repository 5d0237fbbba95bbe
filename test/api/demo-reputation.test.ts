import { beforeAll, describe, expect, it } from 'vitest';
import { repairReputations } from '../../schema/counters.ts';
import { Expert } from '../../schema/expert/model.ts';
import { loadDemoData, loadReferenceData } from '../../seeds/load.ts';
import { useTestDatabase } from '../helpers/database.ts';

useTestDatabase();
beforeAll(async () => {
  await loadReferenceData();
  await loadDemoData();
});

describe('The demo’s reputation', () => {
  it('is what its votes, acceptances and endorsements earn, from the first load, and a second load keeps it', async () => {
    // khanhpq's answer on the national monitoring question is accepted with 9 votes: 15 + 90 at least.
    const reputationOf = async (handle: string) => (await Expert.findOne({ handle }, { reputation: 1 }).lean())!.reputation;
    expect(await reputationOf('khanhpq')).toBeGreaterThanOrEqual(105);
    expect(await repairReputations({ settleMs: 0 })).toBe(0);
    const before = await reputationOf('khanhpq');
    await loadDemoData();
    expect(await reputationOf('khanhpq')).toBe(before);
    expect(await repairReputations({ settleMs: 0 })).toBe(0);
  });
});
