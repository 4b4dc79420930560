import { assertActingAs, checkReferences } from '@movement/runtime';
import type { MutationResolvers } from '../../generated/graphql';
import { deliveringPartnerCheck } from '../../roles';
import { transition } from '../../transition';
import { deliverMessageInput, parse } from '../../validation';
import { assertMayLinkDetention, deliveredInDetention } from '../../detention-links';
import { notFound, canSeeRecord } from '@movement/runtime';

export const deliverMessage: MutationResolvers['deliverMessage'] = async (_root, args, context) => {
  const input = parse(deliverMessageInput, args.input);
  assertActingAs(context.principal, 'input.partnerId', input.partnerId);
  assertMayLinkDetention(context, input);
  await checkReferences(context.peers, {
    Organization: { 'input.partnerId': input.partnerId },
    Location: { 'input.locationId': input.locationId },
  });
  const visitId = input.visitId ?? null;
  if (visitId) {
    // The visit must be to the addressee; a message off the caller's route is answered as absent.
    const message = await context.prisma.redCrossMessage.findUnique({
      where: { id: input.messageId },
      select: { addresseeId: true, recordedById: true, sharedWithIds: true },
    });
    if (!message || !canSeeRecord(context.principal, message)) throw notFound('input.messageId', `no message has the id ${input.messageId}.`);
    await deliveredInDetention(context, message.addresseeId, visitId);
  }
  return transition(
    context,
    'DELIVERED',
    { ...input, at: input.deliveredAt, atField: 'input.deliveredAt', authorize: deliveringPartnerCheck(context, input.partnerId) },
    () => (visitId ? { deliveredDuringVisitId: visitId } : {}),
  );
};
