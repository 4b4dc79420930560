import { byIdLoader, manyByKeyLoader, pagedChildrenLoader } from '@movement/runtime';
import type DataLoader from 'dataloader';
import type { PrismaClient } from './generated/prisma/client';
import { peopleLastSeenAt } from './last-seen-page';

/** Per-request loaders: every person, record and relation looked up in a request is fetched in batches. */
export function createLoaders(prisma: PrismaClient) {
  return {
    person: byIdLoader((ids) => prisma.person.findMany({ where: { id: { in: ids } } })),
    tracingRequest: byIdLoader((ids) => prisma.tracingRequest.findMany({ where: { id: { in: ids } } })),
    detentionRecord: byIdLoader((ids) => prisma.detentionRecord.findMany({ where: { id: { in: ids } } })),
    familyLinksOf: manyByKeyLoader(
      (personIds) => prisma.familyLink.findMany({ where: { personId: { in: personIds } }, orderBy: [{ relationship: 'asc' }, { id: 'asc' }] }),
      (row) => row.personId,
    ),
    tracingRequestsSeeking: manyByKeyLoader(
      (personIds) =>
        prisma.tracingRequest.findMany({ where: { soughtPersonId: { in: personIds } }, orderBy: [{ openedOn: 'desc' }, { id: 'desc' }] }),
      (row) => row.soughtPersonId,
    ),
    detentionRecordsOf: manyByKeyLoader(
      (personIds) =>
        prisma.detentionRecord.findMany({ where: { personId: { in: personIds } }, orderBy: [{ captureDate: 'desc' }, { id: 'desc' }] }),
      (row) => row.personId,
    ),
    visitsOf: manyByKeyLoader(
      (recordIds) =>
        prisma.detentionVisit.findMany({ where: { detentionRecordId: { in: recordIds } }, orderBy: [{ visitedOn: 'desc' }, { id: 'desc' }] }),
      (row) => row.detentionRecordId,
    ),
    peopleLastSeenAt: pagedChildrenLoader(
      (placeIds, page) => peopleLastSeenAt(prisma, placeIds, page),
      (row) => row.lastSeenAtId as string,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * Loads a row a foreign key guarantees (a link's relative, a record's person); a miss means the
 * database lost integrity, which must fail loudly rather than answer null for a non-null field.
 */
export async function loadRequired<T>(loader: DataLoader<string, T | null>, id: string, what: string): Promise<T> {
  const row = await loader.load(id);
  if (row === null) throw new Error(`${what} ${id} is referenced but does not exist.`);
  return row;
}
