import { randomUUID } from 'node:crypto';
import { assertActingAs, checkReferences, conflict } from '@movement/runtime';
import type { MutationResolvers } from '../../generated/graphql';
import { openRequest } from '../../match-decisions';
import { closedReasonSchema, validate } from '../../validation';

export const rejectPossibleMatch: MutationResolvers['rejectPossibleMatch'] = async (_root, { tracingRequestId, personId, reason, recordedById }, context) => {
  assertActingAs(context.principal, 'recordedById', recordedById);
  const request = await openRequest(context, tracingRequestId, personId);
  if (!['OPEN', 'SEARCHING'].includes(request.status)) {
    throw conflict(`Candidates are decided only while the request is OPEN or SEARCHING; it is ${request.status}.`, { allowed: [] });
  }
  if (reason != null) validate(closedReasonSchema, reason, 'reason');
  await checkReferences(context.peers, { Organization: { recordedById } });
  await context.prisma.tracingMatchRejection.upsert({
    where: { tracingRequestId_personId: { tracingRequestId, personId } },
    create: { id: randomUUID(), tracingRequestId, personId, reason: reason?.trim() ?? null, recordedById, sharedWithIds: request.sharedWithIds },
    update: {},
  });
  return request;
};
