import { randomUUID } from 'node:crypto';
import { assertActingAs, badUserInput, checkReferences, conflict, visibleRecordsWhere } from '@movement/runtime';
import type { MutationResolvers } from '../generated/graphql';
import type { DetentionCategory, NotificationKind } from '../generated/prisma/client';
import { isoDate } from '../dates';
import { notVisible } from '../visibility';
import { validate } from '../validation';
import { detentionNotificationSchema, familyInformedSchema } from './inputs';

const day = (value: string) => new Date(`${value}T00:00:00Z`);

/**
 * Which card fits which detainee: a capture card is a prisoner of war's (GC III Art. 70, also for
 * one whose status is undetermined, protected as a prisoner of war meanwhile), an internment card a
 * civilian internee's (GC IV Art. 106). The notification to the Central Agency is due for all.
 */
const cardFor: Record<DetentionCategory, NotificationKind[]> = {
  PRISONER_OF_WAR: ['CENTRAL_AGENCY_NOTIFICATION', 'CAPTURE_CARD'],
  STATUS_UNDETERMINED: ['CENTRAL_AGENCY_NOTIFICATION', 'CAPTURE_CARD'],
  CIVILIAN_INTERNEE: ['CENTRAL_AGENCY_NOTIFICATION', 'INTERNMENT_CARD'],
  CIVILIAN_DETAINEE: ['CENTRAL_AGENCY_NOTIFICATION'],
};

export const recordDetentionNotification: MutationResolvers['recordDetentionNotification'] = async (_root, { input }, context) => {
  validate(detentionNotificationSchema, input, 'input');
  assertActingAs(context.principal, 'input.recordedById', input.recordedById);
  const record = await context.prisma.detentionRecord.findFirst({ where: { AND: [{ id: input.detentionRecordId }, visibleRecordsWhere(context.principal)] } });
  if (!record) throw notVisible('input.detentionRecordId', 'DetentionRecord', input.detentionRecordId);
  if (!cardFor[record.legalCategory].includes(input.kind)) {
    throw badUserInput(
      'input.kind',
      `a ${input.kind} is not for a detainee whose category is ${record.legalCategory} (allowed: ${cardFor[record.legalCategory].join(', ')})`,
    );
  }
  if (input.transmittedOn < isoDate(record.captureDate)) throw badUserInput('input.transmittedOn', 'must not be before the capture date');
  await checkReferences(context.peers, { Organization: { 'input.recordedById': input.recordedById } });
  return context.prisma.detentionNotification.create({
    data: {
      id: randomUUID(),
      detentionRecordId: record.id,
      kind: input.kind,
      transmittedOn: day(input.transmittedOn),
      transmittedBy: input.transmittedBy.trim(),
      familyInformedOn: input.familyInformedOn ? day(input.familyInformedOn) : null,
      recordedById: input.recordedById,
      sharedWithIds: record.sharedWithIds,
    },
  });
};

export const recordFamilyInformed: MutationResolvers['recordFamilyInformed'] = async (_root, args, context) => {
  validate(familyInformedSchema, args, '');
  assertActingAs(context.principal, 'recordedById', args.recordedById);
  // A notification is seen with its detention record.
  const notification = await context.prisma.detentionNotification.findFirst({
    where: { id: args.notificationId, detentionRecord: visibleRecordsWhere(context.principal) },
  });
  if (!notification) throw notVisible('notificationId', 'DetentionNotification', args.notificationId);
  if (args.informedOn < isoDate(notification.transmittedOn)) throw badUserInput('informedOn', 'must not be before the notification was transmitted');
  if (notification.familyInformedOn) {
    if (isoDate(notification.familyInformedOn) === args.informedOn) return notification;
    throw conflict(`The family was already recorded as informed on ${isoDate(notification.familyInformedOn)}.`, { allowed: [] });
  }
  const updated = await context.prisma.detentionNotification.updateMany({
    where: { id: notification.id, familyInformedOn: null },
    data: { familyInformedOn: day(args.informedOn) },
  });
  if (updated.count === 0) throw conflict('The notification changed meanwhile; read it again.', { allowed: [] });
  return context.prisma.detentionNotification.findUniqueOrThrow({ where: { id: notification.id } });
};
