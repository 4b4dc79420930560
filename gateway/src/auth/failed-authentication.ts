import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
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

/** How the processes of one gateway tell each other which addresses and key ids are held back, and until when (epoch ms). */
export interface HeldBackChannel {
  announce(keys: string[], untilMs: number): void;
  onAnnounced(listener: (keys: string[], untilMs: number) => void): void;
}

/**
 * Failures allowed per minute (`AUTH_FAILURES_PER_MINUTE`; 0 turns the limit off), counted in
 * `counters`. With `channel` (the workers of one gateway, whose counts are kept in the primary)
 * a refusal is still counted there, but whether a caller is held back is known in each worker:
 * the worker whose count crosses the limit tells the others, so checking the credentials of
 * every request asks no other process.
 */
export function failedAuthentication(perMinute: number, counters: CounterStore, logger: Logger, channel?: HeldBackChannel): FailedAuthentication {
  if (perMinute === 0) return { retryAfter: async () => 0, failed: async () => undefined };
  const limiter: RateLimiterAbstract = counters.limiter(perMinute, 'gateway-auth-failures');
  if (channel) return heldBackLocally(perMinute, limiter, channel);
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

function heldBackLocally(perMinute: number, limiter: RateLimiterAbstract, channel: HeldBackChannel): FailedAuthentication {
  const heldUntil = new Map<string, number>();
  const hold = (keys: string[], untilMs: number) => {
    for (const key of keys) heldUntil.set(key, Math.max(heldUntil.get(key) ?? 0, untilMs));
  };
  channel.onAnnounced(hold);
  return {
    async retryAfter(address, keyId) {
      const now = Date.now();
      let until = 0;
      for (const key of keysOf(address, keyId)) {
        const held = heldUntil.get(key);
        if (held === undefined) continue;
        if (held <= now) heldUntil.delete(key);
        else until = Math.max(until, held);
      }
      return until === 0 ? 0 : Math.max(Math.ceil((until - now) / 1000), 1);
    },
    async failed(address, keyId) {
      const counted = await Promise.all(
        keysOf(address, keyId).map(async (key) => {
          // consume rejects once a key is past the limit: that is a count, not an error.
          const count = await limiter.consume(key).catch((rejection: unknown) => (rejection instanceof RateLimiterRes ? rejection : null));
          return count && count.consumedPoints >= perMinute ? { key, untilMs: Date.now() + count.msBeforeNext } : null;
        }),
      );
      for (const held of counted) {
        if (!held) continue;
        hold([held.key], held.untilMs);
        channel.announce([held.key], held.untilMs);
      }
    },
  };
}
