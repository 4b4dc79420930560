import { childPageSql, toConnection, visibleRecordsSql, type Page, type Principal } from '@movement/runtime';
import type { PrismaClient, RedCrossMessage } from './generated/prisma/client';

/** Lists of messages run newest first; the id breaks ties so the keyset is total. */
export const byNewest = (row: RedCrossMessage) => [row.createdAt.toISOString(), row.id];

export const messageConnection = (rows: RedCrossMessage[], page: Page) => toConnection(rows, page, byNewest);

/** The columns a list of messages hangs from: a person's sent or received, a message's replies, a visit's. */
type ParentColumn = 'senderId' | 'addresseeId' | 'inReplyToId' | 'collectedDuringVisitId' | 'deliveredDuringVisitId';

/**
 * One statement fetching a page of messages for every parent in the batch, however many there
 * are: a window over the parent column (see childPageSql). Only messages the principal may see are
 * ranked, so a page is full and `hasNextPage` says nothing about hidden ones. A person's messages
 * run newest first; a message's replies oldest first, as a conversation reads.
 */
export async function messagesOf(prisma: PrismaClient, principal: Principal, column: ParentColumn, parentIds: string[], page: Page): Promise<RedCrossMessage[]> {
  const direction = column === 'inReplyToId' ? 'asc' : 'desc';
  const query = { table: '"messages"."RedCrossMessage"', parentColumn: column, sortColumn: 'createdAt', direction } as const;
  // The visibility condition's parameter goes after those childPageSql uses, whatever their number.
  const visible = visibleRecordsSql(principal, 't', childPageSql(query, parentIds, page).params.length + 1);
  const { sql, params } = childPageSql({ ...query, where: visible.sql }, parentIds, page);
  const rows = await prisma.$queryRawUnsafe<Array<RedCrossMessage & { __rank?: unknown }>>(sql, ...params, ...visible.params);
  return rows.map(({ __rank: _rank, ...message }) => ({
    ...message,
    createdAt: new Date(message.createdAt),
    updatedAt: new Date(message.updatedAt),
    statusChangedAt: new Date(message.statusChangedAt),
  }));
}
