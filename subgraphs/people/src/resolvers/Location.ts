import { readPage, toConnection } from '@movement/runtime';
import type { LocationResolvers } from '../generated/graphql';
import { byLastSeen } from '../last-seen-page';

export const Location: LocationResolvers = {
  // Places belong to the locations subgraph; here a place is only its id, so no query is needed.
  __resolveReference: (reference) => ({ id: reference.id }),
  peopleLastSeenHere: async (location, args, { loaders }) => {
    const page = readPage(args, 'peopleLastSeenHere');
    const rows = await loaders.peopleLastSeenAt.load({ parentId: location.id, page });
    return toConnection(rows, page, byLastSeen);
  },
};
