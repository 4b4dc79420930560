import type { RequestHandler } from 'express';
import type { Logger, Principal } from '@movement/runtime';
import { looksLikeApiKey, type ApiKeyStore } from './api-keys';
import type { BearerTokenVerifier } from './bearer-tokens';

/**
 * Turns the request's credentials into `res.locals.principal`: a partner API key in `x-api-key`
 * (or as `Authorization: Bearer mgk_…`), or a signed token in `Authorization: Bearer`. Anything
 * missing or invalid is answered 401 `UNAUTHENTICATED` here, before any GraphQL work; the
 * message never repeats what was presented.
 */
export function authenticate(options: { apiKeys: ApiKeyStore; bearerTokens: BearerTokenVerifier | undefined; logger: Logger }): RequestHandler {
  const refuse = (res: Parameters<RequestHandler>[1], message: string) => {
    res.status(401).setHeader('www-authenticate', 'Bearer realm="movement-graph"');
    res.json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
  };
  return async (req, res, next) => {
    const apiKeyHeader = req.header('x-api-key');
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.header('authorization') ?? '')?.[1];
    const presented = apiKeyHeader ?? bearer;
    if (!presented) {
      refuse(res, 'Credentials are required: a partner API key in `x-api-key`, or a bearer token in `Authorization`.');
      return;
    }
    let principal: Principal | null = null;
    try {
      if (apiKeyHeader !== undefined || looksLikeApiKey(presented)) principal = await options.apiKeys.authenticate(presented);
      else if (options.bearerTokens) principal = await options.bearerTokens.authenticate(presented);
    } catch (error) {
      options.logger.error({ err: error }, 'credentials could not be checked');
      res.status(503).json({ errors: [{ message: 'Credentials could not be checked; retry later.', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
      return;
    }
    if (!principal) {
      options.logger.info({ kind: apiKeyHeader !== undefined || looksLikeApiKey(presented) ? 'api key' : 'bearer token' }, 'invalid credentials refused');
      refuse(res, 'The credentials are not valid (unknown, revoked or expired).');
      return;
    }
    res.locals.principal = principal;
    next();
  };
}
