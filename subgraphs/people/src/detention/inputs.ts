import { reviewDate, uuidPattern } from '@movement/runtime';
import { z } from 'zod';
import { pastDate } from '../validation';

/** Checks of the detention workflow's inputs, reported as BAD_USER_INPUT on the dotted field. */

const uuid = z.string().regex(uuidPattern, 'must be a UUID');
const text = (min: number, max: number) => z.string().trim().min(min, `must have at least ${min} character(s)`).max(max, `must have at most ${max} characters`);
const countryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as RU');

export const detentionEventSchema = z
  .object({ detentionRecordId: uuid, occurredOn: pastDate, placeId: uuid, note: text(1, 500).nullish(), recordedById: uuid })
  .passthrough();

export const detentionNotificationSchema = z
  .object({
    detentionRecordId: uuid,
    transmittedOn: pastDate,
    transmittedBy: text(1, 200),
    familyInformedOn: pastDate.nullish(),
    recordedById: uuid,
  })
  .passthrough()
  .refine((input) => !input.familyInformedOn || input.familyInformedOn >= input.transmittedOn, {
    path: ['familyInformedOn'],
    message: 'must not be before transmittedOn',
  });

export const familyInformedSchema = z.object({ notificationId: uuid, informedOn: pastDate, recordedById: uuid }).passthrough();

export const detentionRegistrationExtras = z
  .object({ detainingState: countryCode.nullish(), detainingAuthorityId: uuid.nullish(), reviewOn: reviewDate.nullish() })
  .passthrough();
