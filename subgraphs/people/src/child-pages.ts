import { readChildPages, visibleRecordsSql, type ChildPageQuery, type Page, type Principal } from '@movement/runtime';
import type { DetentionRecord, DetentionVisit, FamilyLink, PrismaClient, TracingRequest } from './generated/prisma/client';
import { isoDate } from './dates';

/**
 * Pages of the lists under a person or a detention record (family links, tracing requests,
 * detention records, visits), one statement per list whatever the number of parents (see
 * `childPageSql`), read on the raw driver: a hot path where Prisma's result mapping costs more
 * than the database. Records the principal may not see are filtered inside each parent's page,
 * so the page is full and its `hasNextPage` counts only what the principal may see.
 */

/** Family links are listed by relationship (in the enum's order), the id breaking ties. */
export const byRelationship = (link: FamilyLink) => [link.relationship, link.id];

/**
 * The links of each person. A link to a relative the principal may not see is left out: showing
 * it would reveal that a hidden person exists and how they are related.
 */
export const familyLinkPages = (principal: Principal): ChildPageQuery => ({
  table: '"people"."FamilyLink"',
  parentColumn: 'personId',
  sortColumn: 'relationship',
  sortType: '"people"."Relationship"',
  direction: 'asc',
  where: (first) => {
    const visible = visibleRecordsSql(principal, 'r', first);
    return visible.sql === 'TRUE'
      ? visible
      : { sql: `EXISTS (SELECT 1 FROM "people"."Person" r WHERE r."id" = t."relativeId" AND ${visible.sql})`, params: visible.params };
  },
});

export function familyLinksOf(prisma: PrismaClient, principal: Principal, personIds: string[], page: Page): Promise<FamilyLink[]> {
  return readChildPages<FamilyLink>(prisma, familyLinkPages(principal), personIds, page);
}

/** Tracing requests under a person are listed most recently opened first; the id breaks ties. */
export const byOpenedOnDate = (request: TracingRequest) => [isoDate(request.openedOn), request.id];

/** The visible tracing requests seeking each person. */
export const tracingRequestPages = (principal: Principal): ChildPageQuery => ({
  table: '"people"."TracingRequest"',
  parentColumn: 'soughtPersonId',
  sortColumn: 'openedOn',
  sortType: 'date',
  direction: 'desc',
  where: (first) => visibleRecordsSql(principal, 't', first),
});

export function tracingRequestsSeeking(prisma: PrismaClient, principal: Principal, personIds: string[], page: Page): Promise<TracingRequest[]> {
  return readChildPages<TracingRequest>(prisma, tracingRequestPages(principal), personIds, page);
}

/** Detention records under a person are listed by most recent capture; the id breaks ties. */
export const byCaptureDay = (record: DetentionRecord) => [isoDate(record.captureDate), record.id];

/** The visible detention records of each person. */
export const detentionRecordPages = (principal: Principal): ChildPageQuery => ({
  table: '"people"."DetentionRecord"',
  parentColumn: 'personId',
  sortColumn: 'captureDate',
  sortType: 'date',
  direction: 'desc',
  where: (first) => visibleRecordsSql(principal, 't', first),
});

export function detentionRecordsOf(prisma: PrismaClient, principal: Principal, personIds: string[], page: Page): Promise<DetentionRecord[]> {
  return readChildPages<DetentionRecord>(prisma, detentionRecordPages(principal), personIds, page);
}

/** Visits are listed most recent first; the id breaks ties. */
export const byVisitedOn = (visit: DetentionVisit) => [isoDate(visit.visitedOn), visit.id];

/** The visits to each detainee; the visits of a record the principal sees are shown with it. */
export const visitPages = (): ChildPageQuery => ({
  table: '"people"."DetentionVisit"',
  parentColumn: 'detentionRecordId',
  sortColumn: 'visitedOn',
  sortType: 'date',
  direction: 'desc',
});

export function visitsOf(prisma: PrismaClient, recordIds: string[], page: Page): Promise<DetentionVisit[]> {
  return readChildPages<DetentionVisit>(prisma, visitPages(), recordIds, page);
}
