import { randomUUID } from 'node:crypto';
import { assertActingAs, badUserInput, checkReferences } from '@movement/runtime';
import type { MutationResolvers } from '../../generated/graphql';
import { dateOf } from '../../dates';
import { detentionRegistrationExtras } from '../../detention/inputs';
import { checkOrganization } from '../../detention/places';
import { registerDetentionSchema, validate } from '../../validation';
import { checkPeople } from '../../visibility';

export const registerDetention: MutationResolvers['registerDetention'] = async (_root, { input }, context) => {
  validate(registerDetentionSchema, input, 'input');
  validate(detentionRegistrationExtras, input, 'input');
  assertActingAs(context.principal, 'input.recordedById', input.recordedById);
  if (input.detainingAuthorityId) await checkOrganization(context, 'input.detainingAuthorityId', input.detainingAuthorityId, 'AUTHORITY');
  await checkPeople(context, [{ field: 'input.personId', id: input.personId }]);
  await checkReferences(context.peers, {
    Location: { 'input.placeOfDetentionId': input.placeOfDetentionId },
    Organization: { 'input.recordedById': input.recordedById, 'input.sharedWithIds': input.sharedWithIds },
  });
  const registrationNumber = input.registrationNumber.trim();
  return context.prisma.$transaction(async (tx) => {
    if (await tx.detentionRecord.findFirst({ where: { registrationNumber }, select: { id: true } })) {
      throw badUserInput('input.registrationNumber', `${registrationNumber} is already registered`);
    }
    const record = await tx.detentionRecord.create({
      data: {
        id: randomUUID(),
        personId: input.personId,
        placeOfDetentionId: input.placeOfDetentionId,
        captureDate: dateOf(input.captureDate),
        registrationNumber,
        accessStatus: 'NOT_REQUESTED',
        recordedById: input.recordedById,
        sharedWithIds: input.sharedWithIds ?? [],
        legalCategory: input.legalCategory ?? 'STATUS_UNDETERMINED',
        detainingState: input.detainingState ?? null,
        detainingAuthorityId: input.detainingAuthorityId ?? null,
        ...(input.reviewOn ? { reviewOn: dateOf(input.reviewOn) } : {}),
      },
    });
    await tx.person.update({ where: { id: input.personId }, data: { status: 'DETAINED' } });
    return record;
  });
};
