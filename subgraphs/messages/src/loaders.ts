import { byIdLoader, manyByKeyLoader, pagedChildrenLoader, pagedRelationsLoader, readRows, rowsById, type Principal } from '@movement/runtime';
import type { MessageStatusChange, PrismaClient, RedCrossMessage } from './generated/prisma/client';
import { messagesOf, personMessagesTogether } from './message-pages';
import { visibleMessagesSql } from './visibility';

/**
 * Per-request loaders: every message or relation looked up in a request is fetched in batches.
 * The principal's visibility is part of each batch's query, so a message off its route is never
 * fetched (it reads as absent) and checking it costs no extra statement.
 */
export function createLoaders(prisma: PrismaClient, principal: Principal) {
  // Messages and their histories are the hot reads of this subgraph: on the raw driver.
  return {
    message: byIdLoader(rowsById<RedCrossMessage>(prisma, '"messages"."RedCrossMessage"', (first) => visibleMessagesSql(principal, 't', first))),
    // Only asked for messages already loaded through a visible path, so no second check here.
    statusHistory: manyByKeyLoader(
      (messageIds) =>
        readRows<MessageStatusChange>(
          prisma,
          `SELECT * FROM "messages"."MessageStatusChange" WHERE "messageId" = ANY($1::uuid[]) ORDER BY "messageId", "sequence"`,
          [messageIds],
        ),
      (row) => row.messageId,
    ),
    replies: pagedChildrenLoader(
      (messageIds, page) => messagesOf(prisma, principal, 'inReplyToId', messageIds, page),
      (row) => row.inReplyToId as string,
    ),
    // A person's messages sent and received are asked for together (the people page shows
    // both): one statement reads both pages.
    personMessages: pagedRelationsLoader((parts) => personMessagesTogether(prisma, principal, parts), {
      sent: (row) => row.senderId,
      received: (row) => row.addresseeId,
    }),
    messagesCollectedDuring: pagedChildrenLoader(
      (visitIds, page) => messagesOf(prisma, principal, 'collectedDuringVisitId', visitIds, page),
      (row) => row.collectedDuringVisitId as string,
    ),
    messagesDeliveredDuring: pagedChildrenLoader(
      (visitIds, page) => messagesOf(prisma, principal, 'deliveredDuringVisitId', visitIds, page),
      (row) => row.deliveredDuringVisitId as string,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
