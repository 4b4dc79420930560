import type { RequestHandler } from 'express';
import { errorBody } from '@movement/runtime';
import type { AccessEnforcingGateway } from '../access/enforcing-gateway';
import type { GatewayContext } from '../context';

/** `/schema.graphql`: the schema as the caller's scopes see it, for codegen in partners' own repositories. */
export function visibleSchemaSdl(gateway: AccessEnforcingGateway): RequestHandler {
  return (_req, res) => {
    const visible = gateway.visibleSchema((res.locals.principal as GatewayContext['principal']).scopes);
    if (!visible) {
      res.status(503).json(errorBody('SERVICE_UNAVAILABLE', 'The schema is not loaded yet; retry shortly.'));
      return;
    }
    res.type('text/plain').setHeader('cache-control', 'private, no-cache');
    res.vary('authorization').vary('x-api-key');
    res.send(visible.sdl());
  };
}
