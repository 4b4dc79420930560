import { badUserInput, dependencyUnavailable, missingEntities, peerHeaders, type Peer } from '@movement/runtime';
import type { Context } from './context';

/** References to check, by the input field that holds them; null/undefined ones are skipped. */
export interface ReferencesToCheck {
  people?: Record<string, string | null | undefined>;
  organizations?: Record<string, string | null | undefined>;
  locations?: Record<string, string | null | undefined>;
}

/**
 * Asks the subgraphs that own people, organisations and places whether the records the input
 * names exist (in parallel), and answers the first missing one as BAD_USER_INPUT on its field.
 * Runs before any write, so a missing reference leaves nothing behind.
 */
export async function checkReferences(context: Context, references: ReferencesToCheck): Promise<void> {
  const groups: Array<[Peer | undefined, string, Record<string, string | null | undefined>]> = [
    [context.peers.people, 'Person', references.people ?? {}],
    [context.peers.locations, 'Organization', references.organizations ?? {}],
    [context.peers.locations, 'Location', references.locations ?? {}],
  ];
  const answers = await Promise.all(
    groups.map(async ([peer, typename, fields]) => {
      const ids = Object.values(fields).filter((id): id is string => Boolean(id));
      return { typename, fields, missing: ids.length ? await missingEntities(peer, typename, ids) : [] };
    }),
  );
  for (const { typename, fields, missing } of answers) {
    for (const [field, id] of Object.entries(fields)) {
      if (id && missing.includes(id)) throw badUserInput(field, `no ${typename} has the id ${id}.`);
    }
  }
}

/** An organisation and its ancestors, as the locations subgraph answers them. */
interface OrganizationLineage {
  type: string;
  parent?: OrganizationLineage | null;
}

// Deep enough for the Movement's structure: the ICRC, a regional delegation, an office under it.
const LINEAGE = 'type parent { type parent { type parent { type } } }';

/**
 * Whether the organisation is part of the ICRC: the ICRC itself, or a delegation or office whose
 * line of parents reaches it (an IFRC delegation is a DELEGATION too, so the type alone does not
 * tell). Asked of the locations subgraph, which owns organisations; DEPENDENCY_UNAVAILABLE when it
 * cannot answer, so a review is never accepted unchecked.
 */
export async function isIcrcOrganization(context: Context, organizationId: string): Promise<boolean> {
  let body: { data?: { _entities?: Array<OrganizationLineage | null> }; errors?: Array<{ message: string }> };
  try {
    const locations = context.peers.locations;
    if (!locations) throw new Error('no address is configured for the locations subgraph');
    const response = await fetch(locations.url, {
      method: 'POST',
      headers: peerHeaders(locations),
      body: JSON.stringify({
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { ${LINEAGE} } } }`,
        variables: { r: [{ __typename: 'Organization', id: organizationId }] },
      }),
      signal: AbortSignal.timeout(5000),
    });
    body = (await response.json()) as typeof body;
  } catch (error) {
    throw dependencyUnavailable(`Could not check the organisation's type: ${(error as Error).message}.`);
  }
  const entities = body.data?._entities;
  if (!entities) throw dependencyUnavailable(`Could not check the organisation's type: ${body.errors?.[0]?.message ?? 'no answer'}.`);
  for (let node = entities[0] ?? null; node; node = node.parent ?? null) if (node.type === 'ICRC') return true;
  return false;
}
