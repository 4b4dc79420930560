import { conflict } from '@movement/runtime';
import type { AccessStatus, TracingStatus } from './generated/prisma/client';

/**
 * The tracing lifecycle: OPEN → SEARCHING → LOCATED → REUNITED, and CLOSED (with a reason) from
 * any status that is not final. A request may be located straight from OPEN when a match is
 * confirmed at once. REUNITED and CLOSED are final.
 */
export const tracingTransitions: Record<TracingStatus, TracingStatus[]> = {
  OPEN: ['SEARCHING', 'LOCATED', 'CLOSED'],
  SEARCHING: ['LOCATED', 'CLOSED'],
  LOCATED: ['REUNITED', 'CLOSED'],
  REUNITED: [],
  CLOSED: [],
};

/**
 * Access to a detainee: requested, then granted or denied; a denial may be followed by a new
 * request, and granted access may be withdrawn.
 */
export const accessTransitions: Record<AccessStatus, AccessStatus[]> = {
  NOT_REQUESTED: ['REQUESTED'],
  REQUESTED: ['GRANTED', 'DENIED'],
  GRANTED: ['DENIED'],
  DENIED: ['REQUESTED'],
};

/** Throws CONFLICT naming the allowed moves unless `from → to` is one of them. */
export function assertTransition<S extends string>(what: string, table: Record<S, S[]>, from: S, to: S): void {
  const allowed = table[from];
  if (!allowed.includes(to)) {
    const options = allowed.length > 0 ? allowed.join(', ') : 'none (the status is final)';
    throw conflict(`${what} cannot move from ${from} to ${to}; allowed from ${from}: ${options}.`, { allowed, from, to });
  }
}
