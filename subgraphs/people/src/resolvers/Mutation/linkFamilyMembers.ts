import { assertActingAs, checkReferences } from '@movement/runtime';
import type { MutationResolvers } from '../../generated/graphql';
import { linkBothWays } from '../../family-links';
import { linkFamilySchema, validate } from '../../validation';
import { checkPeople } from '../../visibility';

export const linkFamilyMembers: MutationResolvers['linkFamilyMembers'] = async (_root, { input }, context) => {
  validate(linkFamilySchema, input, 'input');
  assertActingAs(context.principal, 'input.recordedById', input.recordedById);
  await checkPeople(context, [
    { field: 'input.personId', id: input.personId },
    { field: 'input.relativeId', id: input.relativeId },
  ]);
  await checkReferences(context.peers, { Organization: { 'input.recordedById': input.recordedById } });
  return context.prisma.$transaction(async (tx) => linkBothWays(tx, input.personId, input.relativeId, input.relationship, input.recordedById));
};
