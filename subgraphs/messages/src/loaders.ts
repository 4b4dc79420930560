import { byIdLoader, manyByKeyLoader, pagedChildrenLoader } from '@movement/runtime';
import type { PrismaClient } from './generated/prisma/client';
import { messagesOfPeople } from './message-pages';

/** Per-request loaders: every message or relation looked up in a request is fetched in batches. */
export function createLoaders(prisma: PrismaClient) {
  return {
    message: byIdLoader((ids) => prisma.redCrossMessage.findMany({ where: { id: { in: ids } } })),
    statusHistory: manyByKeyLoader(
      (messageIds) => prisma.messageStatusChange.findMany({ where: { messageId: { in: messageIds } }, orderBy: [{ messageId: 'asc' }, { sequence: 'asc' }] }),
      (row) => row.messageId,
    ),
    replies: manyByKeyLoader(
      (messageIds) => prisma.redCrossMessage.findMany({ where: { inReplyToId: { in: messageIds } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
      (row) => row.inReplyToId as string,
    ),
    messagesSent: pagedChildrenLoader(
      (personIds, page) => messagesOfPeople(prisma, 'senderId', personIds, page),
      (row) => row.senderId,
    ),
    messagesReceived: pagedChildrenLoader(
      (personIds, page) => messagesOfPeople(prisma, 'addresseeId', personIds, page),
      (row) => row.addresseeId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
