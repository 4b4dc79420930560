import { readPage } from '@movement/runtime';
import type { DetentionVisitResolvers } from '../generated/graphql';
import { messageConnection } from '../message-pages';

/** A visit the people subgraph owns: here it is its id and the messages carried during it. */
export const DetentionVisit: DetentionVisitResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  messagesCollected: async (visit, args, { loaders }) => {
    const page = readPage(args, 'messagesCollected');
    return messageConnection(await loaders.messagesCollectedDuring.load({ parentId: visit.id, page }), page);
  },
  messagesDelivered: async (visit, args, { loaders }) => {
    const page = readPage(args, 'messagesDelivered');
    return messageConnection(await loaders.messagesDeliveredDuring.load({ parentId: visit.id, page }), page);
  },
};
