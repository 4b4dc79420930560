import cluster, { type Worker } from 'node:cluster';
import { LRUCache } from 'lru-cache';
import { RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Request counts of a gateway's workers kept in the primary, handed out in leases. Asking the
 * primary for every request (rate-limiter-flexible's cluster limiter) costs a message each way and
 * a wake of the primary per request — more CPU than the rest of a small query's path. Instead a
 * worker asks for a block of points (a lease) and counts it down itself; it asks again when the
 * block is spent, and a refusal lasts until the window resets without asking at all.
 *
 * The primary grants only points it still has in the key's window, so the workers together never
 * admit more than the limit. A block one worker holds unspent is not available to another, so a
 * partner at its limit may be refused a few requests early: a block is a hundredth of the limit,
 * and a single point for small limits, where every request is asked for as before.
 */

const leaseRequest = 'movement:rate-lease';
const leaseAnswer = 'movement:rate-lease-granted';

interface LeaseRequest {
  type: typeof leaseRequest;
  id: number;
  /** Namespace and key of the count, as `keyPrefix:key`. */
  key: string;
  points: number;
  durationMs: number;
  want: number;
}

interface LeaseAnswer {
  type: typeof leaseAnswer;
  id: number;
  granted: number;
  /** Points left in the window after this grant, for every worker together. */
  remaining: number;
  msBeforeNext: number;
}

const isRequest = (message: unknown): message is LeaseRequest => (message as { type?: unknown } | null)?.type === leaseRequest;
const isAnswer = (message: unknown): message is LeaseAnswer => (message as { type?: unknown } | null)?.type === leaseAnswer;

/** The points a worker asks for at once: a hundredth of the limit, at least one. */
export const leaseSize = (points: number): number => Math.max(1, Math.floor(points / 100));

/**
 * The primary's side: one fixed window per key, as rate-limiter-flexible's memory limiter counts
 * (it starts at the key's first request and lasts the duration), answering the workers' leases
 * until the function it returns is called. A window is forgotten when it ends.
 */
export function serveLeases(): () => void {
  // Each check reads the clock itself (no `ttlResolution`), so a window never outlives its end.
  const windows = new LRUCache<string, { used: number }>({ max: 100_000, ttlResolution: 0 });
  const answer = (worker: Worker, message: unknown) => {
    if (!isRequest(message)) return;
    let window = windows.get(message.key);
    if (!window) {
      window = { used: 0 };
      windows.set(message.key, window, { ttl: message.durationMs });
    }
    const granted = Math.max(0, Math.min(message.want, message.points - window.used));
    window.used += granted;
    const granting: LeaseAnswer = {
      type: leaseAnswer,
      id: message.id,
      granted,
      remaining: message.points - window.used,
      msBeforeNext: windows.getRemainingTTL(message.key),
    };
    if (worker.isConnected()) worker.send(granting);
  };
  cluster.on('message', answer);
  return () => cluster.off('message', answer);
}

/** What the rate limiter needs of a count: rate-limiter-flexible's `consume` contract. */
export interface RequestCounter {
  /** Resolves with the window's state when the request may pass, rejects with it when it may not. */
  consume(key: string): Promise<RateLimiterRes>;
}

interface Lease {
  /** Points of the block not yet spent by this worker. */
  left: number;
  /** What the primary had left for everyone else when it granted the block. */
  othersLeft: number;
  resetAt: number;
}

/** How long a worker waits for the primary's answer before letting the request through uncounted. */
const answerTimeoutMs = 1000;

/** A worker's side: counts `points` per `durationMs` per key in leases from the primary. */
export function leasedCounter(points: number, durationMs: number, keyPrefix: string): RequestCounter {
  // A lease per partner (or app) seen lately; one not used for long is only a block given up.
  const leases = new LRUCache<string, Lease>({ max: 10_000 });
  const asking = new Map<string, Promise<Lease>>();
  const waiting = new Map<number, (answer: LeaseAnswer) => void>();
  let next = 0;
  process.on('message', (message: unknown) => {
    if (!isAnswer(message)) return;
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  });

  // One request for a block per key at a time: the requests arriving meanwhile wait for its answer.
  const ask = (key: string): Promise<Lease> => {
    let pending = asking.get(key);
    if (!pending) {
      const id = (next += 1);
      pending = new Promise<Lease>((resolve, reject) => {
        if (!process.send) return reject(new Error('a leased count needs the primary of a gateway of workers'));
        // A primary that does not answer (busy, or stopping) must not hold requests: the rate
        // limiter lets a request through when its count fails, as when Redis is unreachable.
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`the gateway's primary did not grant a rate-limit lease within ${answerTimeoutMs} ms`));
        }, answerTimeoutMs);
        timer.unref();
        waiting.set(id, (answer) => {
          clearTimeout(timer);
          const lease = { left: answer.granted, othersLeft: answer.remaining, resetAt: Date.now() + answer.msBeforeNext };
          leases.set(key, lease);
          resolve(lease);
        });
        const request: LeaseRequest = { type: leaseRequest, id, key: `${keyPrefix}:${key}`, points, durationMs, want: leaseSize(points) };
        process.send(request);
      }).finally(() => asking.delete(key));
      asking.set(key, pending);
    }
    return pending;
  };

  return {
    async consume(key) {
      let lease = leases.get(key);
      // Each turn spends a point, refuses, or asks for a block (which the primary grants while it has points).
      for (;;) {
        const msBeforeNext = (lease?.resetAt ?? 0) - Date.now();
        if (!lease || msBeforeNext <= 0 || (lease.left === 0 && lease.othersLeft > 0)) {
          lease = await ask(key);
          continue;
        }
        // Nothing left here nor in the primary when the block was granted: refused until the window
        // resets. Rejected with the window's state, as rate-limiter-flexible's limiters reject.
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- the library's contract, which the rate limiter reads
        if (lease.left === 0) throw new RateLimiterRes(0, msBeforeNext, points + 1, false);
        lease.left -= 1;
        const remaining = lease.left + lease.othersLeft;
        return new RateLimiterRes(remaining, msBeforeNext, points - remaining, false);
      }
    },
  };
}
