import type { SqlDriver } from '@movement/runtime';

/** What stands in for removed text. */
const ANONYMISED = '[anonymised]';

/**
 * The messages side of anonymising people whose cases closed past retention (the people subgraph
 * decides who): their addresses are removed from every message, and the text of every message
 * they wrote or received whose journey has ended (DELIVERED or RETURNED) is replaced. A message
 * still on its way keeps its text, which its relative is yet to receive. The status history stays
 * as it is: it is append-only, and says who carried the message, not what it said. Returns the
 * number of messages changed; running it again changes nothing more.
 */
export async function anonymiseMessagesOf(driver: Pick<SqlDriver, 'query'>, personIds: string[]): Promise<number> {
  if (personIds.length === 0) return 0;
  const rows = await driver.query<{ id: string }>(
    `UPDATE "messages"."RedCrossMessage" SET
       "senderAddress" = CASE WHEN "senderId" = ANY($1::uuid[]) THEN NULL ELSE "senderAddress" END,
       "addresseeAddress" = CASE WHEN "addresseeId" = ANY($1::uuid[]) THEN NULL ELSE "addresseeAddress" END,
       "content" = CASE WHEN "status" IN ('DELIVERED', 'RETURNED') THEN $2 ELSE "content" END
     WHERE ("senderId" = ANY($1::uuid[]) OR "addresseeId" = ANY($1::uuid[]))
       AND (("senderId" = ANY($1::uuid[]) AND "senderAddress" IS NOT NULL)
         OR ("addresseeId" = ANY($1::uuid[]) AND "addresseeAddress" IS NOT NULL)
         OR ("status" IN ('DELIVERED', 'RETURNED') AND "content" <> $2))
     RETURNING "id"`,
    [personIds, ANONYMISED],
  );
  return rows.length;
}
