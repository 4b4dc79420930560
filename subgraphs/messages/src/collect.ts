import { writeOnce } from '@movement/runtime';
import type { Context } from './context';
import type { RedCrossMessage } from './generated/prisma/client';

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

/** What a new message links to in detention: the detainee's record, the visit it was collected in. */
export interface CollectedInDetention {
  detentionRecordId: string | null;
  collectedDuringVisitId: string | null;
}

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
 * The compared fields as the first message stored them. Where and by whom it was collected are in
 * its first step of history.
 */
async function storedFields(context: Context, existing: RedCrossMessage, input: NewMessage): Promise<Record<(typeof comparedFields)[number], string | null>> {
  const first = await context.prisma.messageStatusChange.findFirst({ where: { messageId: existing.id, sequence: 1 } });
  return {
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
}

/**
 * Creates a COLLECTED message and its first history step in one transaction, exactly once per
 * (collecting partner, idempotency key); a retry must be the same message, every field the input
 * stores compared (see `writeOnce`). `prepare` runs only for a new key, before the write: the checks
 * that ask other subgraphs, and what the message links to in detention. So a retry is answered
 * from the database alone and succeeds even while a peer is down.
 */
export function collectOnce(context: Context, input: NewMessage, prepare: () => Promise<CollectedInDetention | void>): Promise<RedCrossMessage> {
  const { collectingPartnerId, idempotencyKey } = input;
  return writeOnce({
    key: idempotencyKey,
    find: () => context.prisma.redCrossMessage.findUnique({ where: { collectingPartnerId_idempotencyKey: { collectingPartnerId, idempotencyKey } } }),
    sent: Object.fromEntries(comparedFields.map((field) => [field, input[field]])),
    stored: (first) => storedFields(context, first, input),
    identify: (first) => ({ existingMessageId: first.id }),
    logger: context.logger,
    write: async () => {
      const detention = (await prepare()) ?? { detentionRecordId: null, collectedDuringVisitId: null };
      return context.prisma.$transaction(async (tx) => {
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
    },
  });
}
