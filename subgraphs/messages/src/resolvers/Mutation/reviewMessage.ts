import { assertActingAs, checkReferences } from '@movement/runtime';
import type { MutationResolvers } from '../../generated/graphql';
import { reviewerCheck } from '../../roles';
import { transition } from '../../transition';
import { parse, reviewMessageInput } from '../../validation';

export const reviewMessage: MutationResolvers['reviewMessage'] = async (_root, args, context) => {
  const input = parse(reviewMessageInput, args.input);
  assertActingAs(context.principal, 'input.partnerId', input.partnerId);
  await checkReferences(context.peers, { Organization: { 'input.partnerId': input.partnerId }, Location: { 'input.locationId': input.locationId } });
  const authorize = await reviewerCheck(context, input.partnerId);
  return transition(context, input.decision === 'APPROVE' ? 'REVIEWED' : 'DRAFTED', { ...input, authorize });
};
