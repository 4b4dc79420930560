import { toConnection } from '@movement/runtime';
import type { PersonResolvers } from '../generated/graphql';
import { dateCursor, readDatePage } from '../dates';

export const Person: PersonResolvers = {
  // The people subgraph owns the person; this one needs the id to find their assistance and the
  // verdict on the identity-only view, on which the runtime withholds this type's fields.
  __resolveReference: (ref) => ({ id: ref.id, identityOnly: ref.identityOnly }),
  assistanceReceived: async (person, args, { loaders }) => {
    const page = readDatePage(args, 'assistanceReceived');
    const rows = await loaders.assistanceReceived.load({ parentId: person.id, page });
    return toConnection(rows, page, (row) => dateCursor(row.date, row.id));
  },
};
