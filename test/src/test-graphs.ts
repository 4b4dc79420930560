import { type InternalKeyPair, type MetricsConfig } from '@movement/runtime';
import { createTestDatabaseTarget, type TestDatabaseTarget } from '@movement/runtime/testing';
import { loadLimitsConfig, type CorsConfig, type LimitsConfig } from '@movement/gateway';
import { startDemoGraph, type DemoGraph } from '@movement/launcher';
import { graphTemplate, testLogLevel } from './graph-templates';

/**
 * The graphs the whole-graph tests run against, started on a copy of one of the run's templates.
 * Built like the product code, so that a Jest worker can load it once, outside the module registry
 * each test file gets (see test/jest.environment.js).
 */

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
  const location = { databaseUrl: target.url, dataDir: target.dataDir };
  let demo: DemoGraph;
  try {
    demo = await startDemoGraph({
      databaseFor: () => location,
      seedPeople: options.seedPeople,
      logLevel: testLogLevel(),
      accessDatabase: location,
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
