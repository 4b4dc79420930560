import { byIdLoader, manyByKeyLoader, pagedChildrenLoader, visibleRecordsWhere, type Principal } from '@movement/runtime';
import type DataLoader from 'dataloader';
import type { PrismaClient } from './generated/prisma/client';
import { peopleLastSeenAt } from './last-seen-page';

/**
 * Per-request loaders: every person, record and relation looked up in a request is fetched in
 * batches, and the principal's visibility rule is part of each batch's query (see visibility.ts),
 * so hiding records costs no extra statement.
 */
export function createLoaders(prisma: PrismaClient, principal: Principal) {
  const visible = visibleRecordsWhere(principal);
  return {
    /** A person the principal may see; null for a hidden one, as for one that does not exist. */
    person: byIdLoader((ids) => prisma.person.findMany({ where: { AND: [{ id: { in: ids } }, visible] } })),
    /**
     * A person named by a record already shown (a request's enquirer or sought person, a
     * detainee, the person a link belongs to): sharing the record shares who it is about.
     */
    personOfRecord: byIdLoader((ids) => prisma.person.findMany({ where: { id: { in: ids } } })),
    tracingRequest: byIdLoader((ids) => prisma.tracingRequest.findMany({ where: { AND: [{ id: { in: ids } }, visible] } })),
    detentionRecord: byIdLoader((ids) => prisma.detentionRecord.findMany({ where: { AND: [{ id: { in: ids } }, visible] } })),
    // A link to a relative the principal may not see is left out: showing it would reveal that a
    // hidden person exists and how they are related.
    familyLinksOf: manyByKeyLoader(
      (personIds) =>
        prisma.familyLink.findMany({
          where: { personId: { in: personIds }, ...(Object.keys(visible).length > 0 ? { relative: visible } : {}) },
          orderBy: [{ relationship: 'asc' }, { id: 'asc' }],
        }),
      (row) => row.personId,
    ),
    tracingRequestsSeeking: manyByKeyLoader(
      (personIds) =>
        prisma.tracingRequest.findMany({ where: { AND: [{ soughtPersonId: { in: personIds } }, visible] }, orderBy: [{ openedOn: 'desc' }, { id: 'desc' }] }),
      (row) => row.soughtPersonId,
    ),
    detentionRecordsOf: manyByKeyLoader(
      (personIds) =>
        prisma.detentionRecord.findMany({ where: { AND: [{ personId: { in: personIds } }, visible] }, orderBy: [{ captureDate: 'desc' }, { id: 'desc' }] }),
      (row) => row.personId,
    ),
    visitsOf: manyByKeyLoader(
      (recordIds) =>
        prisma.detentionVisit.findMany({ where: { detentionRecordId: { in: recordIds } }, orderBy: [{ visitedOn: 'desc' }, { id: 'desc' }] }),
      (row) => row.detentionRecordId,
    ),
    peopleLastSeenAt: pagedChildrenLoader(
      (placeIds, page) => peopleLastSeenAt(prisma, principal, placeIds, page),
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
