/**
 * SQL that adds records to the area totals: one row per record and area it counts towards, summed
 * into the existing total when there is one. `source` is a SELECT yielding AssistanceRecord columns
 * under the alias `r` (a just-written record, or a batch of seeded ones).
 */
export function addToAreaTotals(source: string): string {
  return `INSERT INTO "assistance"."AssistanceAreaTotal" ("areaId", "date", "item", "unit", "currency", "partnerId", "quantity", "records")
    SELECT a."areaId", r."date", r."item", r."unit", coalesce(r."currency", ''), r."partnerId", sum(r."quantity"), count(*)
    FROM (${source}) r CROSS JOIN LATERAL unnest(r."areaIds") AS a("areaId")
    GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ("areaId", "date", "item", "unit", "currency", "partnerId") DO UPDATE
    SET "quantity" = "AssistanceAreaTotal"."quantity" + excluded."quantity", "records" = "AssistanceAreaTotal"."records" + excluded."records"`;
}

/**
 * SQL that fills the beneficiary days (`AssistanceAreaBeneficiaryDay`) for a set of records, chaining
 * each day to the previous and next one. `source` is a SELECT yielding AssistanceRecord columns under
 * the alias `r`; it must hold every record of the beneficiaries it names, and they must have no days
 * yet, because the chain is computed from these records alone: true of the seed, which gives each
 * person their records in one batch.
 */
export function addBeneficiaryDays(source: string): string {
  return `INSERT INTO "assistance"."AssistanceAreaBeneficiaryDay" ("areaId", "beneficiaryId", "date", "householdSize", "previousDate", "nextDate")
    SELECT d."areaId", d."beneficiaryId", d."date", d."householdSize", lag(d."date") OVER w, lead(d."date") OVER w
    FROM (SELECT a."areaId", r."beneficiaryId", r."date", max(r."householdSize") AS "householdSize"
          FROM (${source}) r CROSS JOIN LATERAL unnest(r."areaIds") AS a("areaId")
          GROUP BY 1, 2, 3) d
    WINDOW w AS (PARTITION BY d."areaId", d."beneficiaryId" ORDER BY d."date")`;
}

/**
 * SQL that adds beneficiary days to the reach totals, `sign` 1 to add them and -1 to take them
 * away. `days` is a condition on the beneficiary days `d`; no two of them may share an area and
 * day unless they also share previous and next day (true of one beneficiary's days, and of a
 * seed batch's days once grouped here).
 */
export function addToReachTotals(days: string, sign: 1 | -1 = 1): string {
  return `INSERT INTO "assistance"."AssistanceAreaReachTotal" ("areaId", "date", "previousDate", "nextDate", "households", "persons")
    SELECT d."areaId", d."date", coalesce(d."previousDate", '-infinity'::date), coalesce(d."nextDate", 'infinity'::date), ${sign} * count(*), ${sign} * sum(d."householdSize")
    FROM "assistance"."AssistanceAreaBeneficiaryDay" d WHERE ${days}
    GROUP BY 1, 2, 3, 4
    -- Totals are shared by every beneficiary reached that day; taking their row locks in key order
    -- keeps concurrent writers from waiting on each other in a cycle.
    ORDER BY 1, 2, 3, 4
    ON CONFLICT ("areaId", "date", "previousDate", "nextDate") DO UPDATE
    SET "households" = "AssistanceAreaReachTotal"."households" + excluded."households", "persons" = "AssistanceAreaReachTotal"."persons" + excluded."persons"`;
}

/** What a just-written record adds to the people reached. */
export interface ReachedDay {
  beneficiaryId: string;
  /** ISO 8601 date. */
  date: string;
  householdSize: number;
  areaIds: string[];
}

/** The part of a transaction client the beneficiary days are written through. */
interface RawExecutor {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/**
 * Adds one record's day to the beneficiary days of every area it counts towards, inside the
 * record's transaction: a day already known grows to the larger household size; a new day is
 * linked between the beneficiary's neighbouring days in that area, which are relinked to it.
 */
export async function addReachedDay(tx: RawExecutor, day: ReachedDay): Promise<void> {
  const T = `"assistance"."AssistanceAreaBeneficiaryDay"`;
  // Two records of one beneficiary written at once would each link to the neighbours they saw and
  // break the chain; a lock per beneficiary, held to the end of the transaction, orders them.
  await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext('assistance-reach:' || $1::text))) l`, day.beneficiaryId);
  // The beneficiary's days in these areas (a handful) leave the reach totals as they were and
  // return as they become, so every relinked neighbour is accounted for without tracking which.
  const theirDays = `d."areaId" = ANY($1::uuid[]) AND d."beneficiaryId" = $2::uuid`;
  await tx.$executeRawUnsafe(addToReachTotals(theirDays, -1), day.areaIds, day.beneficiaryId);
  await tx.$executeRawUnsafe(
    `UPDATE ${T} SET "householdSize" = greatest("householdSize", $4)
     WHERE "areaId" = ANY($1::uuid[]) AND "beneficiaryId" = $2::uuid AND "date" = $3::date`,
    day.areaIds,
    day.beneficiaryId,
    day.date,
    day.householdSize,
  );
  await tx.$queryRawUnsafe(
    `WITH added AS (
       INSERT INTO ${T} ("areaId", "beneficiaryId", "date", "householdSize", "previousDate", "nextDate")
       SELECT a."areaId", $2::uuid, $3::date, $4,
              (SELECT max(p."date") FROM ${T} p WHERE p."areaId" = a."areaId" AND p."beneficiaryId" = $2::uuid AND p."date" < $3::date),
              (SELECT min(n."date") FROM ${T} n WHERE n."areaId" = a."areaId" AND n."beneficiaryId" = $2::uuid AND n."date" > $3::date)
       FROM unnest($1::uuid[]) AS a("areaId")
       WHERE NOT EXISTS (SELECT 1 FROM ${T} e WHERE e."areaId" = a."areaId" AND e."beneficiaryId" = $2::uuid AND e."date" = $3::date)
       RETURNING "areaId", "previousDate", "nextDate"),
     before AS (
       UPDATE ${T} p SET "nextDate" = $3::date FROM added
       WHERE p."areaId" = added."areaId" AND p."beneficiaryId" = $2::uuid AND p."date" = added."previousDate" RETURNING 1),
     after AS (
       UPDATE ${T} n SET "previousDate" = $3::date FROM added
       WHERE n."areaId" = added."areaId" AND n."beneficiaryId" = $2::uuid AND n."date" = added."nextDate" RETURNING 1)
     SELECT ((SELECT count(*) FROM added) + (SELECT count(*) FROM before) + (SELECT count(*) FROM after))::int AS "changed"`,
    day.areaIds,
    day.beneficiaryId,
    day.date,
    day.householdSize,
  );
  await tx.$executeRawUnsafe(addToReachTotals(theirDays, 1), day.areaIds, day.beneficiaryId);
  // Keys no beneficiary day has any more would only lengthen the area's range.
  await tx.$executeRawUnsafe(
    `DELETE FROM "assistance"."AssistanceAreaReachTotal" t
     WHERE t."areaId" = ANY($1::uuid[]) AND t."households" = 0
       AND t."date" IN (SELECT d."date" FROM "assistance"."AssistanceAreaBeneficiaryDay" d WHERE ${theirDays})`,
    day.areaIds,
    day.beneficiaryId,
  );
}
