import { assertActingAs, checkReferences } from '@movement/runtime';
import { collectOnce } from '../../collect';
import type { MutationResolvers } from '../../generated/graphql';
import { collectMessageInput, parse } from '../../validation';
import { assertMayLinkDetention, collectedInDetention } from '../../detention-links';

export const collectMessage: MutationResolvers['collectMessage'] = async (_root, args, context) => {
  const input = parse(collectMessageInput, args.input);
  assertActingAs(context.principal, 'input.collectingPartnerId', input.collectingPartnerId);
  assertMayLinkDetention(context, input);
  return collectOnce(context, input, async () => {
    await checkReferences(context.peers, {
      Person: { 'input.senderId': input.senderId, 'input.addresseeId': input.addresseeId },
      Organization: { 'input.collectingPartnerId': input.collectingPartnerId },
      Location: { 'input.locationId': input.locationId },
    });
    return collectedInDetention(context, input);
  });
};
