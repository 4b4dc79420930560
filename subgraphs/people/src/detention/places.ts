import { badUserInput, peerEntities } from '@movement/runtime';
import type { Context } from '../context';

/**
 * Asks the locations subgraph for the type of the place named by `field`; unknown places are
 * BAD_USER_INPUT on the field, and so is a place of another type than `expected` when one is asked for.
 */
export async function checkPlace(context: Context, field: string, id: string, expected?: string): Promise<void> {
  const [place] = await peerEntities<{ type: string }>(context.peers.locations, 'Location', [id], 'type');
  if (!place) throw badUserInput(field, `no Location has the id ${id}`);
  if (expected && place.type !== expected) throw badUserInput(field, `Location ${id} is a ${place.type}, not a ${expected}`);
}

/** Like `checkPlace` for an organisation, which must be of type `expected` when one is asked for. */
export async function checkOrganization(context: Context, field: string, id: string, expected?: string): Promise<void> {
  const [organization] = await peerEntities<{ type: string }>(context.peers.locations, 'Organization', [id], 'type');
  if (!organization) throw badUserInput(field, `no Organization has the id ${id}`);
  if (expected && organization.type !== expected) throw badUserInput(field, `Organization ${id} is a ${organization.type}, not a ${expected}`);
}
