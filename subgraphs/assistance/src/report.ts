import type { PrismaClient, Unit } from './generated/prisma/client';

/**
 * One total of a report: an item given by a partner in a period.
 * @public the resolvers' types are generated with it (codegen.ts mappers).
 */
export interface TotalModel {
  periodStart: string | null;
  item: string;
  unit: Unit;
  currency: string | null;
  partnerId: string;
  quantity: number;
  records: number;
}

/** People reached: distinct households (beneficiaries) and the people in them. */
interface Reach {
  households: number;
  persons: number;
}

export interface ReportFilter {
  areaId: string;
  from?: string | null;
  to?: string | null;
  partnerId?: string | null;
  item?: string | null;
  groupBy?: 'MONTH' | 'QUARTER' | 'YEAR' | null;
}

/**
 * A report as resolvers see it. Totals and reach are separate statements run only when their
 * fields are asked for (and once each however often they are): totals read the small area-totals
 * table, reach the small reach-totals table (or the records, when filtered by partner or item).
 */
export interface ReportModel {
  areaId: string;
  from: string | null;
  to: string | null;
  totals(): Promise<TotalModel[]>;
  reach(): Promise<Reach>;
}

/** WHERE conditions on the filter's columns, named as in both tables, with `$1` the area. */
export function where(filter: ReportFilter, areaCondition: string): { sql: string; params: unknown[] } {
  const params: unknown[] = [filter.areaId];
  const conditions = [areaCondition];
  const add = (condition: (n: number) => string, value: unknown) => {
    params.push(value);
    conditions.push(condition(params.length));
  };
  if (filter.from) add((n) => `t."date" >= $${n}::date`, filter.from);
  if (filter.to) add((n) => `t."date" <= $${n}::date`, filter.to);
  if (filter.partnerId) add((n) => `t."partnerId" = $${n}::uuid`, filter.partnerId);
  if (filter.item) add((n) => `t."item" = $${n}`, filter.item);
  return { sql: conditions.join(' AND '), params };
}

export const truncation = { MONTH: 'month', QUARTER: 'quarter', YEAR: 'year' } as const;

/** Totals per period, item, unit, currency and partner, summed from the area totals (primary key range on area and date). */
async function totals(prisma: PrismaClient, filter: ReportFilter): Promise<TotalModel[]> {
  const { sql, params } = where(filter, `t."areaId" = $1::uuid`);
  const period = filter.groupBy ? `to_char(date_trunc('${truncation[filter.groupBy]}', t."date"), 'YYYY-MM-DD')` : 'NULL::text';
  const rows = await prisma.$queryRawUnsafe<Array<Omit<TotalModel, 'quantity' | 'records'> & { quantity: number | string; records: number | string }>>(
    `SELECT ${period} AS "periodStart", t."item", t."unit"::text AS "unit", nullif(t."currency", '') AS "currency", t."partnerId"::text AS "partnerId",
            sum(t."quantity")::float8 AS "quantity", sum(t."records")::int AS "records"
     FROM "assistance"."AssistanceAreaTotal" t WHERE ${sql}
     GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
    ...params,
  );
  return rows.map((row) => ({ ...row, quantity: Number(row.quantity), records: Number(row.records) }));
}

/**
 * Distinct beneficiaries reached in the area, each counted once at their latest household size
 * (the largest recorded on their latest day). Within the range, a beneficiary's first day is the
 * one whose previous day lies before `from`, their last the one whose next day lies after `to`;
 * without a partner or item filter, both are sums over the area's reach totals (its primary key
 * range), with no comparison between beneficiaries. Days are kept per area, not per partner or
 * item, so those filters count distinct beneficiaries among the matching records.
 */
async function reach(prisma: PrismaClient, filter: ReportFilter): Promise<Reach> {
  type Row = { households: number | string; persons: number | string };
  let rows: Row[];
  if (!filter.partnerId && !filter.item) {
    const { sql, params } = where(filter, `t."areaId" = $1::uuid`);
    // `where` numbers the area $1, then `from` and `to` when given.
    const first = filter.from ? `t."previousDate" < $2::date` : `t."previousDate" = '-infinity'::date`;
    const last = filter.to ? `t."nextDate" > $${filter.from ? 3 : 2}::date` : `t."nextDate" = 'infinity'::date`;
    rows = await prisma.$queryRawUnsafe<Row[]>(
      `SELECT coalesce(sum(t."households") FILTER (WHERE ${first}), 0)::int AS "households", coalesce(sum(t."persons") FILTER (WHERE ${last}), 0)::int AS "persons"
       FROM "assistance"."AssistanceAreaReachTotal" t WHERE ${sql}`,
      ...params,
    );
  } else {
    const { sql, params } = where(filter, `t."areaIds" @> ARRAY[$1::uuid]`);
    rows = await prisma.$queryRawUnsafe<Row[]>(
      `SELECT count(*)::int AS "households", coalesce(sum(h.size), 0)::int AS "persons"
       FROM (SELECT DISTINCT ON (t."beneficiaryId") t."householdSize" AS size FROM "assistance"."AssistanceRecord" t WHERE ${sql}
             ORDER BY t."beneficiaryId", t."date" DESC, t."householdSize" DESC) h`,
      ...params,
    );
  }
  return { households: Number(rows[0]?.households ?? 0), persons: Number(rows[0]?.persons ?? 0) };
}

const once = <T>(run: () => Promise<T>): (() => Promise<T>) => {
  let result: Promise<T> | undefined;
  return () => (result ??= run());
};

export function assistanceReport(prisma: PrismaClient, filter: ReportFilter): ReportModel {
  return {
    areaId: filter.areaId,
    from: filter.from ?? null,
    to: filter.to ?? null,
    totals: once(() => totals(prisma, filter)),
    reach: once(() => reach(prisma, filter)),
  };
}
