import { forbidden, hasScope, mandateScope, peerEntities } from '@movement/runtime';
import type { Context } from './context';
import type { RedCrossMessage } from './generated/prisma/client';

/**
 * Who does which step of a message's journey. The ICRC checks every message before it travels;
 * the partner the message was dispatched to delivers it or says why it could not. The ICRC's
 * mandate may act in any role (e.g. a delegation stepping in for a branch that lost access).
 */

const holdsMandate = (context: Context) => hasScope(context.principal, mandateScope);

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
async function isIcrcOrganization(context: Context, organizationId: string): Promise<boolean> {
  const [organization] = await peerEntities<OrganizationLineage>(context.peers.locations, 'Organization', [organizationId], LINEAGE);
  for (let node = organization ?? null; node; node = node.parent ?? null) if (node.type === 'ICRC') return true;
  return false;
}

/**
 * Refuses a review by a partner that is not part of the ICRC. Asked before the step's transaction
 * (it needs the locations subgraph); the answer is applied inside it, after the route check.
 */
export async function reviewerCheck(context: Context, partnerId: string): Promise<(message: RedCrossMessage) => void> {
  if (holdsMandate(context) || (await isIcrcOrganization(context, partnerId))) return () => undefined;
  return (message) => {
    throw forbidden(
      `input.partnerId: only the ICRC reviews a Red Cross Message; ${partnerId} is not an ICRC organisation and may not review ${message.reference}.`,
      {
        field: 'input.partnerId',
      },
    );
  };
}

/** Refuses a delivery outcome recorded by any partner but the one the message was dispatched to. */
export function deliveringPartnerCheck(context: Context, partnerId: string): (message: RedCrossMessage) => void {
  return (message) => {
    if (holdsMandate(context) || message.deliveringPartnerId === partnerId) return;
    throw forbidden(`input.partnerId: only the delivering partner of ${message.reference} records its delivery or why it failed; ${partnerId} is not it.`, {
      field: 'input.partnerId',
    });
  };
}
