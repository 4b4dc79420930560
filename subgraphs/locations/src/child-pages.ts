import { childPageSql, readPage, type Page, type PageArgs } from '@movement/runtime';
import type { Location, PrismaClient } from './generated/prisma/client';

/** Locations are listed by name; the id breaks ties so the keyset is total. */
export const byName = (row: Location) => [row.name, row.id];

/** `readPage` for lists in name order: a cursor must be `[name, id]`. */
export const readNamePage = (args: PageArgs, prefix = ''): Page => readPage(args, prefix, (value) => typeof value === 'string');

/**
 * Fetches a page of places for many parents (enclosing places or operating organisations) in two
 * statements whatever the number of parents: the window query picks the ids, then Prisma reads
 * the rows so enums, JSON, arrays and dates come back typed as everywhere else. `type`, when
 * given, keeps only places of that type inside the window, so each parent's page stays full.
 */
export function placePages(prisma: PrismaClient, parentColumn: 'parentId' | 'organizationId', type?: string) {
  return async (parentIds: string[], page: Page): Promise<Location[]> => {
    // The type parameter follows childPageSql's own: $1, $2 and, with a cursor, $3 and $4.
    const typeIndex = page.after ? 5 : 3;
    const { sql, params } = childPageSql(
      {
        table: '"locations"."Location"',
        parentColumn,
        sortColumn: 'name',
        direction: 'asc',
        where: type ? `t."type" = $${typeIndex}::"locations"."LocationType"` : undefined,
      },
      parentIds,
      page,
    );
    if (type) params.push(type);
    // The raw statement needs explicit types: the parameters arrive untyped through the adapter.
    const typed = sql.replace('= ANY($1)', '= ANY($1::uuid[])').replace('($3, $4)', '($3::text, $4::uuid)');
    const ranked = await prisma.$queryRawUnsafe<Array<{ id: string }>>(typed, ...params);
    if (ranked.length === 0) return [];
    const rows = await prisma.location.findMany({ where: { id: { in: ranked.map((row) => row.id) } } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ranked.map((row) => byId.get(row.id)).filter((row): row is Location => row !== undefined);
  };
}
