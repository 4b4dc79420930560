import {
  createLogger,
  generateInternalKeyPair,
  migrate,
  openDatabase,
  serveSubgraph,
  type Database,
  type PeerUrls,
  type RunningService,
  type InternalKeyPair,
  type ServiceMetrics,
  type MetricsConfig,
  type SubgraphName,
} from '@movement/runtime';
import { startGateway, type BearerTokenOptions, type GatewayOptions, type GatewayService } from '@movement/gateway';
import { graphSubgraphs, subgraphNames } from './subgraphs';

/** Where one subgraph's database is: a PostgreSQL URL, or else an embedded PGlite folder. */
export interface DatabaseLocation {
  databaseUrl?: string;
  dataDir: string;
}

export interface GraphOptions {
  host?: string;
  /** Gateway port; 0 picks a free one. */
  gatewayPort?: number;
  /** Subgraph ports; 0 (the default) picks free ones. */
  subgraphPorts?: Partial<Record<SubgraphName, number>>;
  databaseFor(name: SubgraphName): DatabaseLocation;
  /** Seed empty databases with this many synthetic people; no seeding when absent. */
  seedPeople?: number;
  logLevel?: string;
  /** Further gateway options (schema registry, usage recording). */
  gateway?: Pick<GatewayOptions, 'registry' | 'usage' | 'subgraphTimeoutMs' | 'cors'>;
  access: {
    /** Where the gateway keeps API keys and the audit trail. */
    database: DatabaseLocation;
    /** Keys of internal apps' and admins' bearer tokens. */
    bearerTokens?: BearerTokenOptions;
    /** The gateway's signing pair; a fresh one per start when absent (both halves live in this process). */
    internalKeys?: InternalKeyPair;
    /** Gateway enforcement of `@requiresScopes` before planning (default on); off only to measure its cost. */
    enforce?: boolean;
  };
  /** Operation limits and rate limits of the gateway; from the environment when absent. */
  limits?: GatewayOptions['limits'];
  /** Where every service serves `/metrics` (port 0 gives each its own free port); nowhere when absent. */
  metrics?: MetricsConfig;
}

export interface RunningGraph {
  /** The gateway's GraphQL endpoint. */
  url: string;
  gateway: GatewayService;
  subgraphs: Record<SubgraphName, { service: RunningService & { metrics: ServiceMetrics; metricsPort?: number }; database: Database<unknown> }>;
  /** SQL statements each subgraph has sent so far for requests (through Prisma or `readRows`). */
  statements(): Record<SubgraphName, number>;
  stop(): Promise<void>;
}

/**
 * Starts the four subgraphs (each migrating its own database, seeding it when asked and empty)
 * and the gateway in front of them, all in this process.
 */
export async function startGraph(options: GraphOptions): Promise<RunningGraph> {
  const host = options.host ?? '127.0.0.1';
  const logLevel = options.logLevel ?? 'info';
  const started: Partial<RunningGraph['subgraphs']> = {};
  const internalKeys = options.access.internalKeys ?? (await generateInternalKeyPair());
  // Filled as each subgraph starts; contexts read it per request, so later peers are seen too.
  const peers: PeerUrls = {};
  const stopAll = async () => {
    for (const entry of Object.values(started)) {
      await entry.service.stop();
      await entry.database.close();
    }
  };
  try {
    for (const name of subgraphNames) {
      const { definition, seeder } = graphSubgraphs[name];
      const logger = createLogger(name, logLevel);
      const location = options.databaseFor(name);
      const database = await openDatabase({ ...location, createClient: definition.createClient });
      try {
        await migrate(database.driver, { schema: name, migrationsDir: definition.migrationsDir, logger });
        if (options.seedPeople !== undefined && !(await seeder.isSeeded(database.driver))) {
          logger.info({ people: options.seedPeople }, 'seeding demo data');
          await seeder.seed(database.driver, { people: options.seedPeople });
        }
      } catch (error) {
        await database.close();
        throw error;
      }
      const service = await serveSubgraph(
        definition,
        { host, port: options.subgraphPorts?.[name] ?? 0, shutdownGraceMs: 5000, metrics: options.metrics },
        database,
        logger,
        peers,
        internalKeys.publicKey,
      );
      started[name] = { service, database };
      peers[name] = service.url;
    }
    const subgraphs = started as RunningGraph['subgraphs'];
    const gateway = await startGateway({
      ...options.gateway,
      host,
      port: options.gatewayPort ?? 0,
      logger: createLogger('gateway', logLevel),
      limits: options.limits,
      metrics: options.metrics,
      access: {
        database: options.access.database,
        signingKey: internalKeys.privateKey,
        bearerTokens: options.access.bearerTokens,
        enforce: options.access.enforce,
      },
      subgraphUrls: Object.fromEntries(subgraphNames.map((name) => [name, subgraphs[name].service.url])),
    });
    return {
      url: gateway.url,
      gateway,
      subgraphs,
      statements: () => Object.fromEntries(subgraphNames.map((name) => [name, subgraphs[name].database.statements])) as Record<SubgraphName, number>,
      stop: async () => {
        await gateway.stop();
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
