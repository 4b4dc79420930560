import { readChildPages, readPage, type ChildPageQuery, type Page, type PageArgs, type RelationPages } from '@movement/runtime';
import type { Location, PrismaClient } from './generated/prisma/client';

/** Locations are listed by name; the id breaks ties so the keyset is total. */
export const byName = (row: Location) => [row.name, row.id];

/** `readPage` for lists in name order: a cursor must be `[name, id]`. */
export const readNamePage = (args: PageArgs, prefix = ''): Page => readPage(args, prefix, (value) => typeof value === 'string');

/**
 * Places under many parents (enclosing places or operating organisations), a page per parent in
 * one statement whatever the number of parents (see `childPageSql`). `type`, when given, keeps
 * only places of that type inside each parent's page, so the page stays full.
 */
const placePageQuery = (parentColumn: 'parentId' | 'organizationId', type?: string): ChildPageQuery => ({
  table: '"locations"."Location"',
  parentColumn,
  sortColumn: 'name',
  sortType: 'text',
  direction: 'asc',
  where: type ? (first) => ({ sql: `t."type" = $${first}::"locations"."LocationType"`, params: [type] }) : undefined,
});

/** Every relation page of the locations subgraph, by field; places are not filtered by partner. */
export const relationPages = {
  'Location.children': () => placePageQuery('parentId'),
  'Location.children(type)': () => placePageQuery('parentId', 'SETTLEMENT'),
  'Organization.places': () => placePageQuery('organizationId'),
} satisfies RelationPages;

/** Read on the raw driver: a hot path where Prisma's result mapping costs more than the database. */
export function placePages(prisma: PrismaClient, parentColumn: 'parentId' | 'organizationId', type?: string) {
  const query = placePageQuery(parentColumn, type);
  return (parentIds: string[], page: Page): Promise<Location[]> => readChildPages<Location>(prisma, query, parentIds, page);
}
