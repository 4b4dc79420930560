import { byIdLoader, childPageSql, manyByKeyLoader, pagedChildrenLoader, type ChildPageQuery, type Page } from '@movement/runtime';
import type { PrismaClient } from './generated/prisma/client';
import type { AssistanceRecord, Distribution } from './generated/prisma/client';

/**
 * A page of children for many parents in one SQL statement, sent through Prisma so that it is
 * counted with every other statement. The window's rank column is dropped from the rows.
 */
function childPages<T>(prisma: PrismaClient, query: ChildPageQuery) {
  return async (parentIds: string[], page: Page): Promise<T[]> => {
    const { sql, params } = childPageSql(query, parentIds, page);
    const rows = await prisma.$queryRawUnsafe<Array<T & { __rank?: unknown }>>(sql, ...params);
    return rows.map(({ __rank: _rank, ...row }) => row as T);
  };
}

/** Per-request loaders: every programme, distribution and relation in a request is fetched in batches. */
export function createLoaders(prisma: PrismaClient) {
  return {
    programme: byIdLoader((ids) => prisma.assistanceProgramme.findMany({ where: { id: { in: ids } } })),
    distribution: byIdLoader((ids) => prisma.distribution.findMany({ where: { id: { in: ids } } })),
    assistanceRecord: byIdLoader((ids) => prisma.assistanceRecord.findMany({ where: { id: { in: ids } } })),
    distributionItems: manyByKeyLoader(
      (distributionIds) =>
        prisma.distributionItem.findMany({ where: { distributionId: { in: distributionIds } }, orderBy: [{ item: 'asc' }, { id: 'asc' }] }),
      (row) => row.distributionId,
    ),
    reunificationSupportById: byIdLoader((ids) => prisma.reunificationSupport.findMany({ where: { id: { in: ids } } })),
    reunificationSupport: manyByKeyLoader(
      (tracingRequestIds) =>
        prisma.reunificationSupport.findMany({ where: { tracingRequestId: { in: tracingRequestIds } }, orderBy: [{ date: 'asc' }, { id: 'asc' }] }),
      (row) => row.tracingRequestId,
    ),
    assistanceReceived: pagedChildrenLoader(
      childPages<AssistanceRecord>(prisma, { table: '"assistance"."AssistanceRecord"', parentColumn: 'beneficiaryId', sortColumn: 'date', direction: 'desc' }),
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
