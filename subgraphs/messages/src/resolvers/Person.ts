import { readPage } from '@movement/runtime';
import type { PersonResolvers } from '../generated/graphql';
import { messageConnection } from '../message-pages';
import { personReference } from '../references';

export const Person: PersonResolvers = {
  // The people subgraph owns the person; here only the id and its verdict on the identity-only
  // view matter (the runtime withholds this type's fields on it), so no query is needed.
  __resolveReference: (reference) => ({ ...personReference(reference.id), identityOnly: reference.identityOnly }),
  messagesSent: async (person, args, { loaders }) => {
    const page = readPage(args, 'messagesSent');
    return messageConnection(await loaders.personMessages.load({ relation: 'sent', parentId: person.id, page }), page);
  },
  messagesReceived: async (person, args, { loaders }) => {
    const page = readPage(args, 'messagesReceived');
    return messageConnection(await loaders.personMessages.load({ relation: 'received', parentId: person.id, page }), page);
  },
};
