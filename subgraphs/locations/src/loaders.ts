import { byIdLoader, manyByKeyLoader } from '@movement/runtime';
import type { PrismaClient } from './generated/prisma/client';

/** Per-request loaders: every place or organisation looked up in a request is fetched in batches. */
export function createLoaders(prisma: PrismaClient) {
  return {
    location: byIdLoader((ids) => prisma.location.findMany({ where: { id: { in: ids } } })),
    organization: byIdLoader((ids) => prisma.organization.findMany({ where: { id: { in: ids } } })),
    placesOperatedBy: manyByKeyLoader(
      (organizationIds) =>
        prisma.location.findMany({ where: { organizationId: { in: organizationIds } }, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
      (row) => row.organizationId as string,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
