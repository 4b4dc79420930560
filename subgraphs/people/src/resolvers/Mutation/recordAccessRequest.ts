import { randomUUID } from 'node:crypto';
import { assertActingAs, badUserInput, checkReferences, hasScope, mandateScope, visibleRecordsSql } from '@movement/runtime';
import type { MutationResolvers } from '../../generated/graphql';
import type { AccessStatus } from '../../generated/prisma/client';
import { dateOf, isoDate } from '../../dates';
import { accessTransitions, assertTransition } from '../../lifecycle';
import { pastDate, uuidSchema, validate } from '../../validation';
import { notVisible } from '../../visibility';

export const recordAccessRequest: MutationResolvers['recordAccessRequest'] = async (_root, { detentionRecordId, status, occurredOn, partnerId }, context) => {
  validate(uuidSchema, detentionRecordId, 'detentionRecordId');
  if (occurredOn != null) validate(pastDate, occurredOn, 'occurredOn');
  if (partnerId != null) {
    validate(uuidSchema, partnerId, 'partnerId');
    assertActingAs(context.principal, 'partnerId', partnerId);
    await checkReferences(context.peers, { Organization: { partnerId } });
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
        occurredOn: dateOf(on),
        partnerId: partnerId ?? actingPartner,
        recordedById: partnerId ?? actingPartner,
        sharedWithIds: current.sharedWithIds,
      },
    });
    return tx.detentionRecord.update({ where: { id: detentionRecordId }, data: { accessStatus: status } });
  });
};
