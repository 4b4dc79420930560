import { randomUUID } from 'node:crypto';
import { badUserInput } from '@movement/runtime';
import type { MutationResolvers } from '../../generated/graphql';
import { enclosingAreas } from '../../areas';
import { once } from '../../idempotency';
import { requireExisting } from '../../references-check';
import { notInFuture, parseInput, reunificationInput } from '../../validation';

export const recordReunificationSupport: MutationResolvers['recordReunificationSupport'] = async (_root, { input }, { prisma, peers }) => {
  parseInput(reunificationInput, input);
  // Only a planned journey may lie ahead; what was carried out or failed has happened.
  if (input.outcome !== 'PLANNED') notInFuture('input.date', input.date);
  const sharedWithIds = [...new Set(input.sharedWithIds ?? [])];
  const find = (key: string) => prisma.reunificationSupport.findUnique({ where: { idempotencyKey: key } });
  return once(input.idempotencyKey, find, async () => {
    const [areas] = await Promise.all([
      enclosingAreas(peers.locations, input.borderCrossingId ? [input.borderCrossingId] : []),
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
    if (input.borderCrossingId && !areas.has(input.borderCrossingId)) {
      throw badUserInput('input.borderCrossingId', `no Location with id ${input.borderCrossingId}`);
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
  });
};
