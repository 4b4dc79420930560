import { join } from 'node:path';
import type { SubgraphDefinition } from '@movement/runtime';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { createContext, type Context } from './context';
import { PrismaClient } from './generated/prisma/client';
import { resolvers } from './resolvers';

const root = join(__dirname, '..');

/** The people subgraph: people and their names, family links, tracing requests and detention. */
export const people: SubgraphDefinition<PrismaClient, Context> = {
  name: 'people',
  schemaPath: join(root, 'schema.graphql'),
  migrationsDir: join(root, 'prisma', 'migrations'),
  resolvers: resolvers as GraphQLResolverMap<Context>,
  createClient: (adapter) => new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] }),
  createContext,
};

export { PrismaClient };
