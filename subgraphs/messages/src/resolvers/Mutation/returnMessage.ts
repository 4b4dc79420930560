import { assertActingAs, checkReferences } from '@movement/runtime';
import type { MutationResolvers } from '../../generated/graphql';
import { transition } from '../../transition';
import { parse, returnMessageInput } from '../../validation';

export const returnMessage: MutationResolvers['returnMessage'] = async (_root, args, context) => {
  const input = parse(returnMessageInput, args.input);
  assertActingAs(context.principal, 'input.partnerId', input.partnerId);
  await checkReferences(context.peers, { Organization: { 'input.partnerId': input.partnerId }, Location: { 'input.locationId': input.locationId } });
  return transition(context, 'RETURNED', input);
};
