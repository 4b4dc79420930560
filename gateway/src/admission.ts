import type { IncomingHttpHeaders } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from '@movement/runtime';
import type { ApiKeyStore } from './auth/api-keys';
import { authenticate, authenticator, type Authentication } from './auth/authenticate';
import type { BearerTokenVerifier } from './auth/bearer-tokens';
import { failedAuthentication } from './auth/failed-authentication';
import type { GatewayContext } from './context';
import { createRateLimiter, openCounterStore, type LimitsConfig, type RateLimitVerdict } from './limits';
import type { WorkerLink } from './workers';

/** Who may send a request, and how often: the stages every request to the graph or its schema passes. */
export interface Admission {
  /** Sets `res.locals.principal` from the credentials, or answers 401 (429 after too many refused). */
  authenticated: RequestHandler;
  /** Answers 429 past the principal's share of `RATE_LIMIT_PER_MINUTE`. */
  rateLimited: RequestHandler;
  /** The same two checks for a request served outside express (the lean `/graphql` path). */
  authenticate(headers: IncomingHttpHeaders, address: string): Promise<Authentication>;
  rateLimit(principal: GatewayContext['principal']): Promise<RateLimitVerdict | null>;
  close(): Promise<void>;
}

/** Per partner (or per app or admin acting for none), so one partner's burst cannot starve another. */
const rateLimitKey = (principal: GatewayContext['principal']) => principal.partnerId ?? principal.subject;

/**
 * Authentication and the rate limits, counting in one store (Redis when `REDIS_URL` is set, so
 * that replicas share their counts; the cluster's primary when this process is one of several
 * workers without Redis): refused credentials per address and key id, requests per partner.
 */
export async function openAdmission(options: {
  limits: LimitsConfig;
  apiKeys: ApiKeyStore;
  bearerTokens: BearerTokenVerifier | undefined;
  logger: Logger;
  /** The other workers serving the same port, when this process is one of them. */
  siblings?: WorkerLink;
}): Promise<Admission> {
  const { limits, logger, siblings } = options;
  const counters = await openCounterStore(limits.redisUrl, logger, { workers: siblings !== undefined });
  // Workers without Redis share their counts through the primary; whether a caller is held back each knows itself.
  const failures = failedAuthentication(
    limits.authFailuresPerMinute,
    counters,
    logger,
    siblings && counters.store === 'memory' ? siblings.heldBack : undefined,
  );
  const authentication = { apiKeys: options.apiKeys, bearerTokens: options.bearerTokens, failures, logger };
  const rateLimiter = await createRateLimiter(limits, logger, { counters });
  return {
    authenticated: authenticate(authentication),
    rateLimited: rateLimiter.rateLimit((_req, res) => rateLimitKey(res.locals.principal as GatewayContext['principal'])),
    authenticate: authenticator(authentication),
    rateLimit: (principal) => rateLimiter.check(rateLimitKey(principal)),
    close: async () => {
      await rateLimiter.close();
      await counters.close();
    },
  };
}
