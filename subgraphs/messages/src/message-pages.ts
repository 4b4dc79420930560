import { childPageSql, toConnection, type Page } from '@movement/runtime';
import type { PrismaClient, RedCrossMessage } from './generated/prisma/client';

/** Lists of messages run newest first; the id breaks ties so the keyset is total. */
export const byNewest = (row: RedCrossMessage) => [row.createdAt.toISOString(), row.id];

export const messageConnection = (rows: RedCrossMessage[], page: Page) => toConnection(rows, page, byNewest);

type PersonColumn = 'senderId' | 'addresseeId';

/**
 * One statement fetching a page of messages for every person in the batch, however many there
 * are: a window over the person column (see childPageSql).
 */
export async function messagesOfPeople(prisma: PrismaClient, column: PersonColumn, personIds: string[], page: Page): Promise<RedCrossMessage[]> {
  const { sql, params } = childPageSql(
    { table: '"messages"."RedCrossMessage"', parentColumn: column, sortColumn: 'createdAt', direction: 'desc' },
    personIds,
    page,
  );
  const rows = await prisma.$queryRawUnsafe<Array<RedCrossMessage & { __rank?: unknown }>>(sql, ...params);
  return rows.map(({ __rank: _rank, ...message }) => ({ ...message, createdAt: new Date(message.createdAt), updatedAt: new Date(message.updatedAt) }));
}
