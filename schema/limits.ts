import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from './errors.ts';

/*
 * Rate limits, kept in this process's memory (several processes each keep their own).
 * Sign-in: 6 attempts a minute and 30 an hour, per address and per account; passing either
 * limit blocks for longer (a minute, then an hour), so the delay grows with persistence.
 * Discourse's defaults were the reference.
 */
const create = () => ({
  signInPerAddress: new RateLimiterMemory({ points: 6, duration: 60, blockDuration: 60 }),
  signInPerAddressHourly: new RateLimiterMemory({ points: 30, duration: 3600, blockDuration: 3600 }),
  signInPerAccount: new RateLimiterMemory({ points: 6, duration: 60, blockDuration: 60 }),
  signInPerAccountHourly: new RateLimiterMemory({ points: 30, duration: 3600, blockDuration: 3600 }),
  signUpPerAddress: new RateLimiterMemory({ points: 10, duration: 3600 }),
  /** Every mutation field (aliases counted one by one), per person or, signed out, per address. */
  writes: new RateLimiterMemory({ points: 60, duration: 60 }),
});

let limiters = create();
export type LimitName = keyof ReturnType<typeof create>;

/** Spends `points` of a limit for `key`, or throws RateLimitedError saying how long to wait. */
export async function spend(name: LimitName, key: string, points = 1): Promise<void> {
  try {
    await limiters[name].consume(key, points);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new RateLimitedError(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
    throw error;
  }
}

/** Forgets every count; for tests, which start each case with a clean slate. */
export function resetRateLimits(): void {
  limiters = create();
}
