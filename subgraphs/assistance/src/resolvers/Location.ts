import { toConnection } from '@movement/runtime';
import type { LocationResolvers } from '../generated/graphql';
import { dateCursor, readDatePage } from '../dates';

export const Location: LocationResolvers = {
  // The locations subgraph owns the place; this one only needs the id to find its distributions.
  __resolveReference: (ref) => ({ id: ref.id }),
  distributions: async (location, args, { loaders }) => {
    const page = readDatePage(args, 'distributions');
    const rows = await loaders.distributionsAtLocation.load({ parentId: location.id, page });
    return toConnection(rows, page, (row) => dateCursor(row.date, row.id));
  },
};
