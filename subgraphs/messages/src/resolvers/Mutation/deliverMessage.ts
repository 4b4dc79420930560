import { assertActingAs } from '@movement/runtime';
import type { MutationResolvers } from '../../generated/graphql';
import { checkReferences } from '../../peer-checks';
import { deliveringPartnerCheck } from '../../roles';
import { transition } from '../../transition';
import { deliverMessageInput, parse } from '../../validation';

export const deliverMessage: MutationResolvers['deliverMessage'] = async (_root, args, context) => {
  const input = parse(deliverMessageInput, args.input);
  assertActingAs(context.principal, 'input.partnerId', input.partnerId);
  await checkReferences(context, {
    organizations: { 'input.partnerId': input.partnerId },
    locations: { 'input.locationId': input.locationId },
  });
  return transition(context, 'DELIVERED', {
    ...input,
    at: input.deliveredAt,
    atField: 'input.deliveredAt',
    authorize: deliveringPartnerCheck(context, input.partnerId),
  });
};
