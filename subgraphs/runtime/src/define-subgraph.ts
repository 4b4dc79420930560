import { join } from 'node:path';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { BaseSubgraphContext, SubgraphDefinition } from './server';

/** The options every subgraph's Prisma client is made with. */
export interface PrismaClientOptions {
  adapter: SqlDriverAdapterFactory;
  log: Array<{ emit: 'event'; level: 'query' }>;
}

export interface SubgraphSpec<Client, Context extends BaseSubgraphContext> {
  name: SubgraphDefinition<Client, Context>['name'];
  /** The subgraph's package folder, holding `schema.graphql` and `prisma/migrations`. */
  packageRoot: string;
  /** The codegen-typed resolver map; federation's own type for it is looser than codegen's. */
  resolvers: object;
  /** The subgraph's generated PrismaClient class. */
  PrismaClient: new (options: PrismaClientOptions) => Client & { $disconnect(): Promise<void> };
  createContext: SubgraphDefinition<Client, Context>['createContext'];
  personsOfRecord?: SubgraphDefinition<Client, Context>['personsOfRecord'];
  identityOnly?: SubgraphDefinition<Client, Context>['identityOnly'];
}

/**
 * Builds a subgraph definition from the layout every subgraph shares. Prisma clients log each
 * statement as an event, so the database layer can count them (see `Database.statements`).
 */
export function defineSubgraph<Client, Context extends BaseSubgraphContext>(spec: SubgraphSpec<Client, Context>): SubgraphDefinition<Client, Context> {
  return {
    name: spec.name,
    schemaPath: join(spec.packageRoot, 'schema.graphql'),
    migrationsDir: join(spec.packageRoot, 'prisma', 'migrations'),
    resolvers: spec.resolvers as GraphQLResolverMap<Context>,
    createClient: (adapter) => new spec.PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] }),
    createContext: spec.createContext,
    personsOfRecord: spec.personsOfRecord,
    identityOnly: spec.identityOnly,
  };
}
