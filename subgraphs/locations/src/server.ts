import { join } from 'node:path';
import { defineSubgraph } from '@movement/runtime';
import { createContext, type Context } from './context';
import { PrismaClient } from './generated/prisma/client';
import { resolvers } from './resolvers';

/** The locations subgraph: places with their P-code hierarchy, and the Movement's organisations. */
export const locations = defineSubgraph<PrismaClient, Context>({
  name: 'locations',
  packageRoot: join(__dirname, '..'),
  resolvers,
  PrismaClient,
  createContext,
});

export { PrismaClient };
