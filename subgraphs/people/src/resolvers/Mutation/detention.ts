import { randomUUID } from 'node:crypto';
import { assertActingAs, badUserInput, conflict, hasScope, mandateScope, visibleRecordsSql, visibleRecordsWhere } from '@movement/runtime';
import type { MutationResolvers } from '../../generated/graphql';
import type { AccessStatus } from '../../generated/prisma/client';
import { checkPeerReferences, checkPeople } from '../../check-references';
import { accessTransitions, assertTransition } from '../../lifecycle';
import { isoDate } from '../../dates';
import { pastDate, recordVisitSchema, registerDetentionSchema, uuidSchema, validate } from '../../validation';
import { notVisible } from '../../visibility';
import { detentionRegistrationExtras } from '../../detention/inputs';
import { checkOrganization } from '../../detention/places';

const day = (value: string) => new Date(`${value}T00:00:00Z`);

export const registerDetention: MutationResolvers['registerDetention'] = async (_root, { input }, context) => {
  validate(registerDetentionSchema, input, 'input');
  validate(detentionRegistrationExtras, input, 'input');
  assertActingAs(context.principal, 'input.recordedById', input.recordedById);
  if (input.detainingAuthorityId) await checkOrganization(context, 'input.detainingAuthorityId', input.detainingAuthorityId, 'AUTHORITY');
  await checkPeople(context, [{ field: 'input.personId', id: input.personId }]);
  await checkPeerReferences(context, [
    { field: 'input.placeOfDetentionId', typename: 'Location', ids: [input.placeOfDetentionId] },
    { field: 'input.recordedById', typename: 'Organization', ids: [input.recordedById] },
    { field: 'input.sharedWithIds', typename: 'Organization', ids: input.sharedWithIds ?? [] },
  ]);
  const registrationNumber = input.registrationNumber.trim();
  return context.prisma.$transaction(async (tx) => {
    if (await tx.detentionRecord.findFirst({ where: { registrationNumber }, select: { id: true } })) {
      throw badUserInput('input.registrationNumber', `${registrationNumber} is already registered`);
    }
    const record = await tx.detentionRecord.create({
      data: {
        id: randomUUID(),
        personId: input.personId,
        placeOfDetentionId: input.placeOfDetentionId,
        captureDate: day(input.captureDate),
        registrationNumber,
        accessStatus: 'NOT_REQUESTED',
        recordedById: input.recordedById,
        sharedWithIds: input.sharedWithIds ?? [],
        legalCategory: input.legalCategory ?? 'STATUS_UNDETERMINED',
        detainingState: input.detainingState ?? null,
        detainingAuthorityId: input.detainingAuthorityId ?? null,
        ...(input.reviewOn ? { reviewOn: day(input.reviewOn) } : {}),
      },
    });
    await tx.person.update({ where: { id: input.personId }, data: { status: 'DETAINED' } });
    return record;
  });
};

export const recordAccessRequest: MutationResolvers['recordAccessRequest'] = async (_root, { detentionRecordId, status, occurredOn, partnerId }, context) => {
  validate(uuidSchema, detentionRecordId, 'detentionRecordId');
  if (occurredOn != null) validate(pastDate, occurredOn, 'occurredOn');
  if (partnerId != null) {
    validate(uuidSchema, partnerId, 'partnerId');
    assertActingAs(context.principal, 'partnerId', partnerId);
    await checkPeerReferences(context, [{ field: 'partnerId', typename: 'Organization', ids: [partnerId] }]);
  }
  const on = occurredOn ?? new Date().toISOString().slice(0, 10);
  return context.prisma.$transaction(async (tx) => {
    // Locks the record so two answers recorded at once cannot both pass the transition check.
    // A record the principal may not see is answered as absent.
    const visible = visibleRecordsSql(context.principal, 'd', 2);
    const [current] = await tx.$queryRawUnsafe<Array<{ accessStatus: AccessStatus; captureDate: Date; recordedById: string; sharedWithIds: string[] }>>(
      `SELECT d."accessStatus", d."captureDate", d."recordedById", d."sharedWithIds" FROM "people"."DetentionRecord" d
       WHERE d."id" = $1::uuid AND ${visible.sql} FOR UPDATE`,
      detentionRecordId,
      ...visible.params,
    );
    if (!current) throw notVisible('detentionRecordId', 'DetentionRecord', detentionRecordId);
    assertTransition('Access to the detainee', accessTransitions, current.accessStatus, status);
    if (on < isoDate(current.captureDate)) throw badUserInput('occurredOn', 'must not be before the capture date');
    // Without the mandate a partner acts only as itself, also when it leaves the partner out.
    const actingPartner = hasScope(context.principal, mandateScope) ? current.recordedById : (context.principal.partnerId ?? current.recordedById);
    const previous = await tx.detentionAccessStep.findFirst({ where: { detentionRecordId }, orderBy: { sequence: 'desc' }, select: { occurredOn: true } });
    if (previous && on < isoDate(previous.occurredOn))
      throw badUserInput('occurredOn', `must not be before the previous step (${isoDate(previous.occurredOn)})`);
    await tx.detentionAccessStep.create({
      data: {
        id: randomUUID(),
        detentionRecordId,
        status,
        occurredOn: day(on),
        partnerId: partnerId ?? actingPartner,
        recordedById: partnerId ?? actingPartner,
        sharedWithIds: current.sharedWithIds,
      },
    });
    return tx.detentionRecord.update({ where: { id: detentionRecordId }, data: { accessStatus: status } });
  });
};

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
  await checkPeerReferences(context, [
    { field: 'input.visitedById', typename: 'Organization', ids: [input.visitedById] },
    { field: 'input.recordedById', typename: 'Organization', ids: [input.recordedById] },
  ]);
  return context.prisma.detentionVisit.create({
    data: {
      id: randomUUID(),
      detentionRecordId: record.id,
      visitedOn: day(input.visitedOn),
      visitedById: input.visitedById,
      privateInterview: input.privateInterview,
      recordedById: input.recordedById,
      sharedWithIds: record.sharedWithIds,
    },
  });
};
