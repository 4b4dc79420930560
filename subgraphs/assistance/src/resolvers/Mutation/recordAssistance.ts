import { randomUUID } from 'node:crypto';
import { badUserInput } from '@movement/runtime';
import type { MutationResolvers } from '../../generated/graphql';
import { enclosingAreas } from '../../areas';
import { addReachedDay, addToAreaTotals } from '../../area-totals';
import { recordOnce } from '../../record-once';
import { assistanceInput, checkItem, insideProgramme, notInFuture } from '../../validation';

export const recordAssistance: MutationResolvers['recordAssistance'] = (_root, { input }, context) => {
  const { prisma, peers } = context;
  const sharedWithIds = [...new Set(input.sharedWithIds ?? [])];
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
  return recordOnce(context, input, {
    rules: assistanceInput,
    actingAs: ['partnerId', 'recordedById'],
    check: () => {
      checkItem('input', input);
      notInFuture('input.date', input.date);
    },
    sent: content,
    find: (key) => prisma.assistanceRecord.findUnique({ where: { idempotencyKey: key } }),
    before: async () => {
      if (!input.distributionId) return;
      const distribution = await prisma.distribution.findUnique({ where: { id: input.distributionId }, include: { programme: true } });
      if (!distribution) throw badUserInput('input.distributionId', `no distribution with id ${input.distributionId}`);
      insideProgramme('input.date', input.date, distribution.programme);
      // A household served at a distribution was served by the partner that carried it out.
      if (distribution.partnerId !== input.partnerId) {
        throw badUserInput('input.partnerId', `distribution ${distribution.id} was carried out by partner ${distribution.partnerId}, not ${input.partnerId}`);
      }
    },
    references: {
      Person: { 'input.beneficiaryId': input.beneficiaryId },
      Organization: { 'input.partnerId': input.partnerId, 'input.recordedById': input.recordedById, 'input.sharedWithIds': sharedWithIds },
    },
    ask: () => enclosingAreas(peers.locations, [input.locationId]),
    write: (areas) => {
      const areaIds = areas.get(input.locationId);
      if (!areaIds) throw badUserInput('input.locationId', `no Location with id ${input.locationId}`);
      return prisma.$transaction(async (tx) => {
        const record = await tx.assistanceRecord.create({ data: { id: randomUUID(), ...content, areaIds, idempotencyKey: input.idempotencyKey ?? null } });
        // The area totals move with the record, so reports never disagree with the records.
        await tx.$executeRawUnsafe(addToAreaTotals('SELECT * FROM "assistance"."AssistanceRecord" WHERE "id" = $1::uuid'), record.id);
        await addReachedDay(tx, { beneficiaryId: record.beneficiaryId, date: input.date, householdSize: record.householdSize, areaIds });
        return record;
      });
    },
  });
};
