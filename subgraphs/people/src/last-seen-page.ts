import { childPageSql, visibleRecordsSql, type Page, type Principal } from '@movement/runtime';
import type { Person, PrismaClient } from './generated/prisma/client';

/** People at a place are listed most recently seen first; the id breaks ties. */
export const byLastSeen = (person: Person) => [person.lastSeenOn ? person.lastSeenOn.toISOString().slice(0, 10) : null, person.id];

/**
 * A page of the people last seen at each of `placeIds`, in two statements whatever the number of
 * places: the window query picks the ids, then Prisma reads the rows so enums, arrays and dates
 * come back typed as everywhere else. People without a date are left out, as they cannot be
 * placed in the "most recent first" order. People the principal may not see are filtered inside
 * the window, so each place's page is full and its `hasNextPage` true only for visible people.
 */
export async function peopleLastSeenAt(prisma: PrismaClient, principal: Principal, placeIds: string[], page: Page): Promise<Person[]> {
  // The visibility parameter follows childPageSql's own: $1, $2 and, with a cursor, $3 and $4.
  const visibleIndex = page.after ? 5 : 3;
  const visible = visibleRecordsSql(principal, 't', visibleIndex);
  const { sql, params } = childPageSql(
    {
      table: '"people"."Person"',
      parentColumn: 'lastSeenAtId',
      sortColumn: 'lastSeenOn',
      direction: 'desc',
      where: `t."lastSeenOn" IS NOT NULL AND ${visible.sql}`,
    },
    placeIds,
    page,
  );
  params.push(...visible.params);
  // The raw statement needs explicit types: the parameters arrive untyped through the adapter.
  const typed = sql.replace('= ANY($1)', '= ANY($1::uuid[])').replace('($3, $4)', '($3::date, $4::uuid)');
  const ranked = await prisma.$queryRawUnsafe<Array<{ id: string }>>(typed, ...params);
  if (ranked.length === 0) return [];
  const rows = await prisma.person.findMany({ where: { id: { in: ranked.map((row) => row.id) } } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ranked.map((row) => byId.get(row.id)).filter((row): row is Person => row !== undefined);
}
