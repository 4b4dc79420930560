import { randomUUID } from 'node:crypto';
import { assertActingAs, badUserInput, checkReferences, conflict, visibleRecordsWhere } from '@movement/runtime';
import type { MutationResolvers } from '../../generated/graphql';
import { dateOf, isoDate } from '../../dates';
import { accessTransitions } from '../../lifecycle';
import { recordVisitSchema, validate } from '../../validation';

export const recordVisit: MutationResolvers['recordVisit'] = async (_root, { input }, context) => {
  validate(recordVisitSchema, input, 'input');
  // The visiting organisation may be another one (an ICRC delegation's visit recorded by a National
  // Society); the recording partner is the one acting.
  assertActingAs(context.principal, 'input.recordedById', input.recordedById);
  // A record the principal may not see is answered as absent.
  const record = await context.prisma.detentionRecord.findFirst({ where: { AND: [{ id: input.detentionRecordId }, visibleRecordsWhere(context.principal)] } });
  if (!record) throw badUserInput('input.detentionRecordId', `no DetentionRecord has the id ${input.detentionRecordId}`);
  if (record.accessStatus !== 'GRANTED') {
    throw conflict(`A visit needs granted access; access is ${record.accessStatus}.`, { allowed: accessTransitions[record.accessStatus] });
  }
  if (input.visitedOn < isoDate(record.captureDate)) throw badUserInput('input.visitedOn', 'must not be before the capture date');
  await checkReferences(context.peers, { Organization: { 'input.visitedById': input.visitedById, 'input.recordedById': input.recordedById } });
  return context.prisma.detentionVisit.create({
    data: {
      id: randomUUID(),
      detentionRecordId: record.id,
      visitedOn: dateOf(input.visitedOn),
      visitedById: input.visitedById,
      privateInterview: input.privateInterview,
      recordedById: input.recordedById,
      sharedWithIds: record.sharedWithIds,
    },
  });
};
