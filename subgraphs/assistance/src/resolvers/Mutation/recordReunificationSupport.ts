import { randomUUID } from 'node:crypto';
import { assertActingAs } from '@movement/runtime';
import type { MutationResolvers } from '../../generated/graphql';
import { checkCrossing } from '../../crossing-check';
import { firstDifference, once } from '../../idempotency';
import { requireExisting } from '../../references-check';
import { notInFuture, parseInput, reunificationInput } from '../../validation';

export const recordReunificationSupport: MutationResolvers['recordReunificationSupport'] = async (_root, { input }, { prisma, peers, principal }) => {
  parseInput(reunificationInput, input);
  // Checked before anything is read, so an idempotency key never hands back another partner's record.
  assertActingAs(principal, 'input.partnerId', input.partnerId);
  assertActingAs(principal, 'input.recordedById', input.recordedById);
  // Only a planned journey may lie ahead; what was carried out or failed has happened.
  if (input.outcome !== 'PLANNED') notInFuture('input.date', input.date);
  const sharedWithIds = [...new Set(input.sharedWithIds ?? [])];
  // What the record says: written once, and compared with the first record when a key comes again.
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
  const find = (key: string) => prisma.reunificationSupport.findUnique({ where: { idempotencyKey: key } });
  return once(
    input.idempotencyKey,
    find,
    async () => {
      const [crossing] = await Promise.all([
        checkCrossing(peers.locations, input),
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
      return prisma.reunificationSupport.create({
        data: {
          id: randomUUID(),
          ...content,
          crossingOpen: crossing.crossingOpen,
          idempotencyKey: input.idempotencyKey ?? null,
        },
      });
    },
    (first) => firstDifference(first, content),
  );
};
