import { assertActingAs, checkReferences } from '@movement/runtime';
import type { MutationResolvers } from '../../generated/graphql';
import { transition } from '../../transition';
import { dispatchMessageInput, parse } from '../../validation';

export const dispatchMessage: MutationResolvers['dispatchMessage'] = async (_root, args, context) => {
  const input = parse(dispatchMessageInput, args.input);
  assertActingAs(context.principal, 'input.partnerId', input.partnerId);
  await checkReferences(context.peers, {
    Organization: { 'input.partnerId': input.partnerId, 'input.deliveringPartnerId': input.deliveringPartnerId },
    Location: { 'input.locationId': input.locationId },
  });
  // The delivering partner joins the route (sharedWith) in the same step.
  return transition(context, 'IN_TRANSIT', input, () => ({ deliveringPartnerId: input.deliveringPartnerId }));
};
