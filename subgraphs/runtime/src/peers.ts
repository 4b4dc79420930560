import type { GraphQLError } from 'graphql';
import { badUserInput, dependencyUnavailable } from './errors';
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

/** The subgraph that owns each type another subgraph's input may reference. */
const owners = { Person: 'people', TracingRequest: 'people', Location: 'locations', Organization: 'locations' } as const satisfies Record<string, SubgraphName>;

/** A type whose records an input may reference in another subgraph. */
export type ReferencedType = keyof typeof owners;

/**
 * The ids an input names, by the dotted input field that holds them: one id (null or undefined
 * when the field was left out, and then not checked) or a list, whose ids are named by index
 * (`input.sharedWithIds.1`).
 */
export type ReferencedIds = Record<string, string | readonly string[] | null | undefined>;

/**
 * Checks, before anything is written, that every record an input names exists in the subgraph
 * that owns it: one question per type, the types asked in parallel. The first missing id, in the
 * order the references are given, is BAD_USER_INPUT naming its input field, so a missing reference
 * leaves nothing behind; DEPENDENCY_UNAVAILABLE when an owner cannot be asked, so nothing is written
 * on an unchecked reference either.
 */
export async function checkReferences(peers: Peers, references: Partial<Record<ReferencedType, ReferencedIds>>): Promise<void> {
  const named = (Object.entries(references) as Array<[ReferencedType, ReferencedIds]>).map(([typename, fields]) => ({
    typename,
    ids: Object.entries(fields).flatMap(([field, value]): Array<[string, string]> => {
      if (typeof value === 'string') return [[field, value]];
      return (value ?? []).map((id, index) => [`${field}.${index}`, id]);
    }),
  }));
  const answers = await Promise.all(
    named.map(
      async ({ typename, ids }) =>
        new Set(
          await missingEntities(
            peers[owners[typename]],
            typename,
            ids.map(([, id]) => id),
          ),
        ),
    ),
  );
  named.forEach(({ typename, ids }, index) => {
    const missing = ids.find(([, id]) => answers[index].has(id));
    if (missing) throw badUserInput(missing[0], `no ${typename} has the id ${missing[1]}.`);
  });
}
