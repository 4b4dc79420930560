import { dependencyUnavailable, peerHeaders, type Peer } from '@movement/runtime';
import type { GraphQLError } from 'graphql';

/**
 * Each of `ids` that the locations subgraph knows, with the ids of the areas it counts towards:
 * itself first, then its ancestors from the parent up to the country. Stored on every record and
 * distribution so that a report for any area is one indexed query in this database. Ids the
 * locations subgraph does not know are absent from the map. Errors with DEPENDENCY_UNAVAILABLE when
 * it cannot be asked, so nothing is written with an unchecked place.
 */
export async function enclosingAreas(locations: Peer | undefined, ids: string[]): Promise<Map<string, string[]>> {
  const found = await places(locations, ids);
  return new Map([...found].map(([id, place]) => [id, place.areaIds]));
}

/** A place the locations subgraph knows: its type (e.g. `BORDER_CROSSING`) and the areas it counts towards. */
interface Place {
  type: string;
  areaIds: string[];
}

/** Like `enclosingAreas`, with each place's type as well. */
async function places(locations: Peer | undefined, ids: string[]): Promise<Map<string, Place>> {
  const unique = [...new Set(ids)];
  const areas = new Map<string, Place>();
  if (unique.length === 0) return areas;
  if (!locations) throw unavailable('no address is configured for the locations subgraph');
  let body: { data?: { _entities?: Array<{ id: string; type: string; ancestors: Array<{ id: string }> } | null> }; errors?: Array<{ message: string }> };
  try {
    const response = await fetch(locations.url, {
      method: 'POST',
      headers: peerHeaders(locations),
      body: JSON.stringify({
        query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Location { id type ancestors { id } } } }',
        variables: { r: unique.map((id) => ({ __typename: 'Location', id })) },
      }),
      signal: AbortSignal.timeout(5000),
    });
    body = (await response.json()) as typeof body;
  } catch (error) {
    throw unavailable((error as Error).message);
  }
  const entities = body.data?._entities;
  if (!entities) throw unavailable(body.errors?.[0]?.message ?? 'no answer');
  unique.forEach((id, index) => {
    const entity = entities[index];
    // `ancestors` runs outermost first; the place itself leads so the array reads innermost first.
    if (entity) areas.set(id, { type: entity.type, areaIds: [id, ...entity.ancestors.map((a) => a.id).reverse()] });
  });
  return areas;
}

function unavailable(reason: string): GraphQLError {
  return dependencyUnavailable(`Could not check Location references: ${reason}.`);
}
