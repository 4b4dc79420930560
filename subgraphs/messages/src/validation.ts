import { parseInput, uuidPattern } from '@movement/runtime';
import { z } from 'zod';

/**
 * Input rules of the messages subgraph. Every mutation parses its input here first, so a bad value
 * is answered with BAD_USER_INPUT naming the field before anything is read or written.
 */

// Ids are UUIDs in every subgraph; checked by shape here because the database would otherwise
// answer a malformed one with an opaque error.
const id = z
  .string()
  .regex(uuidPattern, 'must be a UUID.')
  .transform((value) => value.toLowerCase());
const text = (max: number) => z.string().trim().min(1, 'must not be empty.').max(max, `must be at most ${max} characters.`);
const optionalText = (max: number) => text(max).nullish();
// BCP 47: a 2-3 letter language, then subtags (script, region, variant), at most 35 characters.
const language = z
  .string()
  .max(35, 'must be at most 35 characters.')
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as `ru`, `uk` or `be-Latn`.');
const timestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, 'must be an ISO 8601 timestamp with a time zone, e.g. `2024-05-01T10:00:00Z`.')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'is not a valid date.')
  .transform((value) => new Date(value));

const actor = optionalText(200);
const note = optionalText(2000);
const address = optionalText(500);
const content = text(10_000);
const idempotencyKey = text(200);

/** What every newly written message carries, whether a first message or a reply. */
const newMessageFields = {
  idempotencyKey,
  senderAddress: address,
  addresseeAddress: address,
  language,
  content,
  collectingPartnerId: id,
  locationId: id.nullish(),
  actor,
};

export const collectMessageInput = z
  .object({ ...newMessageFields, senderId: id, addresseeId: id, detentionRecordId: id.nullish(), visitId: id.nullish() })
  .refine((input) => input.senderId.toLowerCase() !== input.addresseeId.toLowerCase(), {
    path: ['addresseeId'],
    message: 'must not be the sender: a message goes from one relative to another.',
  });

export const replyToMessageInput = z.object({ ...newMessageFields, inReplyToId: id });

// Every step may say where it happened; delivery requires it (see deliverMessageInput).
const step = { messageId: id, partnerId: id, note, actor, locationId: id.nullish() };

export const reviseMessageInput = z.object({
  ...step,
  content: content.nullish(),
  language: language.nullish(),
  senderAddress: address,
  addresseeAddress: address,
});

export const reviewMessageInput = z
  .object({ ...step, decision: z.enum(['APPROVE', 'REQUEST_CHANGES']) })
  .refine((input) => input.decision !== 'REQUEST_CHANGES' || Boolean(input.note), {
    path: ['note'],
    message: 'is required when requesting changes: say what must change.',
  });

export const dispatchMessageInput = z.object({ ...step, deliveringPartnerId: id });

export const deliverMessageInput = z.object({ ...step, deliveredAt: timestamp, locationId: id, visitId: id.nullish() });

const undeliverableReasons = ['ADDRESS_UNKNOWN', 'PERSON_MOVED', 'DECEASED', 'REFUSED', 'PERSON_NOT_FOUND', 'NO_ACCESS', 'OTHER'] as const;

export const markMessageUndeliverableInput = z
  .object({ ...step, reason: z.enum(undeliverableReasons) })
  .refine((input) => input.reason !== 'OTHER' || Boolean(input.note), { path: ['note'], message: 'is required when the reason is OTHER.' });

export const returnMessageInput = z.object(step);

export const messagesFilter = z
  .object({ partnerId: id.nullish(), createdFrom: timestamp.nullish(), createdBefore: timestamp.nullish() })
  .refine((args) => !args.createdFrom || !args.createdBefore || args.createdFrom < args.createdBefore, {
    path: ['createdBefore'],
    message: 'must be after createdFrom.',
  });

export const messageCountsArgs = z.object({
  partnerIds: z.array(id).min(1, 'must name at least one partner.').max(100, 'must name at most 100 partners.'),
});

export const messagesWaitingArgs = z.object({
  partnerId: id.nullish(),
  olderThanDays: z.number().int('must be a whole number of days.').min(1, 'must be at least 1.').max(3650, 'must be at most 3650.'),
});

/** The runtime's `parseInput`: BAD_USER_INPUT naming the dotted path below `prefix` (`input.deliveredAt`, `partnerIds.2`). */
export const parse = parseInput;
