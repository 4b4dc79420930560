import type { ErrorRequestHandler } from 'express';
import { sendHttpError } from '@movement/runtime';

/**
 * Answers a body refused by `express.json({ limit })` with HTTP 413 and a GraphQL-shaped error
 * (`PAYLOAD_TOO_LARGE`) instead of Express's HTML page; every other error passes on.
 */
export function payloadTooLarge(maxBodyBytes: number): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (typeof error === 'object' && error !== null && (error as { type?: unknown }).type === 'entity.too.large') {
      sendHttpError(res, 413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${maxBodyBytes} bytes, the limit.`, { maximum: maxBodyBytes });
      return;
    }
    next(error);
  };
}
