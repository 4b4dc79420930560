import type { GraphQLError } from 'graphql';
import { dependencyUnavailable } from './errors';
import { peerHeaders, type Peer } from './access/request-scope';
import type { SubgraphName } from './environment';

/**
 * Where the other subgraphs answer. A subgraph asks a peer only to check that records it is
 * told to reference (a person, a place, a tracing request) exist in the subgraph that owns them.
 */
export type PeerUrls = Partial<Record<SubgraphName, string>>;

/** The peers as one request sees them (see `Peer`): absent when no address is configured. */
export type Peers = Partial<Record<SubgraphName, Peer>>;

/** The peers for a request carrying `internalToken`. */
export function peersFor(urls: PeerUrls, internalToken: string): Peers {
  const peers: Peers = {};
  for (const [name, url] of Object.entries(urls) as Array<[SubgraphName, string | undefined]>) if (url) peers[name] = { url, internalToken };
  return peers;
}

/**
 * The ids among `ids` for which the owning subgraph `peer` has no `typename` entity.
 * Errors with `DEPENDENCY_UNAVAILABLE` when the owner cannot be asked, so a write is never made
 * on an unchecked reference.
 */
export async function missingEntities(peer: Peer | undefined, typename: string, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const entities = await peerEntities<{ id: string }>(peer, typename, unique, 'id');
  return unique.filter((_id, index) => entities[index] === null);
}

function referencesUnavailable(typename: string, reason: string): GraphQLError {
  return dependencyUnavailable(`Could not check ${typename} references: ${reason}.`);
}

/**
 * The `selection` of each of `ids` as the owning subgraph `peer` has them (null for one it does
 * not know), in the order of `ids`: for a write that must check more than existence, such as a
 * place's type. Errors with `DEPENDENCY_UNAVAILABLE` when the owner cannot be asked.
 */
export async function peerEntities<T>(peer: Peer | undefined, typename: string, ids: string[], selection: string): Promise<Array<T | null>> {
  if (ids.length === 0) return [];
  if (!peer) throw referencesUnavailable(typename, 'no address is configured for the subgraph that owns it');
  let body: { data?: { _entities?: Array<T | null> }; errors?: Array<{ message: string }> };
  try {
    const response = await fetch(peer.url, {
      method: 'POST',
      headers: peerHeaders(peer),
      body: JSON.stringify({
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${selection} } } }`,
        variables: { r: ids.map((id) => ({ __typename: typename, id })) },
      }),
      signal: AbortSignal.timeout(5000),
    });
    body = (await response.json()) as typeof body;
  } catch (error) {
    throw referencesUnavailable(typename, (error as Error).message);
  }
  const entities = body.data?._entities;
  if (!entities) throw referencesUnavailable(typename, body.errors?.[0]?.message ?? 'no answer');
  return entities;
}
