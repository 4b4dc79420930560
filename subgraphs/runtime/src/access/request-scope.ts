/**
 * A peer subgraph as a request being served sees it: where it answers, and the gateway's
 * internal token of that request, so the subgraph's own calls to it (reference checks) carry
 * the same principal. Carried in the request's context rather than in an AsyncLocalStorage:
 * once one is entered, Node runs hooks on every promise of the process, which cost a few per
 * cent of every request's CPU for the sake of a call only some mutations make.
 */
export interface Peer {
  url: string;
  internalToken: string;
}

/** Headers for a request to a peer subgraph on behalf of the request being served. */
export function peerHeaders(peer: Peer): Record<string, string> {
  return { 'content-type': 'application/json', authorization: `Bearer ${peer.internalToken}` };
}
