import { openDatabase, subgraphNames, type InternalKeyPair, type MetricsConfig } from '@movement/runtime';
import { createTestDatabaseTarget, makeTestDatabaseTemplate, type TestDatabaseTarget, type TestDatabaseTemplate } from '@movement/runtime/testing';
import { loadLimitsConfig, type CorsConfig, type LimitsConfig } from '@movement/gateway';
import { graphSubgraphs, startDemoGraph, startGraph, type DemoGraph } from '@movement/launcher';

/**
 * The graphs the whole-graph tests run against: the run's database templates of the graph, and
 * the graph started on a copy of one. Built like the product code, so that a Jest worker can load
 * it once, outside the module registry each test file gets (see test/jest.environment.js).
 */

const testLogLevel = () => process.env.LOG_LEVEL ?? 'silent';

/** The databases of a graph as it leaves them once started: migrated, with the access store. */
const migratedGraph: TestDatabaseTemplate = {
  name: 'graph',
  fill: async (target) => {
    const location = { databaseUrl: target.url, dataDir: target.dataDir };
    const graph = await startGraph({ databaseFor: () => location, logLevel: testLogLevel(), access: { database: location } });
    await graph.stop();
  },
};

/**
 * Makes the run's template of the migrated graph, which every seeded one starts from: in the
 * global setup, so that the workers' first files do not all make it at once.
 */
export const prepareGraphTemplates = () => makeTestDatabaseTemplate(migratedGraph);

/**
 * The databases of a graph seeded with `seedPeople` people (none when undefined). Made once per
 * test run and copied for each graph, since migrating and seeding cost more than the rest of a start.
 */
export function graphTemplate(seedPeople: number | undefined): TestDatabaseTemplate {
  if (seedPeople === undefined) return migratedGraph;
  return {
    name: `graph-${seedPeople}`,
    from: migratedGraph,
    fill: async (target) => {
      for (const name of subgraphNames) {
        const { definition, seeder } = graphSubgraphs[name];
        const database = await openDatabase({ databaseUrl: target.url, dataDir: target.dataDir, createClient: definition.createClient });
        try {
          await seeder.seed(database.driver, { people: seedPeople });
        } finally {
          await database.close();
        }
      }
    },
  };
}

export interface TestGraphOptions {
  seedPeople?: number;
  /** Names the graph's database, so that a leftover one says which test made it. */
  label?: string;
  enforce?: boolean;
  limits?: Partial<LimitsConfig>;
  metrics?: MetricsConfig;
  cors?: CorsConfig;
}

/** A demo graph on its own copy of the run's template, and that database. */
export interface GraphOnTemplate extends DemoGraph {
  target: TestDatabaseTarget;
  /** Stops the graph and drops its database. */
  stop(): Promise<void>;
}

/**
 * The whole graph on free ports over a fresh copy of the run's template for `seedPeople` people,
 * with its subgraphs trusting `internalKeys` (those the test signs its own subgraph calls with).
 */
export async function startGraphOnTemplate(options: TestGraphOptions & { internalKeys: InternalKeyPair }): Promise<GraphOnTemplate> {
  const target = await createTestDatabaseTarget(options.label ?? 'graph', graphTemplate(options.seedPeople));
  let demo: DemoGraph;
  try {
    demo = await startDemoGraph({
      databaseFor: () => ({ databaseUrl: target.url, dataDir: target.dataDir }),
      seedPeople: options.seedPeople,
      logLevel: testLogLevel(),
      accessDatabase: { databaseUrl: target.url, dataDir: target.dataDir },
      internalKeys: options.internalKeys,
      enforce: options.enforce,
      metrics: options.metrics,
      // Tests send bursts (hundreds of concurrent sends) as one principal: a limit they never reach.
      limits: { ...loadLimitsConfig({}), rateLimitPerMinute: 1_000_000, ...options.limits },
      // Concurrency tests queue hundreds of requests on a busy CI machine: time is not what they test.
      gateway: { subgraphTimeoutMs: 60_000, cors: options.cors },
    });
  } catch (error) {
    await target.dispose();
    throw error;
  }
  return {
    ...demo,
    target,
    stop: async () => {
      await demo.graph.stop();
      await target.dispose();
    },
  };
}
