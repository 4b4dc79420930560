import { assertActingAs, checkReferences, conflict, notFound } from '@movement/runtime';
import { collectOnce } from '../../collect';
import type { MutationResolvers } from '../../generated/graphql';
import { parse, replyToMessageInput } from '../../validation';
import { visibleMessagesWhere } from '../../visibility';

export const replyToMessage: MutationResolvers['replyToMessage'] = async (_root, args, context) => {
  const input = parse(replyToMessageInput, args.input);
  assertActingAs(context.principal, 'input.collectingPartnerId', input.collectingPartnerId);
  // A message off the caller's route is answered exactly like one that does not exist.
  const original = await context.prisma.redCrossMessage.findFirst({ where: { AND: [{ id: input.inReplyToId }, visibleMessagesWhere(context.principal)] } });
  if (!original) throw notFound('input.inReplyToId', `no message has the id ${input.inReplyToId}.`);
  // The addressee answers the sender: the reply's people come from the original, never the input.
  const reply = { ...input, senderId: original.addresseeId, addresseeId: original.senderId };
  return collectOnce(context, reply, async () => {
    if (original.status !== 'DELIVERED') {
      throw conflict(`Message ${original.reference} is ${original.status}; only a delivered message can be answered.`, {
        field: 'input.inReplyToId',
        current: original.status,
        allowed: ['DELIVERED'],
      });
    }
    await checkReferences(context.peers, {
      Organization: { 'input.collectingPartnerId': input.collectingPartnerId },
      Location: { 'input.locationId': input.locationId },
    });
  });
};
