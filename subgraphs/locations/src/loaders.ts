import { byIdLoader, pagedChildrenLoader, rowsById } from '@movement/runtime';
import { placePages } from './child-pages';
import { crossingLoader } from './crossings';
import type { Location, Organization, PrismaClient } from './generated/prisma/client';

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
    location: byIdLoader(rowsById<Location>(prisma, '"locations"."Location"')),
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
