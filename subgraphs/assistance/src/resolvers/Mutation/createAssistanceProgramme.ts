import { randomUUID } from 'node:crypto';
import { badUserInput } from '@movement/runtime';
import type { MutationResolvers } from '../../generated/graphql';
import { enclosingAreas } from '../../areas';
import { recordOnce } from '../../record-once';
import { programmeInput } from '../../validation';

export const createAssistanceProgramme: MutationResolvers['createAssistanceProgramme'] = (_root, { input }, context) => {
  const { prisma, peers } = context;
  const content = {
    name: input.name.trim(),
    partnerId: input.partnerId,
    sector: input.sector,
    startDate: new Date(input.startDate),
    endDate: input.endDate ? new Date(input.endDate) : null,
    targetAreaIds: [...new Set(input.targetAreaIds)],
  };
  return recordOnce(context, input, {
    rules: programmeInput,
    actingAs: ['partnerId'],
    check: () => {
      if (input.endDate && input.endDate < input.startDate) throw badUserInput('input.endDate', `must not be before startDate ${input.startDate}`);
    },
    sent: content,
    find: (key) => prisma.assistanceProgramme.findUnique({ where: { idempotencyKey: key } }),
    references: { Organization: { 'input.partnerId': input.partnerId } },
    ask: () => enclosingAreas(peers.locations, input.targetAreaIds),
    write: (areas) => {
      const missing = input.targetAreaIds.findIndex((id) => !areas.has(id));
      if (missing >= 0) throw badUserInput(`input.targetAreaIds.${missing}`, `no Location with id ${input.targetAreaIds[missing]}`);
      return prisma.assistanceProgramme.create({ data: { id: randomUUID(), ...content, idempotencyKey: input.idempotencyKey ?? null } });
    },
  });
};
