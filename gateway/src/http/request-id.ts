import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';

const requestIdPattern = /^[\w.:-]{1,128}$/;

/**
 * A request's id, that its logs and subgraph requests carry: the caller's own `x-request-id`
 * when it has one, kept only if it is short and plain, so it is safe to log and forward.
 */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
}

/** Gives every request an id (`res.locals.requestId`, and `x-request-id` on the answer). */
export function requestIds(): RequestHandler {
  return (req, res, next) => {
    const requestId = requestIdOf(req);
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    next();
  };
}
