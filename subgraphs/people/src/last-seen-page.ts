import { readChildPages, visibleRecordsSql, type ChildPageQuery, type Page, type Principal } from '@movement/runtime';
import type { Person, PrismaClient } from './generated/prisma/client';

/** People at a place are listed most recently seen first; the id breaks ties. */
export const byLastSeen = (person: Person) => [person.lastSeenOn ? person.lastSeenOn.toISOString().slice(0, 10) : null, person.id];

/**
 * The people last seen at each place, a page per place in one statement whatever the number of
 * places (see `childPageSql`), read on the raw driver. People without a date are left out, as
 * they cannot be placed in the "most recent first" order. People the principal may not see are
 * filtered inside each place's page, so the page is full and its `hasNextPage` true only for
 * visible people.
 */
export const lastSeenPages = (principal: Principal): ChildPageQuery => ({
  table: '"people"."Person"',
  parentColumn: 'lastSeenAtId',
  sortColumn: 'lastSeenOn',
  sortType: 'date',
  direction: 'desc',
  where: (first) => {
    const visible = visibleRecordsSql(principal, 't', first);
    return { sql: `t."lastSeenOn" IS NOT NULL AND ${visible.sql}`, params: visible.params };
  },
});

export function peopleLastSeenAt(prisma: PrismaClient, principal: Principal, placeIds: string[], page: Page): Promise<Person[]> {
  return readChildPages<Person>(prisma, lastSeenPages(principal), placeIds, page);
}
