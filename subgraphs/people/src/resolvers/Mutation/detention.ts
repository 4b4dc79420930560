import { randomUUID } from 'node:crypto';
import { badUserInput, conflict, notFound } from '@movement/runtime';
import type { MutationResolvers } from '../../generated/graphql';
import type { AccessStatus } from '../../generated/prisma/client';
import { checkPeerReferences, checkPeople } from '../../check-references';
import { accessTransitions, assertTransition } from '../../lifecycle';
import { isoDate } from '../../dates';
import { pastDate, recordVisitSchema, registerDetentionSchema, uuidSchema, validate } from '../../validation';

const day = (value: string) => new Date(`${value}T00:00:00Z`);

export const registerDetention: MutationResolvers['registerDetention'] = async (_root, { input }, context) => {
  validate(registerDetentionSchema, input, 'input');
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
    await checkPeerReferences(context, [{ field: 'partnerId', typename: 'Organization', ids: [partnerId] }]);
  }
  const on = occurredOn ?? new Date().toISOString().slice(0, 10);
  return context.prisma.$transaction(async (tx) => {
    // Locks the record so two answers recorded at once cannot both pass the transition check.
    const [current] = await tx.$queryRaw<Array<{ accessStatus: AccessStatus; captureDate: Date; recordedById: string; sharedWithIds: string[] }>>`
      SELECT "accessStatus", "captureDate", "recordedById", "sharedWithIds" FROM "people"."DetentionRecord" WHERE "id" = ${detentionRecordId}::uuid FOR UPDATE`;
    if (!current) throw notFound('detentionRecordId', `no DetentionRecord has the id ${detentionRecordId}`);
    assertTransition('Access to the detainee', accessTransitions, current.accessStatus, status);
    if (on < isoDate(current.captureDate)) throw badUserInput('occurredOn', 'must not be before the capture date');
    const previous = await tx.detentionAccessStep.findFirst({ where: { detentionRecordId }, orderBy: { sequence: 'desc' }, select: { occurredOn: true } });
    if (previous && on < isoDate(previous.occurredOn)) throw badUserInput('occurredOn', `must not be before the previous step (${isoDate(previous.occurredOn)})`);
    await tx.detentionAccessStep.create({
      data: {
        id: randomUUID(),
        detentionRecordId,
        status,
        occurredOn: day(on),
        partnerId: partnerId ?? current.recordedById,
        recordedById: partnerId ?? current.recordedById,
        sharedWithIds: current.sharedWithIds,
      },
    });
    return tx.detentionRecord.update({ where: { id: detentionRecordId }, data: { accessStatus: status } });
  });
};

export const recordVisit: MutationResolvers['recordVisit'] = async (_root, { input }, context) => {
  validate(recordVisitSchema, input, 'input');
  const record = await context.prisma.detentionRecord.findUnique({ where: { id: input.detentionRecordId } });
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
