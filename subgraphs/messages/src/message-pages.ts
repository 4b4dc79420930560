import { childPageSql, readRows, toConnection, visibleRecordsSql, type Page, type Principal } from '@movement/runtime';
import type { PrismaClient, RedCrossMessage } from './generated/prisma/client';

/** Lists of messages run newest first; the id breaks ties so the keyset is total. */
export const byNewest = (row: RedCrossMessage) => [row.createdAt.toISOString(), row.id];

export const messageConnection = (rows: RedCrossMessage[], page: Page) => toConnection(rows, page, byNewest);

/** The columns a list of messages hangs from: a person's sent or received, a message's replies. */
type ParentColumn = 'senderId' | 'addresseeId' | 'inReplyToId';

/**
 * One statement fetching a page of messages for every parent in the batch, however many there
 * are (see childPageSql), read on the raw driver: a hot path where Prisma's result mapping costs
 * more than the database. Only messages the principal may see are paged, so a page is full and
 * `hasNextPage` says nothing about hidden ones. A person's messages run newest first; a message's
 * replies oldest first, as a conversation reads.
 */
export function messagesOf(prisma: PrismaClient, principal: Principal, column: ParentColumn, parentIds: string[], page: Page): Promise<RedCrossMessage[]> {
  const { sql, params } = childPageSql(
    {
      table: '"messages"."RedCrossMessage"',
      parentColumn: column,
      sortColumn: 'createdAt',
      sortType: 'timestamptz',
      direction: column === 'inReplyToId' ? 'asc' : 'desc',
      where: (first) => visibleRecordsSql(principal, 't', first),
    },
    parentIds,
    page,
  );
  return readRows<RedCrossMessage>(prisma, sql, params);
}
