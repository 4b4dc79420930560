import type { Request, RequestHandler, Response } from 'express';
import { Redis } from 'ioredis';
import { RateLimiterCluster, RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { errorBody, type Logger } from '@movement/runtime';
import type { LimitsConfig } from './environment';
import { leasedCounter, type RequestCounter } from './leased-counts';

export interface RateLimiterOptions {
  /** Namespace of the counters; instances that must agree use the same one. Default `gateway-rate`. */
  keyPrefix?: string;
  /** Counters to share (one Redis connection for every limiter of the gateway); opened for this limiter alone when absent. */
  counters?: CounterStore;
}

/** What counting one request decided: the headers every answer carries, and the refusal when past the limit. */
export interface RateLimitVerdict {
  headers: Record<string, string>;
  refusal?: { status: 429; body: unknown };
}

/** Counts requests per key over a one-minute window. */
export interface RateLimiter {
  /** Where the counts live: `redis` is shared by every gateway instance configured with the same URL. */
  readonly store: 'memory' | 'redis';
  /**
   * Middleware counting each request against `keyOf(req, res)` (the partner, app or admin making it).
   * Every answer carries `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` (seconds) and
   * `RateLimit-Policy`; a request past the limit gets HTTP 429, `Retry-After` and a GraphQL-shaped
   * body with `extensions.code` `RATE_LIMITED`, and goes no further.
   */
  rateLimit(keyOf: (req: Request, res: Response) => string): RequestHandler;
  /** Counts one request against `key`, for a handler outside express; null when there is no limit to report. */
  check(key: string): Promise<RateLimitVerdict | null>;
  /** Disconnects from Redis, if used. */
  close(): Promise<void>;
}

/** Where the gateway's counters live: Redis when configured, with memory standing in while it is unreachable. */
export interface CounterStore {
  readonly store: 'memory' | 'redis';
  /** A counter of `points` per one-minute window per key, under its own namespace. */
  limiter(points: number, keyPrefix: string): RateLimiterAbstract;
  /**
   * The counter of requests per partner, asked on every request: `limiter`'s, except in a worker
   * counting in memory, where the primary's counts are leased in blocks (see leased-counts.ts).
   */
  requests(points: number, keyPrefix: string): RequestCounter;
  close(): Promise<void>;
}

const windowSeconds = 60;

/**
 * Opens the counters' store. With `REDIS_URL`, counts are shared so several gateway instances
 * agree; while Redis cannot be reached each instance counts in memory (the library's insurance
 * limiter), so an outage of Redis never becomes an outage of the API. `workers`: this process is
 * one of a gateway's workers, whose memory counts are kept in the primary (see workers.ts).
 */
export async function openCounterStore(redisUrl: string | undefined, logger: Logger, options: { workers?: boolean } = {}): Promise<CounterStore> {
  // In a worker of a gateway of several processes, "memory" is the primary's: one count for all of them.
  const inMemory = (points: number, keyPrefix: string): RateLimiterAbstract =>
    options.workers
      ? new RateLimiterCluster({ points, duration: windowSeconds, keyPrefix })
      : new RateLimiterMemory({ points, duration: windowSeconds, keyPrefix });
  if (!redisUrl) {
    const requests = (points: number, keyPrefix: string): RequestCounter =>
      options.workers ? leasedCounter(points, windowSeconds * 1000, keyPrefix) : inMemory(points, keyPrefix);
    return { store: 'memory', limiter: inMemory, requests, close: async () => undefined };
  }
  // No offline queue: a request must not wait for Redis to come back, it falls to memory instead.
  // No disconnect grace: the client is dropped only when it has no live connection to end
  // (see close), and ioredis would otherwise keep a 2 s timer for a socket already closed.
  const client = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, disconnectTimeout: 0 });
  const where = redactedUrl(redisUrl);
  await new Promise<void>((resolve) => {
    const settle = (error?: Error) => {
      client.off('ready', settle);
      client.off('error', settle);
      if (error) logger.warn({ redis: where, err: error }, 'rate limit store unreachable; counting in memory until it answers');
      resolve();
    };
    client.once('ready', settle);
    client.once('error', settle);
  });
  // ioredis reconnects by itself; without a listener its errors would be unhandled events.
  client.on('error', (error: Error) => logger.warn({ redis: where, err: error }, 'rate limit store error'));
  const limiter = (points: number, keyPrefix: string): RateLimiterAbstract =>
    new RateLimiterRedis({
      storeClient: client,
      points,
      duration: windowSeconds,
      keyPrefix,
      rejectIfRedisNotReady: true,
      insuranceLimiter: inMemory(points, keyPrefix),
    });
  return {
    store: 'redis',
    limiter,
    requests: limiter,
    close: async () => {
      // quit waits for pending replies; a client that never connected can only be dropped.
      if (client.status === 'ready') await client.quit();
      else client.disconnect();
    },
  };
}

/** Builds the request limiter from `RATE_LIMIT_PER_MINUTE`, counting in `options.counters` or a store of its own. */
export async function createRateLimiter(
  config: Pick<LimitsConfig, 'rateLimitPerMinute' | 'redisUrl'>,
  logger: Logger,
  options: RateLimiterOptions = {},
): Promise<RateLimiter> {
  const points = config.rateLimitPerMinute;
  const keyPrefix = options.keyPrefix ?? 'gateway-rate';
  const owned = options.counters ? undefined : await openCounterStore(points > 0 ? config.redisUrl : undefined, logger);
  const counters = options.counters ?? owned!;
  const limiter = counters.requests(points, keyPrefix);

  const headersOf = (result: RateLimiterRes): Record<string, string> => ({
    'RateLimit-Limit': String(points),
    'RateLimit-Remaining': String(Math.max(result.remainingPoints, 0)),
    'RateLimit-Reset': String(Math.ceil(result.msBeforeNext / 1000)),
    'RateLimit-Policy': `${points};w=${windowSeconds}`,
  });

  const check = async (key: string): Promise<RateLimitVerdict | null> => {
    if (points === 0) return null;
    try {
      return { headers: headersOf(await limiter.consume(key)) };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) {
        // Only a store failure lands here (the insurance limiter normally absorbs them): serve
        // rather than refuse every caller because the counter is unavailable.
        logger.error({ err: rejection }, 'rate limit check failed; request let through');
        return null;
      }
      const retryAfter = Math.max(Math.ceil(rejection.msBeforeNext / 1000), 1);
      return {
        headers: { ...headersOf(rejection), 'Retry-After': String(retryAfter) },
        refusal: {
          status: 429,
          body: errorBody('RATE_LIMITED', `Rate limit of ${points} requests per minute reached; retry in ${retryAfter} s.`, { limit: points, retryAfter }),
        },
      };
    }
  };

  return {
    store: counters.store,
    check,
    rateLimit(keyOf) {
      if (points === 0) return (_req, _res, next) => next();
      return async (req, res, next) => {
        const verdict = await check(keyOf(req, res));
        if (verdict) for (const [name, value] of Object.entries(verdict.headers)) res.setHeader(name, value);
        if (verdict?.refusal) {
          res.status(verdict.refusal.status).json(verdict.refusal.body);
          return;
        }
        next();
      };
    },
    async close() {
      await owned?.close();
    },
  };
}

/** The URL without its password, safe to log. */
function redactedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
