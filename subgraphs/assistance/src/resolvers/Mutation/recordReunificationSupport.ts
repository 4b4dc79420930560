import { randomUUID } from 'node:crypto';
import type { MutationResolvers } from '../../generated/graphql';
import { checkCrossing } from '../../crossing-check';
import { recordOnce } from '../../record-once';
import { notInFuture, reunificationInput } from '../../validation';

export const recordReunificationSupport: MutationResolvers['recordReunificationSupport'] = (_root, { input }, context) => {
  const { prisma, peers } = context;
  const sharedWithIds = [...new Set(input.sharedWithIds ?? [])];
  const content = {
    tracingRequestId: input.tracingRequestId,
    personId: input.personId,
    kind: input.kind,
    borderCrossingId: input.borderCrossingId ?? null,
    fromCountry: input.fromCountry ?? null,
    toCountry: input.toCountry ?? null,
    date: new Date(input.date),
    outcome: input.outcome,
    partnerId: input.partnerId,
    recordedById: input.recordedById,
    sharedWithIds,
  };
  return recordOnce(context, input, {
    rules: reunificationInput,
    actingAs: ['partnerId', 'recordedById'],
    check: () => {
      // Only a planned journey may lie ahead; what was carried out or failed has happened.
      if (input.outcome !== 'PLANNED') notInFuture('input.date', input.date);
    },
    sent: content,
    find: (key) => prisma.reunificationSupport.findUnique({ where: { idempotencyKey: key } }),
    references: {
      TracingRequest: { 'input.tracingRequestId': input.tracingRequestId },
      Person: { 'input.personId': input.personId },
      Organization: { 'input.partnerId': input.partnerId, 'input.recordedById': input.recordedById, 'input.sharedWithIds': sharedWithIds },
    },
    ask: () => checkCrossing(peers.locations, input),
    write: (crossing) =>
      prisma.reunificationSupport.create({
        data: { id: randomUUID(), ...content, crossingOpen: crossing.crossingOpen, idempotencyKey: input.idempotencyKey ?? null },
      }),
  });
};
