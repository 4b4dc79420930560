import {
  byIdLoader,
  childPageSql,
  manyByKeyLoader,
  pagedChildrenLoader,
  readRows,
  visibleRecordsSql,
  visibleRecordsWhere,
  type ChildPageQuery,
  type Page,
  type Principal,
} from '@movement/runtime';
import type { PrismaClient } from './generated/prisma/client';
import type { AssistanceRecord, Distribution, ReunificationSupport } from './generated/prisma/client';

/**
 * A page of children for many parents in one SQL statement (see childPageSql), read on the raw
 * driver: a hot path where Prisma's result mapping costs more than the database. With a
 * principal, only the records it may see are paged.
 */
function childPages<T>(prisma: PrismaClient, query: ChildPageQuery, visibleTo?: Principal) {
  const paged: ChildPageQuery = visibleTo ? { ...query, where: (first) => visibleRecordsSql(visibleTo, 't', first) } : query;
  return (parentIds: string[], page: Page): Promise<T[]> => {
    const { sql, params } = childPageSql(paged, parentIds, page);
    return readRows<T>(prisma, sql, params);
  };
}

/**
 * Per-request loaders: every programme, distribution and relation in a request is fetched in batches.
 * Records about people (assistance records, reunification support) are filtered by the principal's
 * visibility inside each batch's query: a hidden record is never fetched, reads as absent, keeps
 * pages full and costs no extra statement. Programmes and distributions are not about a person and
 * are not filtered.
 */
export function createLoaders(prisma: PrismaClient, principal: Principal) {
  const visible = visibleRecordsWhere(principal);
  return {
    programme: byIdLoader((ids) => prisma.assistanceProgramme.findMany({ where: { id: { in: ids } } })),
    distribution: byIdLoader((ids) => prisma.distribution.findMany({ where: { id: { in: ids } } })),
    assistanceRecord: byIdLoader((ids) => prisma.assistanceRecord.findMany({ where: { AND: [{ id: { in: ids } }, visible] } })),
    distributionItems: manyByKeyLoader(
      (distributionIds) =>
        prisma.distributionItem.findMany({ where: { distributionId: { in: distributionIds } }, orderBy: [{ item: 'asc' }, { id: 'asc' }] }),
      (row) => row.distributionId,
    ),
    reunificationSupportById: byIdLoader((ids) => prisma.reunificationSupport.findMany({ where: { AND: [{ id: { in: ids } }, visible] } })),
    reunificationSupport: pagedChildrenLoader(
      childPages<ReunificationSupport>(
        prisma,
        { table: '"assistance"."ReunificationSupport"', parentColumn: 'tracingRequestId', sortColumn: 'date', sortType: 'date', direction: 'asc' },
        principal,
      ),
      (row) => row.tracingRequestId,
    ),
    assistanceReceived: pagedChildrenLoader(
      childPages<AssistanceRecord>(
        prisma,
        { table: '"assistance"."AssistanceRecord"', parentColumn: 'beneficiaryId', sortColumn: 'date', sortType: 'date', direction: 'desc' },
        principal,
      ),
      (row) => row.beneficiaryId,
    ),
    distributionsAtLocation: pagedChildrenLoader(
      childPages<Distribution>(prisma, { table: '"assistance"."Distribution"', parentColumn: 'locationId', sortColumn: 'date', sortType: 'date', direction: 'desc' }),
      (row) => row.locationId,
    ),
    distributionsOfProgramme: pagedChildrenLoader(
      childPages<Distribution>(prisma, { table: '"assistance"."Distribution"', parentColumn: 'programmeId', sortColumn: 'date', sortType: 'date', direction: 'desc' }),
      (row) => row.programmeId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
