import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { errorBody, type ErrorCode } from './errors';
import { internalErrorMessage } from './error-masking';
import type { Logger } from './logger';

/**
 * Every answer of a service is JSON in GraphQL's error shape, including those no GraphQL server
 * wrote: a body that is not JSON, an unknown endpoint, a failure in the HTTP layer. Express would
 * otherwise answer with its HTML page, in development with a stack trace and file paths.
 */
export function sendHttpError(res: Response, status: number, code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): void {
  res.status(status).json(errorBody(code, message, extensions));
}

/** The answer to a request body over `limit` bytes, wherever it is read: HTTP 413 `PAYLOAD_TOO_LARGE` naming the limit. */
export function bodyTooLarge(limit: unknown): { status: 413; body: ReturnType<typeof errorBody> } {
  return { status: 413, body: errorBody('PAYLOAD_TOO_LARGE', `The request body is larger than ${String(limit)} bytes, the limit.`, { maximum: limit }) };
}

/** What went wrong reading a body, by body-parser's error type; the parser's own message can quote the body, so it is not used. */
const bodyProblems: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON.',
  'encoding.unsupported': 'The content encoding of the request body is not supported.',
  'charset.unsupported': 'The charset of the request body is not supported; send UTF-8.',
  'request.aborted': 'The request body was not sent completely.',
  'request.size.invalid': 'The request body does not have the length its Content-Length announced.',
};

/** Answers requests no route took: HTTP 404 `BAD_REQUEST`. */
export const unknownEndpoint: RequestHandler = (_req, res) => {
  sendHttpError(res, 404, 'BAD_REQUEST', 'There is no such endpoint; GraphQL is served at /graphql.');
};

/**
 * The last error handler of a service: a body that could not be read is the client's mistake
 * (4xx `BAD_REQUEST`, or 413 `PAYLOAD_TOO_LARGE` with the limit), anything else is masked as an
 * internal error with the request id, and logged in full.
 */
export function httpErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    // Part of an answer already left: only cutting the connection can tell the client it is incomplete.
    if (res.headersSent) return next(error);
    const { type, status, limit } = (typeof error === 'object' && error !== null ? error : {}) as { type?: unknown; status?: unknown; limit?: unknown };
    if (type === 'entity.too.large') {
      const { status, body } = bodyTooLarge(limit);
      res.status(status).json(body);
      return;
    }
    if (typeof status === 'number' && status >= 400 && status < 500) {
      sendHttpError(res, status, 'BAD_REQUEST', bodyProblems[String(type)] ?? 'The request could not be read.');
      return;
    }
    const requestId = typeof res.locals.requestId === 'string' ? res.locals.requestId : undefined;
    logger.error({ err: error, requestId }, 'unexpected error in the HTTP layer');
    sendHttpError(
      res,
      500,
      'INTERNAL_SERVER_ERROR',
      requestId ? `${internalErrorMessage} (request id ${requestId})` : internalErrorMessage,
      requestId ? { requestId } : {},
    );
  };
}
