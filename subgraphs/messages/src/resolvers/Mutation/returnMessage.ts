import type { MutationResolvers } from '../../generated/graphql';
import { checkReferences } from '../../peer-checks';
import { transition } from '../../transition';
import { parse, returnMessageInput } from '../../validation';
import { assertActingPartner } from '../../visibility';

export const returnMessage: MutationResolvers['returnMessage'] = async (_root, args, context) => {
  const input = parse(returnMessageInput, args.input);
  assertActingPartner(context.principal, input.partnerId, 'input.partnerId');
  await checkReferences(context, { organizations: { 'input.partnerId': input.partnerId } });
  return transition(context, 'RETURNED', input);
};
