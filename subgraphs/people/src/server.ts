import { join } from 'node:path';
import { defineSubgraph } from '@movement/runtime';
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
});

export { PrismaClient };
