import { toConnection } from '@movement/runtime';
import { byName, readNamePage } from '../child-pages';
import type { LocalizedName, LocationResolvers } from '../generated/graphql';
import type { Location as LocationModel } from '../generated/prisma/client';

export const Location: LocationResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.location.load(reference.id),
  names: (location) => location.names as unknown as LocalizedName[],
  parent: (location, _args, { loaders }) => (location.parentId ? loaders.location.load(location.parentId) : null),
  ancestors: async (location, _args, { loaders }) => {
    const ancestors = await loaders.location.loadMany(location.ancestorIds);
    return ancestors.filter((row): row is LocationModel => row !== null && !(row instanceof Error));
  },
  children: async (location, args, { loaders }) => {
    const page = readNamePage(args, 'children');
    const rows = await loaders.children(args.type).load({ parentId: location.id, page });
    return toConnection(rows, page, byName);
  },
  coordinates: (location) =>
    location.latitude !== null && location.longitude !== null ? { latitude: location.latitude, longitude: location.longitude } : null,
  operatedBy: (location, _args, { loaders }) => (location.organizationId ? loaders.organization.load(location.organizationId) : null),
  borderCrossing: (location, _args, { loaders }) => (location.type === 'BORDER_CROSSING' ? loaders.crossing.load(location.id) : null),
};
