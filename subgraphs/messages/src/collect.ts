import { conflict } from '@movement/runtime';
import type { Context } from './context';
import { Prisma, type RedCrossMessage } from './generated/prisma/client';

export interface NewMessage {
  idempotencyKey: string;
  senderId: string;
  addresseeId: string;
  senderAddress?: string | null;
  addresseeAddress?: string | null;
  language: string;
  content: string;
  collectingPartnerId: string;
  inReplyToId?: string | null;
  locationId?: string | null;
  actor?: string | null;
  /** The detention record of the detainee writing or receiving the message. */
  detentionRecordId?: string | null;
  /** The ICRC visit during which the message was collected from the detainee. */
  visitId?: string | null;
}

/** The message a partner already created with this key, if any. */
export const findByKey = (context: Context, collectingPartnerId: string, idempotencyKey: string) =>
  context.prisma.redCrossMessage.findUnique({ where: { collectingPartnerId_idempotencyKey: { collectingPartnerId, idempotencyKey } } });

/** The stored input fields a retry must repeat, in the order the input lists them. */
const comparedFields = [
  'inReplyToId',
  'senderId',
  'addresseeId',
  'senderAddress',
  'addresseeAddress',
  'language',
  'content',
  'locationId',
  'actor',
  'detentionRecordId',
  'visitId',
] as const satisfies ReadonlyArray<keyof NewMessage>;

/**
 * A retry must be the same message: returning the first one for different content would tell the
 * client its new message was recorded when it was not. Every field the input stores is compared
 * (where and by whom it was collected are in the message's first step), in the order of the
 * input; the first that differs is named in the CONFLICT as `input.<field>`.
 */
export async function sameMessageOrConflict(context: Context, existing: RedCrossMessage, input: NewMessage): Promise<RedCrossMessage> {
  const first = await context.prisma.messageStatusChange.findFirst({ where: { messageId: existing.id, sequence: 1 } });
  const stored: Record<(typeof comparedFields)[number], string | null> = {
    inReplyToId: existing.inReplyToId,
    senderId: existing.senderId,
    addresseeId: existing.addresseeId,
    senderAddress: existing.senderAddress,
    addresseeAddress: existing.addresseeAddress,
    language: existing.language,
    content: existing.content,
    locationId: first?.locationId ?? null,
    actor: first?.actor ?? null,
    // A visit implies its record: a retry naming only the visit names the record stored with it.
    detentionRecordId: input.visitId && !input.detentionRecordId ? null : existing.detentionRecordId,
    visitId: existing.collectedDuringVisitId,
  };
  const differing = comparedFields.find((field) => (stored[field] ?? null) !== (input[field] ?? null));
  if (differing) {
    throw conflict(
      `input.${differing}: the idempotency key "${input.idempotencyKey}" was already used by ${existing.reference} with a different ${differing}; send the same message again, or choose a new key for a new one.`,
      { field: `input.${differing}`, existingMessageId: existing.id },
    );
  }
  return existing;
}

/**
 * Creates a COLLECTED message and its first history step in one transaction, exactly once per
 * (collecting partner, idempotency key). When a concurrent call with the same key wins the race,
 * the unique index refuses this insert (PostgreSQL makes the loser wait for the winner's commit),
 * and the winner's message is returned instead.
 */
export async function createOnce(
  context: Context,
  input: NewMessage,
  detention: { detentionRecordId: string | null; collectedDuringVisitId: string | null } = { detentionRecordId: null, collectedDuringVisitId: null },
): Promise<RedCrossMessage> {
  const earlier = await findByKey(context, input.collectingPartnerId, input.idempotencyKey);
  if (earlier) return sameMessageOrConflict(context, earlier, input);
  try {
    return await context.prisma.$transaction(async (tx) => {
      const [{ number }] = await tx.$queryRaw<[{ number: bigint }]>`SELECT nextval('"messages"."RedCrossMessage_reference_seq"') AS number`;
      const now = new Date();
      const message = await tx.redCrossMessage.create({
        data: {
          id: crypto.randomUUID(),
          reference: `RCM-${now.getUTCFullYear()}-${String(number).padStart(6, '0')}`,
          senderId: input.senderId,
          addresseeId: input.addresseeId,
          senderAddress: input.senderAddress ?? null,
          addresseeAddress: input.addresseeAddress ?? null,
          language: input.language,
          content: input.content,
          status: 'COLLECTED',
          collectingPartnerId: input.collectingPartnerId,
          inReplyToId: input.inReplyToId ?? null,
          idempotencyKey: input.idempotencyKey,
          createdAt: now,
          statusChangedAt: now,
          recordedById: input.collectingPartnerId,
          sharedWithIds: [],
          ...detention,
        },
      });
      await tx.messageStatusChange.create({
        data: {
          id: crypto.randomUUID(),
          messageId: message.id,
          status: 'COLLECTED',
          at: now,
          partnerId: input.collectingPartnerId,
          locationId: input.locationId ?? null,
          actor: input.actor ?? null,
          sequence: 1,
        },
      });
      return message;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const winner = await findByKey(context, input.collectingPartnerId, input.idempotencyKey);
      if (winner) {
        context.logger.debug({ messageId: winner.id }, 'idempotent retry answered with the message a concurrent call created');
        return sameMessageOrConflict(context, winner, input);
      }
    }
    throw error;
  }
}
