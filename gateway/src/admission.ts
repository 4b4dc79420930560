import type { RequestHandler } from 'express';
import type { Logger } from '@movement/runtime';
import type { ApiKeyStore } from './auth/api-keys';
import { authenticate } from './auth/authenticate';
import type { BearerTokenVerifier } from './auth/bearer-tokens';
import { failedAuthentication } from './auth/failed-authentication';
import type { GatewayContext } from './context';
import { createRateLimiter, openCounterStore, type LimitsConfig } from './limits';

/** Who may send a request, and how often: the stages every request to the graph or its schema passes. */
export interface Admission {
  /** Sets `res.locals.principal` from the credentials, or answers 401 (429 after too many refused). */
  authenticated: RequestHandler;
  /** Answers 429 past the principal's share of `RATE_LIMIT_PER_MINUTE`. */
  rateLimited: RequestHandler;
  close(): Promise<void>;
}

/**
 * Authentication and the rate limits, counting in one store (Redis when `REDIS_URL` is set, so
 * that replicas share their counts): refused credentials per address and key id, requests per partner.
 */
export async function openAdmission(options: {
  limits: LimitsConfig;
  apiKeys: ApiKeyStore;
  bearerTokens: BearerTokenVerifier | undefined;
  logger: Logger;
}): Promise<Admission> {
  const { limits, logger } = options;
  const counters = await openCounterStore(limits.redisUrl, logger);
  const failures = failedAuthentication(limits.authFailuresPerMinute, counters, logger);
  const rateLimiter = await createRateLimiter(limits, logger, { counters });
  return {
    authenticated: authenticate({ apiKeys: options.apiKeys, bearerTokens: options.bearerTokens, failures, logger }),
    // Per partner (or per app or admin acting for none), so one partner's burst cannot starve another.
    rateLimited: rateLimiter.rateLimit((_req, res) => {
      const principal = res.locals.principal as GatewayContext['principal'];
      return principal.partnerId ?? principal.subject;
    }),
    close: async () => {
      await rateLimiter.close();
      await counters.close();
    },
  };
}
