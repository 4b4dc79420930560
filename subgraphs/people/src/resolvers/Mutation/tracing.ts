import { randomBytes, randomUUID } from 'node:crypto';
import { assertActingAs, badUserInput, conflict, reviewOnInput, visibleRecordsSql, visibleRecordsWhere } from '@movement/runtime';
import type { Context } from '../../context';
import type { MutationResolvers } from '../../generated/graphql';
import type { TracingStatus } from '../../generated/prisma/client';
import { checkPeerReferences, checkPeople } from '../../check-references';
import { assertTransition, tracingTransitions } from '../../lifecycle';
import { closedReasonSchema, openTracingSchema, uuidSchema, validate } from '../../validation';
import { linkBothWays } from './people';
import { notVisible } from '../../visibility';

const dateOrNull = (value: string | null | undefined) => (value ? new Date(`${value}T00:00:00Z`) : null);

/** `TR-<year>-<8 hex>`: readable over the phone, random so two offices never collide. */
const newReference = () => `TR-${new Date().getUTCFullYear()}-${randomBytes(4).toString('hex').toUpperCase()}`;

export const openTracingRequest: MutationResolvers['openTracingRequest'] = async (_root, { input }, context) => {
  validate(openTracingSchema, input, 'input');
  validate(reviewOnInput, input, 'input');
  assertActingAs(context.principal, 'input.recordedById', input.recordedById);
  await checkPeople(context, [
    { field: 'input.enquirerId', id: input.enquirerId },
    { field: 'input.soughtPersonId', id: input.soughtPersonId },
  ]);
  await checkPeerReferences(context, [
    { field: 'input.lastSeenAtId', typename: 'Location', ids: [input.lastSeenAtId] },
    { field: 'input.recordedById', typename: 'Organization', ids: [input.recordedById] },
    { field: 'input.sharedWithIds', typename: 'Organization', ids: input.sharedWithIds ?? [] },
  ]);
  return context.prisma.tracingRequest.create({
    data: {
      id: randomUUID(),
      reference: newReference(),
      enquirerId: input.enquirerId,
      soughtPersonId: input.soughtPersonId,
      enquirerRelationship: input.enquirerRelationship,
      circumstances: input.circumstances.trim(),
      lastSeenAtId: input.lastSeenAtId ?? null,
      lastSeenOn: dateOrNull(input.lastSeenOn),
      status: 'OPEN',
      openedOn: new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`),
      recordedById: input.recordedById,
      sharedWithIds: input.sharedWithIds ?? [],
      ...(input.reviewOn ? { reviewOn: dateOrNull(input.reviewOn)! } : {}),
    },
  });
};

export const changeTracingStatus: MutationResolvers['changeTracingStatus'] = async (_root, { id, status, closedReason }, context) => {
  validate(uuidSchema, id, 'id');
  if (status === 'CLOSED') validate(closedReasonSchema, closedReason ?? '', 'closedReason');
  else if (closedReason != null) throw badUserInput('closedReason', 'is only given when the status is CLOSED');
  return context.prisma.$transaction(async (tx) => {
    // Locks the row so two caseworkers moving the same case cannot both pass the check; a request
    // the principal may not see is answered as absent.
    const visible = visibleRecordsSql(context.principal, 't', 2);
    const [current] = await tx.$queryRawUnsafe<Array<{ status: TracingStatus }>>(
      `SELECT t."status" FROM "people"."TracingRequest" t WHERE t."id" = $1::uuid AND ${visible.sql} FOR UPDATE`,
      id,
      ...visible.params,
    );
    if (!current) throw notVisible('id', 'TracingRequest', id);
    assertTransition('The tracing request', tracingTransitions, current.status, status);
    return tx.tracingRequest.update({ where: { id }, data: { status, closedReason: status === 'CLOSED' ? closedReason!.trim() : null } });
  });
};

/** Loads the request for a match decision, refusing one whose case is no longer searched. */
async function openRequest(context: Context, tracingRequestId: string, personId: string) {
  validate(uuidSchema, tracingRequestId, 'tracingRequestId');
  validate(uuidSchema, personId, 'personId');
  const request = await context.prisma.tracingRequest.findFirst({ where: { AND: [{ id: tracingRequestId }, visibleRecordsWhere(context.principal)] } });
  if (!request) throw notVisible('tracingRequestId', 'TracingRequest', tracingRequestId);
  await checkPeople(context, [{ field: 'personId', id: personId }]);
  if (personId === request.enquirerId || personId === request.soughtPersonId) {
    throw badUserInput('personId', 'must be a candidate, not the enquirer or the record of the sought person');
  }
  return request;
}

export const confirmPossibleMatch: MutationResolvers['confirmPossibleMatch'] = async (_root, { tracingRequestId, personId, recordedById }, context) => {
  assertActingAs(context.principal, 'recordedById', recordedById);
  const request = await openRequest(context, tracingRequestId, personId);
  assertTransition('The tracing request', tracingTransitions, request.status, 'LOCATED');
  await checkPeerReferences(context, [{ field: 'recordedById', typename: 'Organization', ids: [recordedById] }]);
  return context.prisma.$transaction(async (tx) => {
    const updated = await tx.tracingRequest.updateMany({
      where: { id: tracingRequestId, status: request.status },
      data: { status: 'LOCATED', locatedPersonId: personId },
    });
    if (updated.count === 0) throw conflict('The tracing request changed meanwhile; read it again.', { allowed: [] });
    // The enquirer's relationship is what the enquirer is to the person found.
    await linkBothWays(tx, personId, request.enquirerId, request.enquirerRelationship, recordedById);
    context.logger.info({ tracingRequestId, personId }, 'possible match confirmed');
    return tx.tracingRequest.findUniqueOrThrow({ where: { id: tracingRequestId } });
  });
};

export const rejectPossibleMatch: MutationResolvers['rejectPossibleMatch'] = async (_root, { tracingRequestId, personId, reason, recordedById }, context) => {
  assertActingAs(context.principal, 'recordedById', recordedById);
  const request = await openRequest(context, tracingRequestId, personId);
  if (!['OPEN', 'SEARCHING'].includes(request.status)) {
    throw conflict(`Candidates are decided only while the request is OPEN or SEARCHING; it is ${request.status}.`, { allowed: [] });
  }
  if (reason != null) validate(closedReasonSchema, reason, 'reason');
  await checkPeerReferences(context, [{ field: 'recordedById', typename: 'Organization', ids: [recordedById] }]);
  await context.prisma.tracingMatchRejection.upsert({
    where: { tracingRequestId_personId: { tracingRequestId, personId } },
    create: { id: randomUUID(), tracingRequestId, personId, reason: reason?.trim() ?? null, recordedById, sharedWithIds: request.sharedWithIds },
    update: {},
  });
  return request;
};
