import { assertActingAs, checkReferences } from '@movement/runtime';
import type { MutationResolvers } from '../../generated/graphql';
import { transition } from '../../transition';
import { parse, reviseMessageInput } from '../../validation';

export const reviseMessage: MutationResolvers['reviseMessage'] = async (_root, args, context) => {
  const input = parse(reviseMessageInput, args.input);
  assertActingAs(context.principal, 'input.partnerId', input.partnerId);
  await checkReferences(context.peers, { Organization: { 'input.partnerId': input.partnerId }, Location: { 'input.locationId': input.locationId } });
  return transition(context, 'COLLECTED', input, () => ({
    ...(input.content ? { content: input.content } : {}),
    ...(input.language ? { language: input.language } : {}),
    ...(input.senderAddress ? { senderAddress: input.senderAddress } : {}),
    ...(input.addresseeAddress ? { addresseeAddress: input.addresseeAddress } : {}),
  }));
};
