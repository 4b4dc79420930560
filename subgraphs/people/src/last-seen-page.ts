import { childPageSql, readRows, visibleRecordsSql, type Page, type Principal } from '@movement/runtime';
import type { Person, PrismaClient } from './generated/prisma/client';

/** People at a place are listed most recently seen first; the id breaks ties. */
export const byLastSeen = (person: Person) => [person.lastSeenOn ? person.lastSeenOn.toISOString().slice(0, 10) : null, person.id];

/**
 * A page of the people last seen at each of `placeIds`, in one statement whatever the number of
 * places (see `childPageSql`), read on the raw driver. People without a date are left out, as
 * they cannot be placed in the "most recent first" order. People the principal may not see are
 * filtered inside each place's page, so the page is full and its `hasNextPage` true only for
 * visible people.
 */
export function peopleLastSeenAt(prisma: PrismaClient, principal: Principal, placeIds: string[], page: Page): Promise<Person[]> {
  const { sql, params } = childPageSql(
    {
      table: '"people"."Person"',
      parentColumn: 'lastSeenAtId',
      sortColumn: 'lastSeenOn',
      sortType: 'date',
      direction: 'desc',
      where: (first) => {
        const visible = visibleRecordsSql(principal, 't', first);
        return { sql: `t."lastSeenOn" IS NOT NULL AND ${visible.sql}`, params: visible.params };
      },
    },
    placeIds,
    page,
  );
  return readRows<Person>(prisma, sql, params);
}
