import { z } from 'zod';
import {
  createLogger,
  databaseUrlFor,
  logLevel,
  migrate,
  openDatabase,
  parseEnvironment,
  postgresUrl,
  runSubgraph,
  type BaseSubgraphContext,
  type SubgraphDefinition,
  type SubgraphName,
} from '@movement/runtime';

/** What one process of the deployment runs: the gateway or one subgraph. */
export const serviceNames = ['gateway', 'people', 'locations', 'assistance', 'messages'] as const;
export type ServiceName = (typeof serviceNames)[number];

// Each subgraph has its own client and context types; the launcher only starts and migrates them.
type AnySubgraph = SubgraphDefinition<unknown, BaseSubgraphContext>;
// Loaded when asked for: a process runs one service, and loading the other services' code (the
// gateway's, the other subgraphs') would only add to its start-up.
const subgraphs: Record<SubgraphName, () => Promise<AnySubgraph>> = {
  people: async () => (await import('@movement/people')).people as unknown as AnySubgraph,
  locations: async () => (await import('@movement/locations')).locations as unknown as AnySubgraph,
  assistance: async () => (await import('@movement/assistance')).assistance as unknown as AnySubgraph,
  messages: async () => (await import('@movement/messages')).messages as unknown as AnySubgraph,
};

/**
 * Serves one service until SIGTERM, configured only by its environment (each service's own
 * `environment.ts` validates it and names every bad variable). The same functions the services'
 * own `index.ts` run, so a container and `node subgraphs/people/dist/index.js` behave alike.
 */
export async function serve(service: ServiceName): Promise<void> {
  if (service === 'gateway') return (await import('@movement/gateway')).runGateway();
  return runSubgraph(await subgraphs[service]());
}

/**
 * Applies one service's pending migrations and returns: the one-shot job a deployment runs before
 * rolling out a new version. The services migrate at start-up as well (under the same advisory
 * lock), so the job is what makes a failing migration stop a rollout before any pod is replaced.
 */
export async function migrateService(service: ServiceName, source: Record<string, string | undefined> = process.env): Promise<void> {
  if (service === 'gateway') return migrateGateway(source);
  const name: SubgraphName = service;
  const ownUrlVariable = `${name.toUpperCase()}_DATABASE_URL`;
  const env = parseEnvironment(
    {
      LOG_LEVEL: logLevel,
      DATABASE_URL: postgresUrl,
      [ownUrlVariable]: postgresUrl,
      DATA_DIR: z.string().min(1).default('.data'),
    },
    source,
  );
  const logger = createLogger(`migrate-${name}`, env.LOG_LEVEL);
  const definition = await subgraphs[name]();
  const database = await openDatabase({
    databaseUrl: databaseUrlFor(name, env[ownUrlVariable], env.DATABASE_URL),
    dataDir: `${env.DATA_DIR as string}/${name}`,
    createClient: definition.createClient,
    poolSize: 1,
  });
  try {
    const { applied } = await migrate(database.driver, { schema: name, migrationsDir: definition.migrationsDir, logger });
    logger.info({ applied }, applied.length ? 'migrations applied' : 'migrations up to date');
  } finally {
    await database.close();
  }
}

/** The gateway's databases: API keys and the audit trail, and the schema registry when it is on PostgreSQL. */
async function migrateGateway(source: Record<string, string | undefined>): Promise<void> {
  const env = parseEnvironment(
    {
      LOG_LEVEL: logLevel,
      ACCESS_DATABASE_URL: postgresUrl,
      REGISTRY_DATABASE_URL: postgresUrl,
      DATA_DIR: z.string().min(1).default('.data'),
    },
    source,
  );
  const logger = createLogger('migrate-gateway', env.LOG_LEVEL);
  const { accessDatabaseLocation, openAccessDatabase } = await import('@movement/gateway');
  const { SchemaRegistry, registryLocationFromEnvironment } = await import('@movement/schema');
  // Opening applies pending migrations (see openSqlStore), under the lock the running gateways take too.
  const access = await openAccessDatabase(accessDatabaseLocation(env.ACCESS_DATABASE_URL, env.DATA_DIR), logger);
  await access.close();
  logger.info({ database: 'access' }, 'database migrated');
  const registryLocation = registryLocationFromEnvironment(source);
  // An embedded registry belongs to the schema CLI, which opens and migrates it itself.
  if (registryLocation.databaseUrl) {
    const registry = await SchemaRegistry.open(registryLocation, logger);
    await registry.close();
    logger.info({ database: 'registry' }, 'database migrated');
  }
}
