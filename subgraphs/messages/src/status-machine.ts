import type { MessageStatus } from './generated/prisma/client';

/**
 * The journey of a Red Cross Message. A status may only move to the ones listed here; DELIVERED
 * and RETURNED end the journey. COLLECTED → DRAFTED is the reviewer sending the message back for
 * changes; DRAFTED → COLLECTED is the collecting partner's revision.
 */
export const nextStatuses: Readonly<Record<MessageStatus, readonly MessageStatus[]>> = {
  DRAFTED: ['COLLECTED'],
  COLLECTED: ['REVIEWED', 'DRAFTED'],
  REVIEWED: ['IN_TRANSIT'],
  IN_TRANSIT: ['DELIVERED', 'UNDELIVERABLE'],
  DELIVERED: [],
  UNDELIVERABLE: ['RETURNED'],
  RETURNED: [],
};

/** The statuses in the order of the journey, for lists a person reads (dashboards). */
export const journeyOrder: readonly MessageStatus[] = ['DRAFTED', 'COLLECTED', 'REVIEWED', 'IN_TRANSIT', 'DELIVERED', 'UNDELIVERABLE', 'RETURNED'];

export const canMove = (from: MessageStatus, to: MessageStatus): boolean => nextStatuses[from].includes(to);
