import { assertActingAs, checkReferences } from '@movement/runtime';
import type { MutationResolvers } from '../../generated/graphql';
import { deliveringPartnerCheck } from '../../roles';
import { transition } from '../../transition';
import { markMessageUndeliverableInput, parse } from '../../validation';

export const markMessageUndeliverable: MutationResolvers['markMessageUndeliverable'] = async (_root, args, context) => {
  const input = parse(markMessageUndeliverableInput, args.input);
  assertActingAs(context.principal, 'input.partnerId', input.partnerId);
  await checkReferences(context.peers, {
    Organization: { 'input.partnerId': input.partnerId },
    Location: { 'input.locationId': input.locationId },
  });
  return transition(context, 'UNDELIVERABLE', { ...input, authorize: deliveringPartnerCheck(context, input.partnerId) });
};
