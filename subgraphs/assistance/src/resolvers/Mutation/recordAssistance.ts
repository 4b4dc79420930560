import { randomUUID } from 'node:crypto';
import { assertActingAs, badUserInput } from '@movement/runtime';
import type { MutationResolvers } from '../../generated/graphql';
import { enclosingAreas } from '../../areas';
import { addReachedDay, addToAreaTotals } from '../../area-totals';
import { firstDifference, once } from '../../idempotency';
import { requireExisting } from '../../references-check';
import { assistanceInput, checkItem, insideProgramme, notInFuture, parseInput } from '../../validation';

export const recordAssistance: MutationResolvers['recordAssistance'] = async (_root, { input }, { prisma, peers, principal }) => {
  parseInput(assistanceInput, input);
  // Checked before anything is read, so an idempotency key never hands back another partner's record.
  assertActingAs(principal, 'input.partnerId', input.partnerId);
  assertActingAs(principal, 'input.recordedById', input.recordedById);
  checkItem('input', input);
  notInFuture('input.date', input.date);
  const sharedWithIds = [...new Set(input.sharedWithIds ?? [])];
  // What the record says: written once, and compared with the first record when a key comes again.
  const content = {
    beneficiaryId: input.beneficiaryId,
    householdSize: input.householdSize ?? 1,
    distributionId: input.distributionId ?? null,
    item: input.item,
    modality: input.modality,
    quantity: input.quantity,
    unit: input.unit,
    currency: input.currency ?? null,
    date: new Date(input.date),
    locationId: input.locationId,
    partnerId: input.partnerId,
    recordedById: input.recordedById,
    sharedWithIds,
  };
  const find = (key: string) => prisma.assistanceRecord.findUnique({ where: { idempotencyKey: key } });
  return once(
    input.idempotencyKey,
    find,
    async () => {
      if (input.distributionId) {
        const distribution = await prisma.distribution.findUnique({ where: { id: input.distributionId }, include: { programme: true } });
        if (!distribution) throw badUserInput('input.distributionId', `no distribution with id ${input.distributionId}`);
        insideProgramme('input.date', input.date, distribution.programme);
        // A household served at a distribution was served by the partner that carried it out.
        if (distribution.partnerId !== input.partnerId) {
          throw badUserInput('input.partnerId', `distribution ${distribution.id} was carried out by partner ${distribution.partnerId}, not ${input.partnerId}`);
        }
      }
      const [areas] = await Promise.all([
        enclosingAreas(peers.locations, [input.locationId]),
        requireExisting(peers, {
          Person: [{ field: 'input.beneficiaryId', ids: [input.beneficiaryId] }],
          Organization: [
            { field: 'input.partnerId', ids: [input.partnerId] },
            { field: 'input.recordedById', ids: [input.recordedById] },
            { field: 'input.sharedWithIds', ids: sharedWithIds },
          ],
        }),
      ]);
      const areaIds = areas.get(input.locationId);
      if (!areaIds) throw badUserInput('input.locationId', `no Location with id ${input.locationId}`);
      return prisma.$transaction(async (tx) => {
        const record = await tx.assistanceRecord.create({
          data: {
            id: randomUUID(),
            ...content,
            areaIds,
            idempotencyKey: input.idempotencyKey ?? null,
          },
        });
        // The area totals move with the record, so reports never disagree with the records.
        await tx.$executeRawUnsafe(addToAreaTotals('SELECT * FROM "assistance"."AssistanceRecord" WHERE "id" = $1::uuid'), record.id);
        await addReachedDay(tx, { beneficiaryId: record.beneficiaryId, date: input.date, householdSize: record.householdSize, areaIds });
        return record;
      });
    },
    (first) => firstDifference(first, content),
  );
};
