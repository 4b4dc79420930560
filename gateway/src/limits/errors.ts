import { GraphQLError } from 'graphql';

/**
 * The codes a request refused by a limit answers with, to join the graph's error registry.
 * Partners branch on them, so they are a contract: add new ones, never rename.
 */
export const LimitErrorCodes = {
  OPERATION_TOO_DEEP: 'Fields are nested deeper than `MAX_DEPTH`; `extensions.maximum` and `extensions.actual` give both depths.',
  TOO_MANY_ALIASES: 'The operation uses more aliases than `MAX_ALIASES`.',
  OPERATION_TOO_COMPLEX: 'The estimated cost (each field 1, a page multiplies its selection by `first`) is above `MAX_COST`.',
  TOO_MANY_TOKENS: 'The document has more lexical tokens than `MAX_TOKENS`; it was not parsed.',
  PAYLOAD_TOO_LARGE: 'The request body is larger than `MAX_BODY_BYTES`; it was not read (HTTP 413).',
  RATE_LIMITED: 'The caller made more requests this minute than `RATE_LIMIT_PER_MINUTE`; retry after `Retry-After` seconds (HTTP 429).',
} as const;

export type LimitErrorCode = keyof typeof LimitErrorCodes;

/**
 * A refused operation: HTTP 400 like any other invalid document, with the limit and the measured
 * value both in the message (for people) and in `extensions` (for programs).
 */
export function limitExceeded(code: Exclude<LimitErrorCode, 'RATE_LIMITED' | 'PAYLOAD_TOO_LARGE'>, message: string, maximum: number, actual?: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, maximum, ...(actual === undefined ? {} : { actual }), http: { status: 400 } },
  });
}
