import { GraphQLError } from 'graphql';

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
  INTERNAL_SERVER_ERROR: 'An unexpected failure; the request id in the logs identifies it.',
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

function graphError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/** Bad input; `field` is the dotted path of the argument at fault, e.g. `input.birthDate`. */
export function badUserInput(field: string, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return graphError('BAD_USER_INPUT', `${field}: ${message}`, { field, ...extra });
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

export function forbidden(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return graphError('FORBIDDEN', message, extra);
}
