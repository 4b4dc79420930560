import {
  byIdLoader,
  childPageSql,
  manyByKeyLoader,
  pagedChildrenLoader,
  visibleRecordsSql,
  visibleRecordsWhere,
  type ChildPageQuery,
  type Page,
  type Principal,
} from '@movement/runtime';
import type { PrismaClient } from './generated/prisma/client';
import type { AssistanceRecord, Distribution, ReunificationSupport } from './generated/prisma/client';

/**
 * A page of children for many parents in one SQL statement, sent through Prisma so that it is
 * counted with every other statement. The window's rank column is dropped from the rows.
 */
function childPages<T>(prisma: PrismaClient, query: ChildPageQuery, visibleTo?: Principal) {
  return async (parentIds: string[], page: Page): Promise<T[]> => {
    // The visibility parameter comes after those of the page ($1, $2, and $3, $4 with a cursor):
    // placeholders are numbered, so it may sit anywhere in the text.
    const visibility = visibleTo ? visibleRecordsSql(visibleTo, 't', page.after ? 5 : 3) : undefined;
    const { sql, params } = childPageSql(visibility ? { ...query, where: visibility.sql } : query, parentIds, page);
    params.push(...(visibility?.params ?? []));
    const rows = await prisma.$queryRawUnsafe<Array<T & { __rank?: unknown }>>(sql, ...params);
    return rows.map(({ __rank: _rank, ...row }) => row as T);
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
        { table: '"assistance"."ReunificationSupport"', parentColumn: 'tracingRequestId', sortColumn: 'date', direction: 'asc' },
        principal,
      ),
      (row) => row.tracingRequestId,
    ),
    assistanceReceived: pagedChildrenLoader(
      childPages<AssistanceRecord>(
        prisma,
        { table: '"assistance"."AssistanceRecord"', parentColumn: 'beneficiaryId', sortColumn: 'date', direction: 'desc' },
        principal,
      ),
      (row) => row.beneficiaryId,
    ),
    distributionsAtLocation: pagedChildrenLoader(
      childPages<Distribution>(prisma, { table: '"assistance"."Distribution"', parentColumn: 'locationId', sortColumn: 'date', direction: 'desc' }),
      (row) => row.locationId,
    ),
    distributionsOfProgramme: pagedChildrenLoader(
      childPages<Distribution>(prisma, { table: '"assistance"."Distribution"', parentColumn: 'programmeId', sortColumn: 'date', direction: 'desc' }),
      (row) => row.programmeId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
