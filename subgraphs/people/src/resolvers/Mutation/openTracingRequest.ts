import { randomBytes, randomUUID } from 'node:crypto';
import { assertActingAs, checkReferences, reviewOnInput } from '@movement/runtime';
import type { MutationResolvers } from '../../generated/graphql';
import { dateOrNull } from '../../dates';
import { openTracingSchema, validate } from '../../validation';
import { checkPeople } from '../../visibility';

/** `TR-<year>-<8 hex>`: readable over the phone, random so two offices never collide. */
const newReference = () => `TR-${new Date().getUTCFullYear()}-${randomBytes(4).toString('hex').toUpperCase()}`;

export const openTracingRequest: MutationResolvers['openTracingRequest'] = async (_root, { input }, context) => {
  validate(openTracingSchema, input, 'input');
  validate(reviewOnInput, input, 'input');
  assertActingAs(context.principal, 'input.recordedById', input.recordedById);
  await checkPeople(context, [
    { field: 'input.enquirerId', id: input.enquirerId },
    { field: 'input.soughtPersonId', id: input.soughtPersonId },
  ]);
  await checkReferences(context.peers, {
    Location: { 'input.lastSeenAtId': input.lastSeenAtId },
    Organization: { 'input.recordedById': input.recordedById, 'input.sharedWithIds': input.sharedWithIds },
  });
  return context.prisma.tracingRequest.create({
    data: {
      id: randomUUID(),
      reference: newReference(),
      enquirerId: input.enquirerId,
      soughtPersonId: input.soughtPersonId,
      enquirerRelationship: input.enquirerRelationship,
      circumstances: input.circumstances.trim(),
      lastSeenAtId: input.lastSeenAtId ?? null,
      lastSeenOn: dateOrNull(input.lastSeenOn),
      status: 'OPEN',
      openedOn: new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`),
      recordedById: input.recordedById,
      sharedWithIds: input.sharedWithIds ?? [],
      ...(input.reviewOn ? { reviewOn: dateOrNull(input.reviewOn)! } : {}),
    },
  });
};
