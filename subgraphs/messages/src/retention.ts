import type { SqlDriver } from '@movement/runtime';

/** What stands in for removed text. */
const ANONYMISED = '[anonymised]';

/**
 * The messages side of anonymising people whose cases closed past retention (the people subgraph
 * decides who): their addresses are removed from every message, since an address locates the
 * person whose name was removed; and the text of every message they wrote or received whose
 * journey has ended (DELIVERED or RETURNED) and which is itself past its review date on `asOf` is
 * replaced. A message still on its way keeps its text, which its relative is yet to receive, and
 * so does one whose review date was moved past `asOf` (kept, with the reason its recorder gave).
 * The status history stays as it is: it is append-only, and says who carried the message, not
 * what it said. Returns the number of messages changed; running it again changes nothing more.
 */
export async function anonymiseMessagesOf(driver: Pick<SqlDriver, 'query'>, personIds: string[], asOf: string): Promise<number> {
  if (personIds.length === 0) return 0;
  const rows = await driver.query<{ id: string }>(
    `UPDATE "messages"."RedCrossMessage" SET
       "senderAddress" = CASE WHEN "senderId" = ANY($1::uuid[]) THEN NULL ELSE "senderAddress" END,
       "addresseeAddress" = CASE WHEN "addresseeId" = ANY($1::uuid[]) THEN NULL ELSE "addresseeAddress" END,
       "content" = CASE WHEN "status" IN ('DELIVERED', 'RETURNED') AND "reviewOn" < $3::date THEN $2 ELSE "content" END
     WHERE ("senderId" = ANY($1::uuid[]) OR "addresseeId" = ANY($1::uuid[]))
       AND (("senderId" = ANY($1::uuid[]) AND "senderAddress" IS NOT NULL)
         OR ("addresseeId" = ANY($1::uuid[]) AND "addresseeAddress" IS NOT NULL)
         OR ("status" IN ('DELIVERED', 'RETURNED') AND "reviewOn" < $3::date AND "content" <> $2))
     RETURNING "id"`,
    [personIds, ANONYMISED, asOf],
  );
  return rows.length;
}
