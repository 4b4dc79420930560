import { childPageSql, readRows, visibleRecordsSql, type ChildCondition, type ChildPageQuery, type Page, type Principal } from '@movement/runtime';
import type { DetentionRecord, DetentionVisit, FamilyLink, PrismaClient, TracingRequest } from './generated/prisma/client';
import { isoDate } from './dates';

/**
 * Pages of the lists under a person or a detention record (family links, tracing requests,
 * detention records, visits), one statement per list whatever the number of parents (see
 * `childPageSql`), read on the raw driver: a hot path where Prisma's result mapping costs more
 * than the database. Records the principal may not see are filtered inside each parent's page,
 * so the page is full and its `hasNextPage` counts only what the principal may see.
 */

function childPage<T>(prisma: PrismaClient, list: Omit<ChildPageQuery, 'where'>, parentIds: string[], page: Page, where?: ChildCondition): Promise<T[]> {
  const { sql, params } = childPageSql({ ...list, where }, parentIds, page);
  return readRows<T>(prisma, sql, params);
}

/** Family links are listed by relationship (in the enum's order), the id breaking ties. */
export const byRelationship = (link: FamilyLink) => [link.relationship, link.id];

/**
 * A page of the links of each person. A link to a relative the principal may not see is left
 * out: showing it would reveal that a hidden person exists and how they are related.
 */
export function familyLinksOf(prisma: PrismaClient, principal: Principal, personIds: string[], page: Page): Promise<FamilyLink[]> {
  const list = { table: '"people"."FamilyLink"', parentColumn: 'personId', sortColumn: 'relationship', sortType: '"people"."Relationship"', direction: 'asc' } as const;
  return childPage<FamilyLink>(prisma, list, personIds, page, (first) => {
    const visible = visibleRecordsSql(principal, 'r', first);
    return visible.sql === 'TRUE' ? visible : { sql: `EXISTS (SELECT 1 FROM "people"."Person" r WHERE r."id" = t."relativeId" AND ${visible.sql})`, params: visible.params };
  });
}

/** Tracing requests under a person are listed most recently opened first; the id breaks ties. */
export const byOpenedOnDate = (request: TracingRequest) => [isoDate(request.openedOn), request.id];

/** A page of the visible tracing requests seeking each person. */
export function tracingRequestsSeeking(prisma: PrismaClient, principal: Principal, personIds: string[], page: Page): Promise<TracingRequest[]> {
  const list = { table: '"people"."TracingRequest"', parentColumn: 'soughtPersonId', sortColumn: 'openedOn', sortType: 'date', direction: 'desc' } as const;
  return childPage<TracingRequest>(prisma, list, personIds, page, (first) => visibleRecordsSql(principal, 't', first));
}

/** Detention records under a person are listed by most recent capture; the id breaks ties. */
export const byCaptureDay = (record: DetentionRecord) => [isoDate(record.captureDate), record.id];

/** A page of the visible detention records of each person. */
export function detentionRecordsOf(prisma: PrismaClient, principal: Principal, personIds: string[], page: Page): Promise<DetentionRecord[]> {
  const list = { table: '"people"."DetentionRecord"', parentColumn: 'personId', sortColumn: 'captureDate', sortType: 'date', direction: 'desc' } as const;
  return childPage<DetentionRecord>(prisma, list, personIds, page, (first) => visibleRecordsSql(principal, 't', first));
}

/** Visits are listed most recent first; the id breaks ties. */
export const byVisitedOn = (visit: DetentionVisit) => [isoDate(visit.visitedOn), visit.id];

/** A page of the visits to each detainee; the visits of a record the principal sees are shown with it. */
export function visitsOf(prisma: PrismaClient, recordIds: string[], page: Page): Promise<DetentionVisit[]> {
  const list = { table: '"people"."DetentionVisit"', parentColumn: 'detentionRecordId', sortColumn: 'visitedOn', sortType: 'date', direction: 'desc' } as const;
  return childPage<DetentionVisit>(prisma, list, recordIds, page);
}
