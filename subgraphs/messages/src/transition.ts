import { badUserInput, canSeeRecord, conflict, notFound } from '@movement/runtime';
import type { Context } from './context';
import type { MessageStatus, Prisma, RedCrossMessage, UndeliverableReason } from './generated/prisma/client';
import { canMove, nextStatuses } from './status-machine';
import { sharedWithAfter } from './visibility';

export interface StepInput {
  messageId: string;
  partnerId: string;
  note?: string | null;
  actor?: string | null;
  locationId?: string | null;
  reason?: UndeliverableReason | null;
  /** When the step happened; now when absent. Must not precede the message's last step. */
  at?: Date;
  /** Field named when `at` is refused, e.g. `input.deliveredAt`. */
  atField?: string;
  /**
   * Whether the acting partner may make this step on this message (its role on the route);
   * throws FORBIDDEN when not. Runs on the locked row once the move itself is allowed, so a
   * message off the caller's route is still NOT_FOUND and a finished one still CONFLICT.
   */
  authorize?: (message: RedCrossMessage) => void;
}

/**
 * Moves a message to `to` and appends the step to its history, in one transaction.
 *
 * The message row is locked (SELECT … FOR UPDATE) before its status is read, so concurrent
 * changes to one message run one after the other: the second sees the first's status and
 * sequence, and is refused if the move is no longer allowed. No update is lost and the history's
 * sequence has no gap and no duplicate (a unique index on (messageId, sequence) backs this up).
 * `change` adds the columns the step changes besides the status (e.g. the delivering partner).
 */
export async function transition(
  context: Context,
  to: MessageStatus,
  step: StepInput,
  change: (message: RedCrossMessage) => Prisma.RedCrossMessageUpdateInput = () => ({}),
): Promise<RedCrossMessage> {
  return context.prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT "id" FROM "messages"."RedCrossMessage" WHERE "id" = ${step.messageId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw notFound('input.messageId', `no message has the id ${step.messageId}.`);
    const message = await tx.redCrossMessage.findUniqueOrThrow({ where: { id: step.messageId } });
    // Off the caller's route: answered exactly like a message that does not exist.
    if (!canSeeRecord(context.principal, message)) throw notFound('input.messageId', `no message has the id ${step.messageId}.`);
    if (!canMove(message.status, to)) {
      const allowed = nextStatuses[message.status];
      throw conflict(
        `Message ${message.reference} is ${message.status} and cannot become ${to}; ${allowed.length ? `it may become ${allowed.join(' or ')}` : 'its journey has ended'}.`,
        { field: 'input.messageId', current: message.status, requested: to, allowed },
      );
    }
    step.authorize?.(message);
    const last = await tx.messageStatusChange.findFirst({ where: { messageId: message.id }, orderBy: { sequence: 'desc' } });
    const now = new Date();
    const at = step.at ?? (last && last.at > now ? last.at : now);
    if (step.at && step.at > now) throw badUserInput(step.atField ?? 'input.at', 'must not be in the future.');
    if (step.at && last && step.at < last.at) {
      throw badUserInput(step.atField ?? 'input.at', `must not be before the message's last step (${last.status} at ${last.at.toISOString()}).`);
    }
    await tx.messageStatusChange.create({
      data: {
        id: crypto.randomUUID(),
        messageId: message.id,
        status: to,
        at,
        partnerId: step.partnerId,
        locationId: step.locationId ?? null,
        note: step.note ?? null,
        actor: step.actor ?? null,
        reason: step.reason ?? null,
        sequence: (last?.sequence ?? 0) + 1,
      },
    });
    const extra = change(message);
    const deliveringPartnerId = typeof extra.deliveringPartnerId === 'string' ? extra.deliveringPartnerId : null;
    return tx.redCrossMessage.update({
      where: { id: message.id },
      data: { ...extra, status: to, statusChangedAt: at, sharedWithIds: sharedWithAfter(message, step.partnerId, deliveringPartnerId) },
    });
  });
}
