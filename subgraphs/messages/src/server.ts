import { join } from 'node:path';
import { defineSubgraph } from '@movement/runtime';
import { createContext, type Context } from './context';
import { PrismaClient } from './generated/prisma/client';
import { resolvers } from './resolvers';

/** The messages subgraph: Red Cross Messages, their journey, and who wrote and receives them. */
export const messages = defineSubgraph<PrismaClient, Context>({
  name: 'messages',
  packageRoot: join(__dirname, '..'),
  resolvers,
  PrismaClient,
  createContext,
});

export { PrismaClient };
