import { toConnection } from '@movement/runtime';
import type { TracingRequestResolvers } from '../generated/graphql';
import { dateCursor, readDatePage } from '../dates';

export const TracingRequest: TracingRequestResolvers = {
  // The people subgraph owns the tracing request; this one only needs the id.
  __resolveReference: (ref) => ({ id: ref.id }),
  reunificationSupport: async (request, args, { loaders }) => {
    const page = readDatePage(args, 'reunificationSupport');
    const rows = await loaders.reunificationSupport.load({ parentId: request.id, page });
    return toConnection(rows, page, (row) => dateCursor(row.date, row.id));
  },
};
