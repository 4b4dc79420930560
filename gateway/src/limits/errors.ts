import type { GraphQLError } from 'graphql';
import { graphError } from '@movement/runtime';

/** The codes a request refused by a limit answers with; described in the graph's one registry. */
export type LimitErrorCode = 'OPERATION_TOO_DEEP' | 'TOO_MANY_ALIASES' | 'OPERATION_TOO_COMPLEX' | 'TOO_MANY_TOKENS' | 'PAYLOAD_TOO_LARGE' | 'RATE_LIMITED';

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
