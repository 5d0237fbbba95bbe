// What `npm run seed [-- --reset [--confirm-production]]` does, apart from opening the database.
import { parseArgs } from 'node:util';
import type { Config } from '../server/config.ts';
import { demoDataDecision, loadDemoData, loadReferenceData, type SyncReport } from './load.ts';

export const SEED_USAGE = 'Usage: npm run seed [-- --reset [--confirm-production]]';

/** A seed the command refuses to run: its message says why and what to do; nothing was written. */
export class SeedRefusedError extends Error {}

/** The loud line a reset prints before it writes anything. */
export const RESET_WARNING =
  'RESET: putting the demo back as shipped. Demo replies people removed come back; locks, edits and edit histories of demo threads, ' +
  'replies and practices are undone; demo people get their demo profile, role and password back; counters of demo records are recounted. ' +
  'What people wrote themselves stays.';

/**
 * Loads the reference data (always brought to the shipped version: nothing in the app edits it)
 * and, as DEMO_DATA allows (see demoDataDecision), the demo: missing demo records only, or with
 * `--reset` the demo as shipped. A reset in production also needs `--confirm-production`.
 * Returns what it did to each collection.
 */
export async function runSeed(argv: string[], config: Pick<Config, 'NODE_ENV' | 'DEMO_DATA'>, say: (line: string) => void): Promise<SyncReport[]> {
  let reset = false;
  let confirmed = false;
  try {
    const { values } = parseArgs({ args: argv, options: { reset: { type: 'boolean' }, 'confirm-production': { type: 'boolean' } }, strict: true, allowPositionals: false });
    reset = values.reset ?? false;
    confirmed = values['confirm-production'] ?? false;
  } catch (error) {
    throw new SeedRefusedError(`${(error as Error).message}\n${SEED_USAGE}`);
  }
  const demo = demoDataDecision(config, 'seed command');
  if (reset && !demo.load) {
    throw new SeedRefusedError(`--reset refused: ${demo.note ?? `DEMO_DATA=${config.DEMO_DATA} leaves the demo data out`}. Nothing was changed.`);
  }
  if (reset && config.NODE_ENV === 'production' && !confirmed) {
    throw new SeedRefusedError('--reset refused: NODE_ENV=production. A reset overwrites demo records people may have changed; add --confirm-production to do it anyway. Nothing was changed.');
  }
  const reports = await loadReferenceData();
  if (reset) {
    say(RESET_WARNING);
    reports.push(...(await loadDemoData({ reset: true })));
  } else if (demo.load) {
    reports.push(...(await loadDemoData()));
  } else {
    say(demo.note ?? `Demo data not loaded: DEMO_DATA=${config.DEMO_DATA}.`);
  }
  return reports;
}
