import { byIdLoader, pagedChildrenLoader, readRows, rowsById } from '@movement/runtime';
import type DataLoader from 'dataloader';
import { placePages } from './child-pages';
import { crossingLoader } from './crossings';
import type { Location, Organization, PrismaClient } from './generated/prisma/client';

/**
 * Places by id, each read with its ancestors in the same statement: a place is shown with its
 * line of parents (`ancestors`, `parent`) more often than not, and they are a handful of rows
 * shared by every place of a country; reading them along saves the round trip that would ask for
 * them next. The ancestors go into the loader's cache.
 */
function placesWithAncestors(prisma: PrismaClient): DataLoader<string, Location | null> {
  const loader = byIdLoader<Location>(async (ids) => {
    const rows = await readRows<Location>(
      prisma,
      `SELECT t.* FROM "locations"."Location" t WHERE t."id" = ANY(ARRAY(
         SELECT unnest($1::uuid[]) UNION SELECT unnest(a."ancestorIds") FROM "locations"."Location" a WHERE a."id" = ANY($1::uuid[])))`,
      [ids],
    );
    const asked = new Set(ids);
    for (const row of rows) if (!asked.has(row.id)) loader.prime(row.id, row);
    return rows;
  });
  return loader;
}

/**
 * Per-request loaders: every place or organisation looked up in a request is fetched in batches,
 * and every page of children or of an organisation's places costs the same statements for one
 * parent as for a hundred.
 */
export function createLoaders(prisma: PrismaClient) {
  // One children loader per type filter: a batch fetches one page shape for one filter.
  const childrenByType = new Map<string, ReturnType<typeof childrenLoader>>();
  const childrenLoader = (type?: string) => pagedChildrenLoader(placePages(prisma, 'parentId', type), (row: Location) => row.parentId as string);
  return {
    // Places and organisations are what other subgraphs refer to most: read on the raw driver.
    location: placesWithAncestors(prisma),
    organization: byIdLoader(rowsById<Organization>(prisma, '"locations"."Organization"')),
    children: (type?: string | null) => {
      const key = type ?? '';
      let loader = childrenByType.get(key);
      if (!loader) {
        loader = childrenLoader(type ?? undefined);
        childrenByType.set(key, loader);
      }
      return loader;
    },
    crossing: crossingLoader(prisma),
    placesOperatedBy: pagedChildrenLoader(placePages(prisma, 'organizationId'), (row: Location) => row.organizationId as string),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
