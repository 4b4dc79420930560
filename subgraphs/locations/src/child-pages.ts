import { childPageSql, readPage, readRows, type Page, type PageArgs } from '@movement/runtime';
import type { Location, PrismaClient } from './generated/prisma/client';

/** Locations are listed by name; the id breaks ties so the keyset is total. */
export const byName = (row: Location) => [row.name, row.id];

/** `readPage` for lists in name order: a cursor must be `[name, id]`. */
export const readNamePage = (args: PageArgs, prefix = ''): Page => readPage(args, prefix, (value) => typeof value === 'string');

/**
 * Fetches a page of places for many parents (enclosing places or operating organisations) in one
 * statement whatever the number of parents (see `childPageSql`), read on the raw driver. `type`,
 * when given, keeps only places of that type inside each parent's page, so the page stays full.
 */
export function placePages(prisma: PrismaClient, parentColumn: 'parentId' | 'organizationId', type?: string) {
  return (parentIds: string[], page: Page): Promise<Location[]> => {
    const { sql, params } = childPageSql(
      {
        table: '"locations"."Location"',
        parentColumn,
        sortColumn: 'name',
        sortType: 'text',
        direction: 'asc',
        where: type ? (first) => ({ sql: `t."type" = $${first}::"locations"."LocationType"`, params: [type] }) : undefined,
      },
      parentIds,
      page,
    );
    return readRows<Location>(prisma, sql, params);
  };
}
