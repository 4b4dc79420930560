import { randomUUID } from 'node:crypto';
import { assertActingAs, badUserInput } from '@movement/runtime';
import type { MutationResolvers } from '../../generated/graphql';
import { enclosingAreas } from '../../areas';
import { firstDifference, once } from '../../idempotency';
import { requireExisting } from '../../references-check';
import { checkDistributionItem, distributionInput, insideProgramme, notInFuture, parseInput } from '../../validation';

export const recordDistribution: MutationResolvers['recordDistribution'] = async (_root, { input }, { prisma, peers, principal }) => {
  parseInput(distributionInput, input);
  // Checked before anything is read, so an idempotency key never hands back another partner's record.
  assertActingAs(principal, 'input.partnerId', input.partnerId);
  assertActingAs(principal, 'input.recordedById', input.recordedById);
  notInFuture('input.date', input.date);
  const seen = new Set<string>();
  input.items.forEach((item, index) => {
    checkDistributionItem(`input.items.${index}`, item);
    // One total per item and currency, so reports never count the same handout twice.
    const itemKey = `${item.item}\u0000${item.currency ?? ''}`;
    if (seen.has(itemKey)) throw badUserInput(`input.items.${index}.item`, `${item.item} is listed twice; give one total per item`);
    seen.add(itemKey);
  });
  // What the distribution says (its items apart): written once, and compared with the first one when a key comes again.
  const content = {
    programmeId: input.programmeId,
    locationId: input.locationId,
    date: new Date(input.date),
    partnerId: input.partnerId,
    recordedById: input.recordedById,
  };
  const find = (key: string) => prisma.distribution.findUnique({ where: { idempotencyKey: key } });
  return once(
    input.idempotencyKey,
    find,
    async () => {
      const programme = await prisma.assistanceProgramme.findUnique({ where: { id: input.programmeId } });
      if (!programme) throw badUserInput('input.programmeId', `no programme with id ${input.programmeId}`);
      insideProgramme('input.date', input.date, programme);
      const [areas] = await Promise.all([
        enclosingAreas(peers.locations, [input.locationId]),
        requireExisting(peers, {
          Organization: [
            { field: 'input.partnerId', ids: [input.partnerId] },
            { field: 'input.recordedById', ids: [input.recordedById] },
          ],
        }),
      ]);
      const areaIds = areas.get(input.locationId);
      if (!areaIds) throw badUserInput('input.locationId', `no Location with id ${input.locationId}`);
      return prisma.$transaction(async (tx) => {
        const distribution = await tx.distribution.create({
          data: {
            id: randomUUID(),
            ...content,
            areaIds,
            idempotencyKey: input.idempotencyKey ?? null,
          },
        });
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
    async (first) => {
      const items = await prisma.distributionItem.findMany({ where: { distributionId: first.id } });
      const itemKey = (item: { item: string; modality: string; quantity: number; unit: string; currency?: string | null }) =>
        [item.item, item.modality, item.quantity, item.unit, item.currency ?? ''].join('|');
      return firstDifference({ ...first, items: items.map(itemKey) }, { ...content, items: input.items.map(itemKey) });
    },
  );
};
