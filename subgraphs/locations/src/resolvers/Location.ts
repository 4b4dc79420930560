import { keysetOrder, keysetWhere, readPage, toConnection } from '@movement/runtime';
import type { LocalizedName, LocationResolvers } from '../generated/graphql';
import type { Location as LocationModel } from '../generated/prisma/client';

/** Locations are listed by name; the id breaks ties so the keyset is total. */
export const byName = (row: LocationModel) => [row.name, row.id];

export const Location: LocationResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.location.load(reference.id),
  names: (location) => location.names as unknown as LocalizedName[],
  parent: (location, _args, { loaders }) => (location.parentId ? loaders.location.load(location.parentId) : null),
  ancestors: async (location, _args, { loaders }) => {
    const ancestors = await loaders.location.loadMany(location.ancestorIds);
    return ancestors.filter((row): row is LocationModel => row !== null && !(row instanceof Error));
  },
  children: async (location, args, { prisma }) => {
    const page = readPage(args, 'children');
    const rows = await prisma.location.findMany({
      where: { parentId: location.id, ...(args.type ? { type: args.type } : {}), ...keysetWhere(page.after, 'name', 'asc') },
      orderBy: keysetOrder('name', 'asc'),
      take: page.limit + 1,
    });
    return toConnection(rows, page, byName);
  },
  coordinates: (location) =>
    location.latitude !== null && location.longitude !== null ? { latitude: location.latitude, longitude: location.longitude } : null,
  operatedBy: (location, _args, { loaders }) => (location.organizationId ? loaders.organization.load(location.organizationId) : null),
};
