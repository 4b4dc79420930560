import type { ErrorRequestHandler } from 'express';
import { bodyTooLarge } from '@movement/runtime';

/**
 * Answers a body refused by `express.json({ limit })` with HTTP 413 and a GraphQL-shaped error
 * (`PAYLOAD_TOO_LARGE`) instead of Express's HTML page; every other error passes on.
 */
export function payloadTooLarge(maxBodyBytes: number): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (typeof error === 'object' && error !== null && (error as { type?: unknown }).type === 'entity.too.large') {
      const { status, body } = bodyTooLarge(maxBodyBytes);
      res.status(status).json(body);
      return;
    }
    next(error);
  };
}
