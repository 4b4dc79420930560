import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Logger } from '@movement/runtime';
import type { CounterStore } from '../limits/rate-limit';

/**
 * Refused credentials, counted per client address and per key id over a minute. Past the limit
 * the address (or the key id) is held back before its credentials are even checked, so someone
 * guessing learns nothing more until the minute is over, and a flood of bad attempts costs no
 * access-database lookups.
 */
export interface FailedAuthentication {
  /** Seconds until the address and the key id may both try again; 0 when neither is held back. */
  retryAfter(address: string, keyId: string | null): Promise<number>;
  /** Counts one refusal against the address and the key id. */
  failed(address: string, keyId: string | null): Promise<void>;
}

const keysOf = (address: string, keyId: string | null) => [`address:${address}`, ...(keyId ? [`key:${keyId}`] : [])];

/** Failures allowed per minute (`AUTH_FAILURES_PER_MINUTE`; 0 turns the limit off), counted in `counters`. */
export function failedAuthentication(perMinute: number, counters: CounterStore, logger: Logger): FailedAuthentication {
  if (perMinute === 0) return { retryAfter: async () => 0, failed: async () => undefined };
  const limiter: RateLimiterAbstract = counters.limiter(perMinute, 'gateway-auth-failures');
  return {
    async retryAfter(address, keyId) {
      try {
        const counts = await Promise.all(keysOf(address, keyId).map((key) => limiter.get(key)));
        const held = counts.filter((count) => count !== null && count.consumedPoints >= perMinute);
        return held.length === 0 ? 0 : Math.max(...held.map((count) => Math.ceil(count!.msBeforeNext / 1000)), 1);
      } catch (error) {
        // A failing counter store must not lock every caller out: credentials are still checked.
        logger.error({ err: error }, 'failed-authentication count unavailable');
        return 0;
      }
    },
    async failed(address, keyId) {
      // consume rejects once a key is past the limit; that is the state retryAfter reads, not an error.
      await Promise.all(keysOf(address, keyId).map((key) => limiter.consume(key).catch(() => undefined)));
    },
  };
}
