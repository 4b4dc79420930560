import { assertActingAs, checkReferences, conflict } from '@movement/runtime';
import type { MutationResolvers } from '../../generated/graphql';
import { linkBothWays } from '../../family-links';
import { assertTransition, tracingTransitions } from '../../lifecycle';
import { openRequest } from '../../match-decisions';

export const confirmPossibleMatch: MutationResolvers['confirmPossibleMatch'] = async (_root, { tracingRequestId, personId, recordedById }, context) => {
  assertActingAs(context.principal, 'recordedById', recordedById);
  const request = await openRequest(context, tracingRequestId, personId);
  assertTransition('The tracing request', tracingTransitions, request.status, 'LOCATED');
  await checkReferences(context.peers, { Organization: { recordedById } });
  return context.prisma.$transaction(async (tx) => {
    const updated = await tx.tracingRequest.updateMany({
      where: { id: tracingRequestId, status: request.status },
      data: { status: 'LOCATED', locatedPersonId: personId },
    });
    if (updated.count === 0) throw conflict('The tracing request changed meanwhile; read it again.', { allowed: [] });
    // The enquirer's relationship is what the enquirer is to the person found.
    await linkBothWays(tx, personId, request.enquirerId, request.enquirerRelationship, recordedById);
    context.logger.info({ tracingRequestId, personId }, 'possible match confirmed');
    return tx.tracingRequest.findUniqueOrThrow({ where: { id: tracingRequestId } });
  });
};
