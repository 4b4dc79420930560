import type { GraphQLError } from 'graphql';
import { ErrorCodes, graphError } from '@movement/runtime';

/** The codes a request refused by a limit answers with; described in the graph's one registry. */
const limitCodes = ['OPERATION_TOO_DEEP', 'TOO_MANY_ALIASES', 'OPERATION_TOO_COMPLEX', 'TOO_MANY_TOKENS', 'PAYLOAD_TOO_LARGE', 'RATE_LIMITED'] as const;

export type LimitErrorCode = (typeof limitCodes)[number];

export const LimitErrorCodes = Object.fromEntries(limitCodes.map((code) => [code, ErrorCodes[code]])) as Pick<typeof ErrorCodes, LimitErrorCode>;

/**
 * A refused operation: HTTP 400 like any other invalid document, with the limit and the measured
 * value both in the message (for people) and in `extensions` (for programs).
 */
export function limitExceeded(
  code: Exclude<LimitErrorCode, 'RATE_LIMITED' | 'PAYLOAD_TOO_LARGE'>,
  message: string,
  maximum: number,
  actual?: number,
): GraphQLError {
  return graphError(code, message, { maximum, ...(actual === undefined ? {} : { actual }), http: { status: 400 } });
}
