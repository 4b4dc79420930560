import { assertActingAs } from '@movement/runtime';
import { createOnce, findByKey, sameMessageOrConflict } from '../../collect';
import type { MutationResolvers } from '../../generated/graphql';
import { checkReferences } from '../../peer-checks';
import { collectMessageInput, parse } from '../../validation';
import { assertMayLinkDetention, collectedInDetention } from '../../detention-links';

export const collectMessage: MutationResolvers['collectMessage'] = async (_root, args, context) => {
  const input = parse(collectMessageInput, args.input);
  assertActingAs(context.principal, 'input.collectingPartnerId', input.collectingPartnerId);
  assertMayLinkDetention(context, input);
  // A retry is answered from the database alone: it must succeed even if a peer is down now.
  const earlier = await findByKey(context, input.collectingPartnerId, input.idempotencyKey);
  if (earlier) return sameMessageOrConflict(context, earlier, input);
  await checkReferences(context, {
    people: { 'input.senderId': input.senderId, 'input.addresseeId': input.addresseeId },
    organizations: { 'input.collectingPartnerId': input.collectingPartnerId },
    locations: { 'input.locationId': input.locationId },
  });
  return createOnce(context, input, await collectedInDetention(context, input));
};
