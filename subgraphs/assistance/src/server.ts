import { join } from 'node:path';
import { defineSubgraph } from '@movement/runtime';
import { createContext, type Context } from './context';
import { PrismaClient } from './generated/prisma/client';
import { resolvers } from './resolvers';

/** The assistance subgraph: programmes, distributions, assistance to people and reunification support. */
export const assistance = defineSubgraph<PrismaClient, Context>({
  name: 'assistance',
  packageRoot: join(__dirname, '..'),
  resolvers,
  PrismaClient,
  createContext,
});

export { PrismaClient };
