import { badUserInput, hasScope, readPage, reviewAsOf, toConnection, uuidPattern, visibleRecordsSql } from '@movement/runtime';
import type { QueryResolvers, ReviewedRecordType } from '../generated/graphql';

/** A record past its review date, as `recordsPastReview` lists it. */
export interface ReviewRow {
  recordType: ReviewedRecordType;
  id: string;
  reviewOn: Date;
  reviewReason: string | null;
  closed: boolean;
  personId: string;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The records about people past review, in one keyset-paged statement over the three tables, each
 * filtered by the principal's visibility. Detention records are listed only for a principal with
 * `detention:read`: that a person has one is itself detention data.
 */
export const recordsPastReview: QueryResolvers['recordsPastReview'] = async (_root, args, { prisma, principal }) => {
  const page = readPage(args, '', (value) => typeof value === 'string' && isoDay.test(value));
  const asOf = reviewAsOf(args.asOf);
  // $1 the day, $2 and $3 the cursor, $4 the page size, $5 the principal's partner (when visibility needs it).
  const visible = (alias: string) => visibleRecordsSql(principal, alias, 5);
  const parts = [
    `SELECT 'PERSON' AS "recordType", p."id", p."reviewOn", p."reviewReason", p."anonymisedOn" IS NOT NULL AS "closed", p."id" AS "personId"
     FROM "people"."Person" p WHERE p."reviewOn" < $1::date AND ${visible('p').sql}`,
    `SELECT 'TRACING_REQUEST', t."id", t."reviewOn", t."reviewReason", t."status" IN ('REUNITED', 'CLOSED'), t."soughtPersonId"
     FROM "people"."TracingRequest" t WHERE t."reviewOn" < $1::date AND ${visible('t').sql}`,
    ...(hasScope(principal, 'detention:read')
      ? [
          `SELECT 'DETENTION_RECORD', d."id", d."reviewOn", d."reviewReason", d."custodyStatus" <> 'IN_CUSTODY', d."personId"
           FROM "people"."DetentionRecord" d WHERE d."reviewOn" < $1::date AND ${visible('d').sql}`,
        ]
      : []),
  ];
  const [afterDay, afterId] = page.after ?? [null, null];
  if (afterId !== null && (typeof afterId !== 'string' || !uuidPattern.test(afterId))) throw badUserInput('after', 'is not a cursor returned by this list');
  const rows = await prisma.$queryRawUnsafe<ReviewRow[]>(
    `SELECT * FROM (${parts.join(' UNION ALL ')}) r
     WHERE $2::date IS NULL OR (r."reviewOn", r."id") > ($2::date, $3::uuid)
     ORDER BY r."reviewOn", r."id" LIMIT $4`,
    asOf,
    afterDay,
    afterId,
    page.limit + 1,
    ...visible('p').params,
  );
  return toConnection(rows, page, (row) => [row.reviewOn.toISOString().slice(0, 10), row.id]);
};
