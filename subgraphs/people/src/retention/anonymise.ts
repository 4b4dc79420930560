import type { SqlDriver } from '@movement/runtime';

/** What stands in for a removed name: never a name anyone has. */
const ANONYMISED = '[anonymised]';

/** The people and case records one run anonymised (empty when there was nothing left to do). */
export interface AnonymisedCases {
  personIds: string[];
  tracingRequestIds: string[];
  detentionRecordIds: string[];
}

/**
 * The people whose cases are closed and past retention on `asOf`: their own review date has passed,
 * they are not anonymised yet, at least one closed case is about them (a tracing request
 * `REUNITED` or `CLOSED`, a detention that ended), and no record about them is still open or
 * still within its review date, since an open case still needs to know who it is about.
 */
const candidatesSql = `
WITH cases AS (
  SELECT unnest(ARRAY[t."enquirerId", t."soughtPersonId", t."locatedPersonId"]) AS "personId",
         t."status" IN ('REUNITED', 'CLOSED') AND t."reviewOn" < $1::date AS "closedPast"
  FROM "people"."TracingRequest" t
  UNION ALL
  SELECT d."personId", d."custodyStatus" <> 'IN_CUSTODY' AND d."reviewOn" < $1::date FROM "people"."DetentionRecord" d
)
SELECT p."id" FROM "people"."Person" p
JOIN cases c ON c."personId" = p."id"
WHERE p."reviewOn" < $1::date AND p."anonymisedOn" IS NULL
GROUP BY p."id"
HAVING bool_and(c."closedPast") AND count(*) > 0
ORDER BY p."id"`;

/** The people `anonymise` would anonymise on `asOf`, without changing anything. */
export async function anonymisationCandidates(driver: Pick<SqlDriver, 'query'>, asOf: string): Promise<string[]> {
  const rows = await driver.query<{ id: string }>(candidatesSql, [asOf]);
  return rows.map((row) => row.id);
}

/**
 * Anonymises closed cases past retention, in one transaction: for each of `personIds` (from
 * `anonymisationCandidates`, checked again here) the names, their spellings and search keys, the
 * birth date and the whereabouts are removed and `anonymisedOn` set; their closed tracing requests
 * lose the circumstances, the place and day last seen and any best-interest reason; their ended
 * detention records lose the registration number and the events' notes. What the Movement counts
 * stays: sex, birth year, nationality, status, vulnerabilities, the partners, the statuses, the
 * dates of capture and events, the places of detention, family links between the anonymised.
 * Idempotent: a person anonymised already is not a candidate again.
 */
export async function anonymise(driver: SqlDriver, asOf: string, personIds: string[]): Promise<AnonymisedCases> {
  if (personIds.length === 0) return { personIds: [], tracingRequestIds: [], detentionRecordIds: [] };
  return driver.transaction(async (tx) => {
    // Checked again inside the transaction: a case reopened meanwhile keeps its people.
    const still = new Set((await tx.query<{ id: string }>(candidatesSql, [asOf])).map((row) => row.id));
    const ids = personIds.filter((id) => still.has(id));
    if (ids.length === 0) return { personIds: [], tracingRequestIds: [], detentionRecordIds: [] };
    await tx.query(
      `UPDATE "people"."Person" SET "givenName" = $2, "familyName" = $2, "patronymic" = NULL, "names" = '[]'::jsonb,
         "birthDate" = NULL, "lastSeenAtId" = NULL, "lastSeenOn" = NULL, "anonymisedOn" = $3::date
       WHERE "id" = ANY($1::uuid[])`,
      [ids, ANONYMISED, asOf],
    );
    await tx.query(`DELETE FROM "people"."PersonNameForm" WHERE "personId" = ANY($1::uuid[])`, [ids]);
    // A search key no one else has would still be the removed name.
    await tx.query(`DELETE FROM "people"."PersonNameKey" k WHERE NOT EXISTS (SELECT 1 FROM "people"."PersonNameForm" f WHERE f."nameKey" = k."nameKey")`);
    const requests = await tx.query<{ id: string }>(
      `UPDATE "people"."TracingRequest" SET "circumstances" = $2, "lastSeenAtId" = NULL, "lastSeenOn" = NULL, "consentBestInterestReason" = NULL
       WHERE ("enquirerId" = ANY($1::uuid[]) OR "soughtPersonId" = ANY($1::uuid[]) OR "locatedPersonId" = ANY($1::uuid[]))
         AND "status" IN ('REUNITED', 'CLOSED')
       RETURNING "id"`,
      [ids, ANONYMISED],
    );
    await tx.query(`UPDATE "people"."TracingMatchRejection" SET "reason" = NULL WHERE "tracingRequestId" = ANY($1::uuid[])`, [requests.map((r) => r.id)]);
    const records = await tx.query<{ id: string }>(
      `UPDATE "people"."DetentionRecord" SET "registrationNumber" = 'ANONYMISED-' || left("id"::text, 8)
       WHERE "personId" = ANY($1::uuid[]) AND "custodyStatus" <> 'IN_CUSTODY'
       RETURNING "id"`,
      [ids],
    );
    await tx.query(`UPDATE "people"."DetentionEvent" SET "note" = NULL WHERE "detentionRecordId" = ANY($1::uuid[])`, [records.map((r) => r.id)]);
    return { personIds: ids, tracingRequestIds: requests.map((r) => r.id), detentionRecordIds: records.map((r) => r.id) };
  });
}
