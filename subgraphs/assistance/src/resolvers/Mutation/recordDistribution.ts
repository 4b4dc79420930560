import { randomUUID } from 'node:crypto';
import { badUserInput } from '@movement/runtime';
import type { MutationResolvers } from '../../generated/graphql';
import type { Distribution } from '../../generated/prisma/client';
import { enclosingAreas } from '../../areas';
import { recordOnce } from '../../record-once';
import { checkDistributionItem, distributionInput, insideProgramme, notInFuture } from '../../validation';

/** One item of a distribution as one comparable value. */
const itemKey = (item: { item: string; modality: string; quantity: number; unit: string; currency?: string | null }) =>
  [item.item, item.modality, item.quantity, item.unit, item.currency ?? ''].join('|');

export const recordDistribution: MutationResolvers['recordDistribution'] = (_root, { input }, context) => {
  const { prisma, peers } = context;
  // What the distribution says (its items apart, compared as a set).
  const content = {
    programmeId: input.programmeId,
    locationId: input.locationId,
    date: new Date(input.date),
    partnerId: input.partnerId,
    recordedById: input.recordedById,
  };
  return recordOnce(context, input, {
    rules: distributionInput,
    actingAs: ['partnerId', 'recordedById'],
    check: () => {
      notInFuture('input.date', input.date);
      const seen = new Set<string>();
      input.items.forEach((item, index) => {
        checkDistributionItem(`input.items.${index}`, item);
        // One total per item and currency, so reports never count the same handout twice.
        const key = `${item.item}\u0000${item.currency ?? ''}`;
        if (seen.has(key)) throw badUserInput(`input.items.${index}.item`, `${item.item} is listed twice; give one total per item`);
        seen.add(key);
      });
    },
    sent: { ...content, items: input.items.map(itemKey) },
    stored: async (first: Distribution) => ({
      ...first,
      items: (await prisma.distributionItem.findMany({ where: { distributionId: first.id } })).map(itemKey),
    }),
    find: (key) => prisma.distribution.findUnique({ where: { idempotencyKey: key } }),
    before: async () => {
      const programme = await prisma.assistanceProgramme.findUnique({ where: { id: input.programmeId } });
      if (!programme) throw badUserInput('input.programmeId', `no programme with id ${input.programmeId}`);
      insideProgramme('input.date', input.date, programme);
    },
    references: { Organization: { 'input.partnerId': input.partnerId, 'input.recordedById': input.recordedById } },
    ask: () => enclosingAreas(peers.locations, [input.locationId]),
    write: (areas) => {
      const areaIds = areas.get(input.locationId);
      if (!areaIds) throw badUserInput('input.locationId', `no Location with id ${input.locationId}`);
      return prisma.$transaction(async (tx) => {
        const distribution = await tx.distribution.create({ data: { id: randomUUID(), ...content, areaIds, idempotencyKey: input.idempotencyKey ?? null } });
        await tx.distributionItem.createMany({
          data: input.items.map((item) => ({
            id: randomUUID(),
            distributionId: distribution.id,
            item: item.item,
            modality: item.modality,
            quantity: item.quantity,
            unit: item.unit,
            currency: item.currency ?? null,
          })),
        });
        return distribution;
      });
    },
  });
};
