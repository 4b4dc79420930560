import type { IncomingHttpHeaders } from 'node:http';
import type { Request, RequestHandler } from 'express';
import { errorBody, type Logger, type Principal } from '@movement/runtime';
import { keyIdOf, looksLikeApiKey, type ApiKeyStore } from './api-keys';
import type { BearerTokenVerifier } from './bearer-tokens';
import type { FailedAuthentication } from './failed-authentication';

/** The client's address as the gateway sees it (behind `TRUST_PROXY` hops, the one they name). */
const addressOf = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

export interface AuthenticationOptions {
  apiKeys: ApiKeyStore;
  bearerTokens: BearerTokenVerifier | undefined;
  failures: FailedAuthentication;
  logger: Logger;
}

/** Who the credentials name, or the answer that refuses them. */
export type Authentication =
  { principal: Principal; trustedDocumentsOnly: boolean } | { refusal: { status: 401 | 429 | 503; headers: Record<string, string>; body: unknown } };

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Checks a request's credentials: a partner API key in `x-api-key` (or as `Authorization: Bearer
 * mgk_…`), or a signed token in `Authorization: Bearer`. Anything missing or invalid is refused
 * 401 `UNAUTHENTICATED`, before any GraphQL work; the message never repeats what was presented.
 * Each refusal is logged with the client's address and the key id (never the secret) and counted:
 * an address or key id with too many refusals in a minute gets 429 `RATE_LIMITED` until the
 * minute is over. `trustedDocumentsOnly` says whether the credentials may run only the manifest's
 * trusted documents.
 */
export function authenticator(options: AuthenticationOptions): (headers: IncomingHttpHeaders, address: string) => Promise<Authentication> {
  const unauthenticated = (message: string): Authentication => ({
    refusal: { status: 401, headers: { 'www-authenticate': 'Bearer realm="movement-graph"' }, body: errorBody('UNAUTHENTICATED', message) },
  });
  return async (headers, address) => {
    const apiKeyHeader = single(headers['x-api-key']);
    const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
    const presented = apiKeyHeader ?? bearer;
    if (!presented) return unauthenticated('Credentials are required: a partner API key in `x-api-key`, or a bearer token in `Authorization`.');
    const isKey = apiKeyHeader !== undefined || looksLikeApiKey(presented);
    const keyId = isKey ? keyIdOf(presented) : null;
    const retryAfter = await options.failures.retryAfter(address, keyId);
    if (retryAfter > 0) {
      options.logger.warn({ address, keyId }, 'credentials not checked: too many refused from this address or for this key');
      return {
        refusal: {
          status: 429,
          headers: { 'Retry-After': String(retryAfter) },
          body: errorBody('RATE_LIMITED', `Too many refused credentials; retry in ${retryAfter} s.`, { retryAfter }),
        },
      };
    }
    let reason = 'invalid token';
    try {
      if (isKey) {
        const verified = await options.apiKeys.verify(presented);
        if ('principal' in verified) return { principal: verified.principal, trustedDocumentsOnly: verified.trustedDocumentsOnly };
        reason = verified.refused;
      } else if (options.bearerTokens) {
        const verified = await options.bearerTokens.verify(presented);
        if (verified) return verified;
      }
    } catch (error) {
      options.logger.error({ err: error, address, keyId }, 'credentials could not be checked');
      return { refusal: { status: 503, headers: {}, body: errorBody('SERVICE_UNAVAILABLE', 'Credentials could not be checked; retry later.') } };
    }
    await options.failures.failed(address, keyId);
    options.logger.warn({ kind: isKey ? 'api key' : 'bearer token', keyId, address, reason }, 'invalid credentials refused');
    return unauthenticated('The credentials are not valid (unknown, revoked or expired).');
  };
}

/**
 * Express middleware over `authenticator`: the principal goes to `res.locals.principal` (and
 * `res.locals.trustedDocumentsOnly`), a refusal is answered here.
 */
export function authenticate(options: AuthenticationOptions): RequestHandler {
  const check = authenticator(options);
  return async (req, res, next) => {
    const outcome = await check(req.headers, addressOf(req));
    if ('refusal' in outcome) {
      res.status(outcome.refusal.status);
      for (const [name, value] of Object.entries(outcome.refusal.headers)) res.setHeader(name, value);
      res.json(outcome.refusal.body);
      return;
    }
    res.locals.principal = outcome.principal;
    res.locals.trustedDocumentsOnly = outcome.trustedDocumentsOnly;
    next();
  };
}
