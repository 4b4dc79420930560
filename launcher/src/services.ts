import { z } from 'zod';
import { runGateway, accessDatabaseLocation, openAccessDatabase } from '@movement/gateway';
import { assistance } from '@movement/assistance';
import { locations } from '@movement/locations';
import { messages } from '@movement/messages';
import { people } from '@movement/people';
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
import { SchemaRegistry, registryLocationFromEnvironment } from '@movement/schema';

/** What one process of the deployment runs: the gateway or one subgraph. */
export const serviceNames = ['gateway', 'people', 'locations', 'assistance', 'messages'] as const;
export type ServiceName = (typeof serviceNames)[number];

// Each subgraph has its own client and context types; the launcher only starts and migrates them.
type AnySubgraph = SubgraphDefinition<unknown, BaseSubgraphContext>;
const subgraphs: Record<SubgraphName, AnySubgraph> = {
  people: people as unknown as AnySubgraph,
  locations: locations as unknown as AnySubgraph,
  assistance: assistance as unknown as AnySubgraph,
  messages: messages as unknown as AnySubgraph,
};

/**
 * Serves one service until SIGTERM, configured only by its environment (each service's own
 * `environment.ts` validates it and names every bad variable). The same functions the services'
 * own `index.ts` run, so a container and `node subgraphs/people/dist/index.js` behave alike.
 */
export function serve(service: ServiceName): Promise<void> {
  return service === 'gateway' ? runGateway() : runSubgraph(subgraphs[service]);
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
  const definition = subgraphs[name];
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
