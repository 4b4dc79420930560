import type { TracingRequestResolvers } from '../generated/graphql';

export const TracingRequest: TracingRequestResolvers = {
  // The people subgraph owns the tracing request; this one only needs the id.
  __resolveReference: (ref) => ({ id: ref.id }),
  reunificationSupport: (request, _args, { loaders }) => loaders.reunificationSupport.load(request.id),
};
