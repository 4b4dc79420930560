import { subgraphNames } from '@movement/runtime';
import { type BearerClaims } from '@movement/runtime/demo';
import { postGraphQL, registerTestSubgraph, testInternalKeys, type TestDatabaseTarget } from '@movement/runtime/testing';
import { type Caller, type RunningGraph } from '@movement/launcher';
import type { startGraphOnTemplate, TestGraphOptions } from '../src/test-graphs';

export type { Caller };

/** The graph starter the Jest environment loaded into the worker's own realm (jest.environment.js). */
declare global {
  var workerGraphs: { startGraphOnTemplate: typeof startGraphOnTemplate } | undefined;
}

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
 * The whole graph on free ports over a fresh database (PGlite, or a new PostgreSQL database when
 * `TEST_POSTGRES_URL` is set), seeded with `seedPeople` synthetic people, with an API key for each
 * demo partner and tokens for the demo app and admin. The database is a copy of the run's template
 * for that many people, so a start costs about a second. A file that only reads uses
 * `sharedTestGraph()` instead.
 *
 * The graph runs on the code the worker keeps across test files (jest.environment.js), so its
 * objects (`graph`, the rows its drivers return) come from the worker's realm rather than the
 * file's. A file that must share module state with its graph (a tracer it installs, the embedded
 * database registry) passes `startGraphOnTemplate` from test/src/test-graphs.ts as `start`: the
 * graph's code then loads in the file's own realm, for that file alone.
 */
export async function startTestGraph(options: TestGraphOptions = {}, start = globalThis.workerGraphs?.startGraphOnTemplate): Promise<TestGraph> {
  if (!start) throw new Error('startTestGraph runs under test/jest.environment.js, or is given the graph starter of test/src/test-graphs.ts.');
  // The subgraphs trust the keys this file signs its own subgraph calls with.
  const started = await start({ ...options, internalKeys: await testInternalKeys() });
  const { graph, credentials, target } = started;
  // Tests may call the subgraphs directly, signed as the gateway would sign.
  for (const name of subgraphNames) registerTestSubgraph(graph.subgraphs[name].service.url);
  return {
    graph,
    target,
    connection: { url: graph.url, credentials },
    ...clientOf({ url: graph.url, credentials }),
    token: (claims) => started.token(claims),
    stop: () => started.stop(),
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
