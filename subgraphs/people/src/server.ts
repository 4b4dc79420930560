import { join } from 'node:path';
import { defineSubgraph, notVisibleOnItsOwn } from '@movement/runtime';
import { createContext, type Context } from './context';
import { PrismaClient } from './generated/prisma/client';
import { resolvers } from './resolvers';

/** The people subgraph: people and their names, family links, tracing requests and detention. */
export const people = defineSubgraph<PrismaClient, Context>({
  name: 'people',
  packageRoot: join(__dirname, '..'),
  resolvers,
  PrismaClient,
  createContext,
  // The owner of a person decides from the row itself, whichever loader produced it: a person the
  // caller may not see on their own, reached through a record, shows only their identity.
  identityOnly: notVisibleOnItsOwn,
});

export { PrismaClient };
