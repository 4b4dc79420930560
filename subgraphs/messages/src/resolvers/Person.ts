import { readPage } from '@movement/runtime';
import type { PersonResolvers } from '../generated/graphql';
import { messageConnection } from '../message-pages';
import { personReference } from '../references';

export const Person: PersonResolvers = {
  // The people subgraph owns the person; here only the id matters, so no query is needed.
  __resolveReference: (reference) => personReference(reference.id),
  messagesSent: async (person, args, { loaders }) => {
    const page = readPage(args, 'messagesSent');
    return messageConnection(await loaders.messagesSent.load({ parentId: person.id, page }), page);
  },
  messagesReceived: async (person, args, { loaders }) => {
    const page = readPage(args, 'messagesReceived');
    return messageConnection(await loaders.messagesReceived.load({ parentId: person.id, page }), page);
  },
};
