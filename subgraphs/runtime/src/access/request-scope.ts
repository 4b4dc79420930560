import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The gateway's internal token of the request being served, so a subgraph's own calls to its
 * peers (reference checks) carry the same principal without every call site passing it along.
 */
const storage = new AsyncLocalStorage<{ internalToken: string }>();

export function runWithInternalToken<T>(internalToken: string, work: () => T): T {
  return storage.run({ internalToken }, work);
}

/** Headers for a request to a peer subgraph on behalf of the current request. */
export function peerHeaders(): Record<string, string> {
  const token = storage.getStore()?.internalToken;
  return { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
}
