import { assertActingAs } from '@movement/runtime';
import type { MutationResolvers } from '../../generated/graphql';
import { checkReferences } from '../../peer-checks';
import { transition } from '../../transition';
import { parse, returnMessageInput } from '../../validation';

export const returnMessage: MutationResolvers['returnMessage'] = async (_root, args, context) => {
  const input = parse(returnMessageInput, args.input);
  assertActingAs(context.principal, 'input.partnerId', input.partnerId);
  await checkReferences(context, { organizations: { 'input.partnerId': input.partnerId }, locations: { 'input.locationId': input.locationId } });
  return transition(context, 'RETURNED', input);
};
