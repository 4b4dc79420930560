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
