import { byIdLoader, pagedChildrenLoader, rowsById, visibleRecordsSql, type Principal } from '@movement/runtime';
import type DataLoader from 'dataloader';
import type { DetentionRecord, Person, PrismaClient, TracingRequest } from './generated/prisma/client';
import { detentionRecordsOf, familyLinksOf, tracingRequestsSeeking, visitsOf } from './child-pages';
import { peopleLastSeenAt } from './last-seen-page';

/**
 * Per-request loaders: every person, record and relation looked up in a request is fetched in
 * batches, and the principal's visibility rule is part of each batch's query (see visibility.ts),
 * so hiding records costs no extra statement.
 */
export function createLoaders(prisma: PrismaClient, principal: Principal) {
  const visible = (first: number) => visibleRecordsSql(principal, 't', first);
  // Entity lookups are what the other subgraphs' records ask of this one (a message's sender, a
  // record's beneficiary) in every list they show: on the raw driver.
  return {
    /** A person the principal may see; null for a hidden one, as for one that does not exist. */
    person: byIdLoader(rowsById<Person>(prisma, '"people"."Person"', visible)),
    /**
     * A person named by a record already shown (a request's enquirer or sought person, a
     * detainee, the person a link belongs to) or by another subgraph's record: whoever the
     * caller may see or not. Not filtered here, since the record establishes who it is about;
     * a person not visible on their own is shown in the identity-only view, which the schema
     * enforces on every Person field (see server.ts).
     */
    personOfRecord: byIdLoader(rowsById<Person>(prisma, '"people"."Person"')),
    tracingRequest: byIdLoader(rowsById<TracingRequest>(prisma, '"people"."TracingRequest"', visible)),
    detentionRecord: byIdLoader(rowsById<DetentionRecord>(prisma, '"people"."DetentionRecord"', visible)),
    familyLinksOf: pagedChildrenLoader(
      (personIds, page) => familyLinksOf(prisma, principal, personIds, page),
      (row) => row.personId,
    ),
    tracingRequestsSeeking: pagedChildrenLoader(
      (personIds, page) => tracingRequestsSeeking(prisma, principal, personIds, page),
      (row) => row.soughtPersonId,
    ),
    detentionRecordsOf: pagedChildrenLoader(
      (personIds, page) => detentionRecordsOf(prisma, principal, personIds, page),
      (row) => row.personId,
    ),
    visitsOf: pagedChildrenLoader(
      (recordIds, page) => visitsOf(prisma, recordIds, page),
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
