import type { PrismaClient, Unit } from './generated/prisma/client';
import { reference, type EntityReference } from './references';
import { truncation, where } from './report';

export interface DistributionReportFilter {
  areaId: string;
  from?: string | null;
  to?: string | null;
  partnerId?: string | null;
  programmeId?: string | null;
  groupBy?: 'MONTH' | 'QUARTER' | 'YEAR' | null;
}

/** A distribution report as the schema shapes it; small enough to compute whole. */
export interface DistributionReportModel {
  area: EntityReference;
  from: string | null;
  to: string | null;
  distributions: number;
  byPartner: Array<{ periodStart: string | null; partner: EntityReference; distributions: number }>;
  items: Array<{
    periodStart: string | null;
    item: string;
    unit: Unit;
    currency: string | null;
    partner: EntityReference;
    quantity: number;
    distributions: number;
  }>;
}

/**
 * Counts and item totals of the distributions in an area (the GIN index on `areaIds`). There are
 * far fewer distributions than records, each with its items already totalled, so they are summed
 * directly rather than through a totals table.
 */
export async function distributionReport(prisma: PrismaClient, filter: DistributionReportFilter): Promise<DistributionReportModel> {
  const { sql, params } = where({ areaId: filter.areaId, from: filter.from, to: filter.to, partnerId: filter.partnerId }, `t."areaIds" @> ARRAY[$1::uuid]`);
  let conditions = sql;
  if (filter.programmeId) {
    params.push(filter.programmeId);
    conditions += ` AND t."programmeId" = $${params.length}::uuid`;
  }
  const period = filter.groupBy ? `to_char(date_trunc('${truncation[filter.groupBy]}', t."date"), 'YYYY-MM-DD')` : 'NULL::text';
  const [counts, items] = await Promise.all([
    prisma.$queryRawUnsafe<Array<{ periodStart: string | null; partnerId: string; distributions: number }>>(
      `SELECT ${period} AS "periodStart", t."partnerId"::text AS "partnerId", count(*)::int AS "distributions"
       FROM "assistance"."Distribution" t WHERE ${conditions}
       GROUP BY 1, 2 ORDER BY 1, 2`,
      ...params,
    ),
    // An item appears once per distribution and currency, so counting rows counts distributions.
    prisma.$queryRawUnsafe<
      Array<{ periodStart: string | null; item: string; unit: Unit; currency: string | null; partnerId: string; quantity: number; distributions: number }>
    >(
      `SELECT ${period} AS "periodStart", i."item", i."unit"::text AS "unit", i."currency"::text AS "currency", t."partnerId"::text AS "partnerId",
              sum(i."quantity")::float8 AS "quantity", count(*)::int AS "distributions"
       FROM "assistance"."Distribution" t JOIN "assistance"."DistributionItem" i ON i."distributionId" = t."id"
       WHERE ${conditions}
       GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4 NULLS FIRST, 5`,
      ...params,
    ),
  ]);
  return {
    area: reference('Location', filter.areaId),
    from: filter.from ?? null,
    to: filter.to ?? null,
    distributions: counts.reduce((sum, row) => sum + Number(row.distributions), 0),
    byPartner: counts.map((row) => ({
      periodStart: row.periodStart,
      partner: reference('Organization', row.partnerId),
      distributions: Number(row.distributions),
    })),
    items: items.map(({ partnerId, ...row }) => ({
      ...row,
      quantity: Number(row.quantity),
      distributions: Number(row.distributions),
      partner: reference('Organization', partnerId),
    })),
  };
}
