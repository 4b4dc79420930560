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
}

/** The message a partner already created with this key, if any. */
export const findByKey = (context: Context, collectingPartnerId: string, idempotencyKey: string) =>
  context.prisma.redCrossMessage.findUnique({ where: { collectingPartnerId_idempotencyKey: { collectingPartnerId, idempotencyKey } } });

/**
 * A retry must be the same message: returning the first one for different content would tell the
 * client its new message was recorded when it was not.
 */
export function sameMessageOrConflict(existing: RedCrossMessage, input: NewMessage): RedCrossMessage {
  const same =
    existing.senderId === input.senderId &&
    existing.addresseeId === input.addresseeId &&
    existing.language === input.language &&
    existing.content === input.content &&
    (existing.inReplyToId ?? null) === (input.inReplyToId ?? null);
  if (!same) {
    throw conflict(`The idempotency key "${input.idempotencyKey}" was already used by ${existing.reference} for a different message; choose a new key.`, {
      field: 'input.idempotencyKey',
      existingMessageId: existing.id,
    });
  }
  return existing;
}

/**
 * Creates a COLLECTED message and its first history step in one transaction, exactly once per
 * (collecting partner, idempotency key). When a concurrent call with the same key wins the race,
 * the unique index refuses this insert (PostgreSQL makes the loser wait for the winner's commit),
 * and the winner's message is returned instead.
 */
export async function createOnce(context: Context, input: NewMessage): Promise<RedCrossMessage> {
  const earlier = await findByKey(context, input.collectingPartnerId, input.idempotencyKey);
  if (earlier) return sameMessageOrConflict(earlier, input);
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
        return sameMessageOrConflict(winner, input);
      }
    }
    throw error;
  }
}
