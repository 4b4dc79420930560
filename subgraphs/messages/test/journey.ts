/**
 * The journey of a Red Cross Message: the statuses each status may move to. Written out here
 * rather than imported from the subgraph, so that a wrong table there fails the tests that check
 * against this one (the status machine's own, and the graph's) instead of being copied into them.
 */
export const TRANSITIONS: Record<string, string[]> = {
  DRAFTED: ['COLLECTED'],
  COLLECTED: ['REVIEWED', 'DRAFTED'],
  REVIEWED: ['IN_TRANSIT'],
  IN_TRANSIT: ['DELIVERED', 'UNDELIVERABLE'],
  DELIVERED: [],
  UNDELIVERABLE: ['RETURNED'],
  RETURNED: [],
};
