import { subgraphNames, type MetricsConfig } from '@movement/runtime';
import { type BearerClaims } from '@movement/runtime/demo';
import { createTestDatabaseTarget, postGraphQL, registerTestSubgraph, testInternalKeys, type TestDatabaseTarget } from '@movement/runtime/testing';
import { loadLimitsConfig, type CorsConfig, type LimitsConfig } from '@movement/gateway';
import { startDemoGraph, type Caller, type DemoGraph, type RunningGraph } from '@movement/launcher';
import { graphTemplate, testLogLevel } from './graph-templates';

export { prepareGraphTemplates } from './graph-templates';

export type { Caller };

export interface TestGraph {
  graph: RunningGraph;
  /** The database the graph runs on, for a test that needs a second client of it. */
  target: TestDatabaseTarget;
  /** The gateway's URL and the demo credentials, for a client in another process. */
  connection: GraphConnection;
  /**
   * POSTs an operation to the gateway as `fullAccess` (every scope, the ICRC mandate) unless
   * `headers` carry credentials; `as(caller)` gives the headers of another principal.
   */
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): ReturnType<typeof postGraphQL<T>>;
  /** The credential headers of a demo principal (`{}` for anonymous). */
  as(caller: Caller): Record<string, string>;
  /** A bearer token with any claims, signed by the graph's test identity provider. */
  token(claims: BearerClaims): Promise<string>;
  /** POSTs to the gateway's administration API as the admin (or with `headers`). */
  admin<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): ReturnType<typeof postGraphQL<T>>;
  stop(): Promise<void>;
}

const hasCredentials = (given: Record<string, string>) => Object.keys(given).some((name) => ['authorization', 'x-api-key'].includes(name.toLowerCase()));

/** Where a running graph answers and the demo principals' credentials: all a client of it needs. */
export interface GraphConnection {
  url: string;
  credentials: Record<Caller, Record<string, string>>;
}

/** Requests to the gateway at `url`, as `fullAccess` unless the caller's headers carry credentials. */
function clientOf({ url, credentials }: GraphConnection): Pick<TestGraph, 'query' | 'as' | 'admin'> {
  return {
    query: (query, variables = {}, given = {}) => postGraphQL(url, query, variables, hasCredentials(given) ? given : { ...credentials.fullAccess, ...given }),
    as: (caller) => credentials[caller],
    admin: (query, variables = {}, given = {}) =>
      postGraphQL(url.replace(/\/graphql$/, '/admin/graphql'), query, variables, hasCredentials(given) ? given : { ...credentials.admin, ...given }),
  };
}

/**
 * A fresh database holding the graph seeded with `seedPeople` people, copied from the same
 * template as `startTestGraph`'s: for a test that runs the services as processes of their own.
 */
export const seededGraphDatabase = (label: string, seedPeople: number) => createTestDatabaseTarget(label, graphTemplate(seedPeople));

/**
 * The whole graph on free ports over a fresh database (PGlite, or a new PostgreSQL database when
 * `TEST_POSTGRES_URL` is set), seeded with `seedPeople` synthetic people, with an API key for each
 * demo partner and tokens for the demo app and admin. The database is a copy of the run's template
 * for that many people, so a start costs about a second. A file that only reads uses
 * `sharedTestGraph()` instead.
 */
export async function startTestGraph(
  options: { seedPeople?: number; label?: string; enforce?: boolean; limits?: Partial<LimitsConfig>; metrics?: MetricsConfig; cors?: CorsConfig } = {},
): Promise<TestGraph> {
  const target: TestDatabaseTarget = await createTestDatabaseTarget(options.label ?? 'graph', graphTemplate(options.seedPeople));
  let demo: DemoGraph;
  try {
    demo = await startDemoGraph({
      databaseFor: () => ({ databaseUrl: target.url, dataDir: target.dataDir }),
      seedPeople: options.seedPeople,
      logLevel: testLogLevel(),
      accessDatabase: { databaseUrl: target.url, dataDir: target.dataDir },
      internalKeys: await testInternalKeys(),
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
  const { graph, credentials } = demo;
  // Tests may call the subgraphs directly, signed as the gateway would sign.
  for (const name of subgraphNames) registerTestSubgraph(graph.subgraphs[name].service.url);
  return {
    graph,
    target,
    connection: { url: graph.url, credentials },
    ...clientOf({ url: graph.url, credentials }),
    token: (...args) => demo.token(...args),
    stop: async () => {
      await graph.stop();
      await target.dispose();
    },
  };
}

/**
 * People in the shared graph: enough for every list a read-only file pages through. The files that
 * start their own graph seed as many (200) too: each seed size is a template the run makes
 * (seconds of seeding and dumping), and this one the shared graph makes in every run anyway.
 */
export const sharedGraphPeople = 200;

/** Names the variable through which the run's global setup tells test files where the shared graph is. */
export const sharedGraphVariable = 'TEST_SHARED_GRAPH';

/** A client of the shared graph; `stop` releases it (and stops the graph only if this file started its own). */
export type SharedTestGraph = Pick<TestGraph, 'query' | 'as' | 'admin' | 'stop'> & { url: string };

/**
 * The graph that the read-only test files of a run share (seeded with `sharedGraphPeople`),
 * started by the run's global setup when the first file asks for it. A file on it must not
 * change its data or depend on what others do to it: a file that writes, counts statements or
 * needs other options or seed sizes starts its own with `startTestGraph`. Outside a run with that
 * setup (another Jest configuration) the file gets a graph of its own, with the same data.
 */
export async function sharedTestGraph(): Promise<SharedTestGraph> {
  const broker = process.env[sharedGraphVariable];
  if (!broker) {
    const own = await startTestGraph({ seedPeople: sharedGraphPeople, label: 'shared' });
    return { url: own.graph.url, ...clientOf(own.connection), stop: () => own.stop() };
  }
  const response = await fetch(broker);
  if (!response.ok) throw new Error(`The shared test graph did not start: ${await response.text()}`);
  const connection = (await response.json()) as GraphConnection;
  return { url: connection.url, ...clientOf(connection), stop: async () => undefined };
}
