import {
  readChildPages,
  readChildPagesTogether,
  toConnection,
  type ChildPageQuery,
  type Page,
  type Principal,
  type RelationPagePart,
  type RelationPages,
} from '@movement/runtime';
import type { PrismaClient, RedCrossMessage } from './generated/prisma/client';
import { visibleMessagesSql } from './visibility';

/** Lists of messages run newest first; the id breaks ties so the keyset is total. */
const byNewest = (row: RedCrossMessage) => [row.createdAt.toISOString(), row.id];

export const messageConnection = (rows: RedCrossMessage[], page: Page) => toConnection(rows, page, byNewest);

/** The columns a list of messages hangs from: a person's sent or received, a message's replies, a visit's. */
type ParentColumn = 'senderId' | 'addresseeId' | 'inReplyToId' | 'collectedDuringVisitId' | 'deliveredDuringVisitId';

/**
 * A page of messages for every parent in a batch, in one statement however many there are (see
 * `childPageSql`). Only messages the principal may see are paged, so a page is full and
 * `hasNextPage` says nothing about hidden ones. A person's messages run newest first; a message's
 * replies oldest first, as a conversation reads.
 */
const messagePages =
  (column: ParentColumn) =>
  (principal: Principal): ChildPageQuery => ({
    table: '"messages"."RedCrossMessage"',
    parentColumn: column,
    sortColumn: 'createdAt',
    sortType: 'timestamptz',
    direction: column === 'inReplyToId' ? 'asc' : 'desc',
    where: (first) => visibleMessagesSql(principal, 't', first),
  });

/** Every relation page of the messages subgraph, by field. */
export const relationPages = {
  'Person.messagesSent': messagePages('senderId'),
  'Person.messagesReceived': messagePages('addresseeId'),
  'RedCrossMessage.replies': messagePages('inReplyToId'),
  'DetentionVisit.messagesCollected': messagePages('collectedDuringVisitId'),
  'DetentionVisit.messagesDelivered': messagePages('deliveredDuringVisitId'),
} satisfies RelationPages;

/** Read on the raw driver: a hot path where Prisma's result mapping costs more than the database. */
export function messagesOf(prisma: PrismaClient, principal: Principal, column: ParentColumn, parentIds: string[], page: Page): Promise<RedCrossMessage[]> {
  return readChildPages<RedCrossMessage>(prisma, messagePages(column)(principal), parentIds, page);
}

/** Which column a person's messages hang from, by the relation `personMessages` loads. */
const personColumns = { sent: 'senderId', received: 'addresseeId' } as const;

/** Pages of people's messages sent and received in one statement on the raw driver (see `readChildPagesTogether`). */
export function personMessagesTogether(
  prisma: PrismaClient,
  principal: Principal,
  parts: Array<RelationPagePart<keyof typeof personColumns>>,
): Promise<Array<RedCrossMessage & { relationPart: number }>> {
  return readChildPagesTogether<RedCrossMessage>(
    prisma,
    parts.map(({ relation, parentIds, page }) => ({ query: messagePages(personColumns[relation])(principal), parentIds, page })),
  );
}
