import { GraphQLError, responsePathAsArray, type GraphQLResolveInfo } from 'graphql';

/** A UUID in its text form, any case: how every id of the graph is written. */
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every error code the graph answers with. Partners branch on `extensions.code`, so a code is a
 * contract: add new ones, never rename.
 */
export const ErrorCodes = {
  BAD_USER_INPUT: 'The input is invalid; `extensions.field` names the argument or input field at fault.',
  NOT_FOUND: 'A record named in the input does not exist or is not visible to the caller.',
  UNAUTHENTICATED: 'The request carries no valid credentials.',
  FORBIDDEN: 'The caller may not read or change this field or record.',
  CONFLICT: 'The change conflicts with the current state of the record (for example an invalid status transition).',
  DEPENDENCY_UNAVAILABLE: 'A subgraph this change depends on could not be asked; nothing was written. Retry later.',
  DATABASE_BUSY: 'The database could not take the request in time (no free connection, a write conflict or a deadlock); nothing was written. Retry.',
  INTERNAL_SERVER_ERROR: 'An unexpected failure; the request id in the logs identifies it.',
  OPERATION_TOO_DEEP: 'Fields are nested deeper than `MAX_DEPTH`; `extensions.maximum` and `extensions.actual` give both depths.',
  TOO_MANY_ALIASES: 'The operation uses more aliases than `MAX_ALIASES`.',
  OPERATION_TOO_COMPLEX: 'The estimated cost (each field 1, a page multiplies its selection by `first`) is above `MAX_COST`.',
  TOO_MANY_TOKENS: 'The document has more lexical tokens than `MAX_TOKENS`; it was not parsed.',
  PAYLOAD_TOO_LARGE: 'The request body is larger than `MAX_BODY_BYTES`; it was not read (HTTP 413).',
  RATE_LIMITED: 'The caller made more requests this minute than `RATE_LIMIT_PER_MINUTE`; retry after `Retry-After` seconds (HTTP 429).',
  AUDIT_UNAVAILABLE: 'The audit trail could not record the sensitive reads of this request, so the answer is withheld. Retry later.',
  SERVICE_UNAVAILABLE:
    'A database the answer needs is not available at the moment (restarting, failing over), or credentials could not be checked; nothing was written. Retry shortly.',
  BAD_REQUEST:
    'The HTTP request is not one the graph can read: a body that is not JSON, a wrong content type or method, or an unknown endpoint (HTTP 400, 404, 405 or 415).',
  SUBGRAPH_UNAVAILABLE: 'A subgraph could not be reached; `extensions.serviceName` names it.',
  SUBGRAPH_TIMEOUT: 'A subgraph did not answer within `SUBGRAPH_TIMEOUT_MS`.',
  SUBGRAPH_BAD_RESPONSE: 'A subgraph answered with something that is not a GraphQL response.',
  PERSISTED_QUERY_NOT_FOUND:
    'The `documentId` names no trusted document, or the persisted-query hash is not known to this gateway: send the document with its hash to register it.',
  PERSISTED_QUERY_NOT_ALLOWED: 'The credentials may run only the trusted documents of the persisted-document manifest; send a `documentId` from it.',
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

/** The field being resolved, from its resolver's `info`: where an error thrown there belongs. */
export type FieldAt = Pick<GraphQLResolveInfo, 'fieldNodes' | 'path'>;

const isFieldAt = (at: ReadonlyArray<string | number> | FieldAt): at is FieldAt => !Array.isArray(at);

/**
 * An error the code answers with on purpose (bad input, forbidden, not found) is an answer, not a
 * failure: its stack is never shown nor logged. Capturing one, and formatting it when graphql
 * wraps the error with its path, cost more than the rest of the field (a list of children, each
 * refused a field, was dominated by it), so these errors carry none.
 *
 * `at` places the error: a response path, or the field being resolved (its `info`), which gives
 * the locations and path graphql would give it. graphql reports an error thrown with its path as
 * it is; one without, it copies into a new error that captures a stack and formats two (its own
 * and the original's), so refusals thrown for every item of a list pass the field.
 */
export function graphError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
  at?: ReadonlyArray<string | number> | FieldAt,
): GraphQLError {
  const placed = at === undefined ? {} : isFieldAt(at) ? { nodes: at.fieldNodes, path: responsePathAsArray(at.path) } : { path: at };
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new GraphQLError(message, { extensions: { code, ...extensions }, ...placed });
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * An error in GraphQL's formatted shape, for code that rewrites errors after execution (masking)
 * and answers no GraphQLError can carry.
 */
export function formattedError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): { message: string; extensions: Record<string, unknown> } {
  return { message, extensions: { code, ...extensions } };
}

/**
 * The JSON body of an answer no GraphQL server wrote (a refused credential, a body too large, a
 * service still starting): GraphQL's error shape, so that clients read every refusal one way.
 */
export function errorBody(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): { errors: [{ message: string; extensions: Record<string, unknown> }] } {
  return { errors: [formattedError(code, message, extensions)] };
}

/** Bad input; `field` is the dotted path of the argument at fault, e.g. `input.birthDate`. */
export function badUserInput(field: string, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return graphError('BAD_USER_INPUT', `${field}: ${message}`, { field, ...extra });
}

/**
 * An id argument checked before it reaches SQL: a value that is not a UUID is bad input naming
 * `field` (e.g. `id`, `partnerIds.2`), not a database error. Returns the id in lower case.
 */
export function requireId(value: string, field: string): string {
  if (!uuidPattern.test(value)) throw badUserInput(field, 'must be an id (a UUID).');
  return value.toLowerCase();
}

export function notFound(field: string, message: string): GraphQLError {
  return graphError('NOT_FOUND', `${field}: ${message}`, { field });
}

export function conflict(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return graphError('CONFLICT', message, extra);
}

export function unauthenticated(message = 'Missing or invalid credentials.'): GraphQLError {
  return graphError('UNAUTHENTICATED', message, { http: { status: 401 } });
}

/** FORBIDDEN; `at` (the resolver's `info`) when thrown by a field's resolver, see `graphError`. */
export function forbidden(message: string, extra: Record<string, unknown> = {}, at?: FieldAt): GraphQLError {
  return graphError('FORBIDDEN', message, extra, at);
}

/** A subgraph this change checks against could not be asked; nothing was written. */
export function dependencyUnavailable(message: string): GraphQLError {
  return graphError('DEPENDENCY_UNAVAILABLE', message);
}

/** A failure of the graph itself, not of the request; its message names no internals. */
export function internalError(message: string): GraphQLError {
  return graphError('INTERNAL_SERVER_ERROR', message);
}
