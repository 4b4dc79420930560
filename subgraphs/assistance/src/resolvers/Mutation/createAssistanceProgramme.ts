import { randomUUID } from 'node:crypto';
import { assertActingAs, badUserInput } from '@movement/runtime';
import type { MutationResolvers } from '../../generated/graphql';
import { enclosingAreas } from '../../areas';
import { firstDifference, once } from '../../idempotency';
import { requireExisting } from '../../references-check';
import { parseInput, programmeInput } from '../../validation';

export const createAssistanceProgramme: MutationResolvers['createAssistanceProgramme'] = async (_root, { input }, { prisma, peers, principal }) => {
  parseInput(programmeInput, input);
  assertActingAs(principal, 'input.partnerId', input.partnerId);
  if (input.endDate && input.endDate < input.startDate) throw badUserInput('input.endDate', `must not be before startDate ${input.startDate}`);
  // What the programme says: written once, and compared with the first one when a key comes again.
  const content = {
    name: input.name.trim(),
    partnerId: input.partnerId,
    sector: input.sector,
    startDate: new Date(input.startDate),
    endDate: input.endDate ? new Date(input.endDate) : null,
    targetAreaIds: [...new Set(input.targetAreaIds)],
  };
  const find = (key: string) => prisma.assistanceProgramme.findUnique({ where: { idempotencyKey: key } });
  return once(
    input.idempotencyKey,
    find,
    async () => {
      const [areas] = await Promise.all([
        enclosingAreas(peers.locations, input.targetAreaIds),
        requireExisting(peers, { Organization: [{ field: 'input.partnerId', ids: [input.partnerId] }] }),
      ]);
      const missing = input.targetAreaIds.findIndex((id) => !areas.has(id));
      if (missing >= 0) throw badUserInput(`input.targetAreaIds.${missing}`, `no Location with id ${input.targetAreaIds[missing]}`);
      return prisma.assistanceProgramme.create({
        data: {
          id: randomUUID(),
          ...content,
          idempotencyKey: input.idempotencyKey ?? null,
        },
      });
    },
    (first) => firstDifference(first, content),
  );
};
