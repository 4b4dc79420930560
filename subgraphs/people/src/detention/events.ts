import { randomUUID } from 'node:crypto';
import { assertActingAs, badUserInput, checkReferences, conflict, visibleRecordsSql } from '@movement/runtime';
import type { MutationResolvers } from '../generated/graphql';
import type { CustodyStatus, DetentionEventKind, PersonStatus } from '../generated/prisma/client';
import { isoDate } from '../dates';
import { notVisible } from '../visibility';
import { validate } from '../validation';
import { detentionEventSchema } from './inputs';
import { checkPlace } from './places';

const day = (value: string) => new Date(`${value}T00:00:00Z`);

/** Where custody stands after each event; a transfer keeps the person in custody. */
const custodyAfter: Record<DetentionEventKind, CustodyStatus> = {
  TRANSFER: 'IN_CUSTODY',
  RELEASE: 'RELEASED',
  REPATRIATION: 'REPATRIATED',
  DEATH: 'DECEASED',
};

export const recordDetentionEvent: MutationResolvers['recordDetentionEvent'] = async (_root, { input }, context) => {
  validate(detentionEventSchema, input, 'input');
  assertActingAs(context.principal, 'input.recordedById', input.recordedById);
  await checkPlace(context, 'input.placeId', input.placeId, input.kind === 'TRANSFER' ? 'PLACE_OF_DETENTION' : undefined);
  await checkReferences(context.peers, { Organization: { 'input.recordedById': input.recordedById } });
  return context.prisma.$transaction(async (tx) => {
    // Locks the record so two events recorded at once cannot both find the person in custody.
    // A record the principal may not see is answered as absent.
    const visible = visibleRecordsSql(context.principal, 'd', 2);
    const [current] = await tx.$queryRawUnsafe<
      Array<{ personId: string; placeOfDetentionId: string; captureDate: Date; custodyStatus: CustodyStatus; sharedWithIds: string[] }>
    >(
      `SELECT d."personId", d."placeOfDetentionId", d."captureDate", d."custodyStatus", d."sharedWithIds" FROM "people"."DetentionRecord" d
       WHERE d."id" = $1::uuid AND ${visible.sql} FOR UPDATE`,
      input.detentionRecordId,
      ...visible.params,
    );
    if (!current) throw notVisible('input.detentionRecordId', 'DetentionRecord', input.detentionRecordId);
    if (current.custodyStatus !== 'IN_CUSTODY') {
      throw conflict(`The person is no longer in custody (${current.custodyStatus}); no further event can be recorded.`, {
        allowed: [],
        current: current.custodyStatus,
      });
    }
    if (input.occurredOn < isoDate(current.captureDate)) throw badUserInput('input.occurredOn', 'must not be before the capture date');
    const last = await tx.detentionEvent.findFirst({
      where: { detentionRecordId: input.detentionRecordId },
      orderBy: { sequence: 'desc' },
      select: { occurredOn: true },
    });
    if (last && input.occurredOn < isoDate(last.occurredOn))
      throw badUserInput('input.occurredOn', `must not be before the record's last event (${isoDate(last.occurredOn)})`);
    const transfer = input.kind === 'TRANSFER';
    if (transfer && input.placeId === current.placeOfDetentionId) throw badUserInput('input.placeId', 'is where the person is already held');
    await tx.detentionEvent.create({
      data: {
        id: randomUUID(),
        detentionRecordId: input.detentionRecordId,
        kind: input.kind,
        occurredOn: day(input.occurredOn),
        placeId: input.placeId,
        fromPlaceOfDetentionId: transfer ? current.placeOfDetentionId : null,
        note: input.note?.trim() || null,
        recordedById: input.recordedById,
        sharedWithIds: current.sharedWithIds,
      },
    });
    const custodyStatus = custodyAfter[input.kind];
    const record = await tx.detentionRecord.update({
      where: { id: input.detentionRecordId },
      data: transfer ? { placeOfDetentionId: input.placeId } : { custodyStatus },
    });
    if (!transfer) {
      // Still held under another record (a second detaining authority): the person stays DETAINED.
      const stillHeld = await tx.detentionRecord.count({ where: { personId: current.personId, custodyStatus: 'IN_CUSTODY' } });
      const status: PersonStatus | null = input.kind === 'DEATH' ? 'DECEASED' : stillHeld > 0 ? null : 'CIVILIAN';
      if (status) await tx.person.update({ where: { id: current.personId }, data: { status } });
    }
    context.logger.info({ detentionRecordId: input.detentionRecordId, kind: input.kind }, 'detention event recorded');
    return record;
  });
};
