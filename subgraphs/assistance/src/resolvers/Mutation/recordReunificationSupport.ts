import { randomUUID } from 'node:crypto';
import { badUserInput } from '@movement/runtime';
import type { MutationResolvers } from '../../generated/graphql';
import { places } from '../../areas';
import { firstDifference, once } from '../../idempotency';
import { requireActingPartner } from '../../acting-partner';
import { requireExisting } from '../../references-check';
import { notInFuture, parseInput, reunificationInput } from '../../validation';

export const recordReunificationSupport: MutationResolvers['recordReunificationSupport'] = async (_root, { input }, { prisma, peers, principal }) => {
  parseInput(reunificationInput, input);
  requireActingPartner(principal, { 'input.partnerId': input.partnerId, 'input.recordedById': input.recordedById });
  // Only a planned journey may lie ahead; what was carried out or failed has happened.
  if (input.outcome !== 'PLANNED') notInFuture('input.date', input.date);
  const sharedWithIds = [...new Set(input.sharedWithIds ?? [])];
  const find = (key: string) => prisma.reunificationSupport.findUnique({ where: { idempotencyKey: key } });
  return once(input.idempotencyKey, find, async () => {
    const [areas] = await Promise.all([
      places(peers.locations, input.borderCrossingId ? [input.borderCrossingId] : []),
      requireExisting(peers, {
        TracingRequest: [{ field: 'input.tracingRequestId', ids: [input.tracingRequestId] }],
        Person: [{ field: 'input.personId', ids: [input.personId] }],
        Organization: [
          { field: 'input.partnerId', ids: [input.partnerId] },
          { field: 'input.recordedById', ids: [input.recordedById] },
          { field: 'input.sharedWithIds', ids: sharedWithIds },
        ],
      }),
    ]);
    if (input.borderCrossingId) {
      const crossing = areas.get(input.borderCrossingId);
      if (!crossing) throw badUserInput('input.borderCrossingId', `no Location with id ${input.borderCrossingId}`);
      if (crossing.type !== 'BORDER_CROSSING') {
        throw badUserInput('input.borderCrossingId', `Location ${input.borderCrossingId} is a ${crossing.type}, not a BORDER_CROSSING`);
      }
    }
    return prisma.reunificationSupport.create({
      data: {
        id: randomUUID(),
        tracingRequestId: input.tracingRequestId,
        personId: input.personId,
        kind: input.kind,
        borderCrossingId: input.borderCrossingId ?? null,
        date: new Date(input.date),
        outcome: input.outcome,
        partnerId: input.partnerId,
        recordedById: input.recordedById,
        sharedWithIds,
        idempotencyKey: input.idempotencyKey ?? null,
      },
    });
  }, (first) =>
    firstDifference({
      tracingRequestId: [first.tracingRequestId, input.tracingRequestId],
      personId: [first.personId, input.personId],
      kind: [first.kind, input.kind],
      borderCrossingId: [first.borderCrossingId, input.borderCrossingId],
      date: [first.date, input.date],
      outcome: [first.outcome, input.outcome],
      partnerId: [first.partnerId, input.partnerId],
      recordedById: [first.recordedById, input.recordedById],
      sharedWithIds: [first.sharedWithIds, sharedWithIds],
    }),
  );
};
