import type { Request, RequestHandler, Response } from 'express';
import { errorBody, type Logger, type Principal } from '@movement/runtime';
import { keyIdOf, looksLikeApiKey, type ApiKeyStore } from './api-keys';
import type { BearerTokenVerifier } from './bearer-tokens';
import type { FailedAuthentication } from './failed-authentication';

/** The client's address as the gateway sees it (behind `TRUST_PROXY` hops, the one they name). */
const addressOf = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

/**
 * Turns the request's credentials into `res.locals.principal` (and `res.locals.trustedDocumentsOnly`,
 * whether the credentials may run only the manifest's trusted documents): a partner API key in `x-api-key`
 * (or as `Authorization: Bearer mgk_…`), or a signed token in `Authorization: Bearer`. Anything
 * missing or invalid is answered 401 `UNAUTHENTICATED` here, before any GraphQL work; the
 * message never repeats what was presented. Each refusal is logged with the client's address and
 * the key id (never the secret) and counted: an address or key id with too many refusals in a
 * minute gets 429 `RATE_LIMITED` until the minute is over.
 */
export function authenticate(options: {
  apiKeys: ApiKeyStore;
  bearerTokens: BearerTokenVerifier | undefined;
  failures: FailedAuthentication;
  logger: Logger;
}): RequestHandler {
  const refuse = (res: Response, message: string) => {
    res.status(401).setHeader('www-authenticate', 'Bearer realm="movement-graph"');
    res.json(errorBody('UNAUTHENTICATED', message));
  };
  return async (req, res, next) => {
    const apiKeyHeader = req.header('x-api-key');
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.header('authorization') ?? '')?.[1];
    const presented = apiKeyHeader ?? bearer;
    if (!presented) {
      refuse(res, 'Credentials are required: a partner API key in `x-api-key`, or a bearer token in `Authorization`.');
      return;
    }
    const address = addressOf(req);
    const isKey = apiKeyHeader !== undefined || looksLikeApiKey(presented);
    const keyId = isKey ? keyIdOf(presented) : null;
    const retryAfter = await options.failures.retryAfter(address, keyId);
    if (retryAfter > 0) {
      options.logger.warn({ address, keyId }, 'credentials not checked: too many refused from this address or for this key');
      res.status(429).setHeader('Retry-After', String(retryAfter));
      res.json(errorBody('RATE_LIMITED', `Too many refused credentials; retry in ${retryAfter} s.`, { retryAfter }));
      return;
    }
    let principal: Principal | null = null;
    let trustedDocumentsOnly = false;
    let reason = 'invalid token';
    try {
      if (isKey) {
        const verified = await options.apiKeys.verify(presented);
        if ('principal' in verified) ({ principal, trustedDocumentsOnly } = verified);
        else reason = verified.refused;
      } else if (options.bearerTokens) {
        const verified = await options.bearerTokens.verify(presented);
        if (verified) ({ principal, trustedDocumentsOnly } = verified);
      }
    } catch (error) {
      options.logger.error({ err: error, address, keyId }, 'credentials could not be checked');
      res.status(503).json(errorBody('SERVICE_UNAVAILABLE', 'Credentials could not be checked; retry later.'));
      return;
    }
    if (!principal) {
      await options.failures.failed(address, keyId);
      options.logger.warn({ kind: isKey ? 'api key' : 'bearer token', keyId, address, reason }, 'invalid credentials refused');
      refuse(res, 'The credentials are not valid (unknown, revoked or expired).');
      return;
    }
    res.locals.principal = principal;
    res.locals.trustedDocumentsOnly = trustedDocumentsOnly;
    next();
  };
}
