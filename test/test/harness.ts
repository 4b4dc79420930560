import { createTestDatabaseTarget, postGraphQL, registerTestSubgraph, subgraphNames, testInternalKeys, type BearerClaims, type TestDatabaseTarget } from '@movement/runtime';
import { loadLimitsConfig, type LimitsConfig } from '@movement/gateway';
import { startDemoGraph, type Caller, type DemoGraph } from '../src/demo-graph';
import type { RunningGraph } from '../src/graph';

export type { Caller };

export interface TestGraph {
  graph: RunningGraph;
  /** The database the graph runs on, for a test that needs a second client of it. */
  target: TestDatabaseTarget;
  /**
   * POSTs an operation to the gateway as `fullAccess` (every scope, the ICRC mandate) unless
   * `headers` carry credentials; `as(caller)` gives the headers of another principal.
   */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): ReturnType<typeof postGraphQL<T>>;
  /** The credential headers of a demo principal (`{}` for anonymous). */
  as(caller: Caller): Record<string, string>;
  /** A bearer token with any claims, signed by the graph's test identity provider. */
  token(claims: BearerClaims): Promise<string>;
  /** POSTs to the gateway's administration API as the admin (or with `headers`). */
  admin<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): ReturnType<typeof postGraphQL<T>>;
  stop(): Promise<void>;
}

const hasCredentials = (given: Record<string, string>) => Object.keys(given).some((name) => ['authorization', 'x-api-key'].includes(name.toLowerCase()));

/**
 * The whole graph on free ports over a fresh database (PGlite in memory, or a new PostgreSQL
 * database when `TEST_POSTGRES_URL` is set), seeded with `seedPeople` synthetic people, with an
 * API key for each demo partner and tokens for the demo app and admin.
 */
export async function startTestGraph(options: { seedPeople?: number; label?: string; enforce?: boolean; limits?: Partial<LimitsConfig> } = {}): Promise<TestGraph> {
  const target: TestDatabaseTarget = await createTestDatabaseTarget(options.label ?? 'graph');
  let demo: DemoGraph;
  try {
    demo = await startDemoGraph({
      databaseFor: () => ({ databaseUrl: target.url, dataDir: target.dataDir }),
      seedPeople: options.seedPeople,
      logLevel: process.env.LOG_LEVEL ?? 'silent',
      accessDatabase: { databaseUrl: target.url, dataDir: target.dataDir },
      internalKeys: await testInternalKeys(),
      enforce: options.enforce,
      // Tests send bursts (hundreds of concurrent sends) as one principal: a limit they never reach.
      limits: { ...loadLimitsConfig({}), rateLimitPerMinute: 1_000_000, ...options.limits },
      // Concurrency tests queue hundreds of requests on a busy CI machine: time is not what they test.
      gateway: { subgraphTimeoutMs: 60_000 },
    });
  } catch (error) {
    await target.dispose();
    throw error;
  }
  const { graph, credentials } = demo;
  // Tests may call the subgraphs directly, signed as the gateway would sign.
  for (const name of subgraphNames) registerTestSubgraph(graph.subgraphs[name].service.url);
  return {
    graph,
    target,
    query: (query, variables = {}, given = {}) => postGraphQL(graph.url, query, variables, hasCredentials(given) ? given : { ...credentials.fullAccess, ...given }),
    as: (caller) => credentials[caller],
    token: demo.token,
    admin: (query, variables = {}, given = {}) =>
      postGraphQL(graph.url.replace(/\/graphql$/, '/admin/graphql'), query, variables, hasCredentials(given) ? given : { ...credentials.admin, ...given }),
    stop: async () => {
      await graph.stop();
      await target.dispose();
    },
  };
}
