import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

const requestIdPattern = /^[\w.:-]{1,128}$/;

/**
 * Gives every request an id (`res.locals.requestId`, and `x-request-id` on the answer) that its
 * logs and subgraph requests carry: the caller's own `x-request-id` when it has one.
 */
export function requestIds(): RequestHandler {
  return (req, res, next) => {
    // A caller's id is kept only if it is short and plain, so it is safe to log and forward.
    const given = req.header('x-request-id');
    const requestId = given && requestIdPattern.test(given) ? given : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    next();
  };
}
