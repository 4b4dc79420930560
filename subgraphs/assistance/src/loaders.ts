import {
  byIdLoader,
  manyByKeyLoader,
  pagedChildrenLoader,
  readChildPages,
  visibleRecordsWhere,
  type ChildPageQuery,
  type Page,
  type Principal,
} from '@movement/runtime';
import type { PrismaClient } from './generated/prisma/client';
import type { AssistanceRecord, Distribution, ReunificationSupport } from './generated/prisma/client';
import { relationPages } from './relation-pages';

/**
 * Per-request loaders: every programme, distribution and relation in a request is fetched in batches.
 * Records about people (assistance records, reunification support) are filtered by the principal's
 * visibility inside each batch's query: a hidden record is never fetched, reads as absent, keeps
 * pages full and costs no extra statement. Programmes and distributions are not about a person and
 * are not filtered.
 */
export function createLoaders(prisma: PrismaClient, principal: Principal) {
  const visible = visibleRecordsWhere(principal);
  // Pages of children for a whole batch of parents in one statement (see relation-pages.ts).
  const pages =
    <T>(query: ChildPageQuery) =>
    (parentIds: string[], page: Page) =>
      readChildPages<T>(prisma, query, parentIds, page);
  return {
    programme: byIdLoader((ids) => prisma.assistanceProgramme.findMany({ where: { id: { in: ids } } })),
    distribution: byIdLoader((ids) => prisma.distribution.findMany({ where: { id: { in: ids } } })),
    assistanceRecord: byIdLoader((ids) => prisma.assistanceRecord.findMany({ where: { AND: [{ id: { in: ids } }, visible] } })),
    distributionItems: manyByKeyLoader(
      (distributionIds) => prisma.distributionItem.findMany({ where: { distributionId: { in: distributionIds } }, orderBy: [{ item: 'asc' }, { id: 'asc' }] }),
      (row) => row.distributionId,
    ),
    reunificationSupportById: byIdLoader((ids) => prisma.reunificationSupport.findMany({ where: { AND: [{ id: { in: ids } }, visible] } })),
    reunificationSupport: pagedChildrenLoader(
      pages<ReunificationSupport>(relationPages['TracingRequest.reunificationSupport'](principal)),
      (row) => row.tracingRequestId,
    ),
    assistanceReceived: pagedChildrenLoader(pages<AssistanceRecord>(relationPages['Person.assistanceReceived'](principal)), (row) => row.beneficiaryId),
    distributionsAtLocation: pagedChildrenLoader(pages<Distribution>(relationPages['Location.distributions']()), (row) => row.locationId),
    distributionsOfProgramme: pagedChildrenLoader(pages<Distribution>(relationPages['AssistanceProgramme.distributions']()), (row) => row.programmeId),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
