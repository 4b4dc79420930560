import { createTestDatabaseTarget, postGraphQL, type TestDatabaseTarget } from '@movement/runtime';
import { startGraph, type RunningGraph } from '../src/graph';

export interface TestGraph {
  graph: RunningGraph;
  /** POSTs an operation to the gateway; on an unexpected failure the message names the operation. */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): ReturnType<typeof postGraphQL<T>>;
  stop(): Promise<void>;
}

/**
 * The whole graph on free ports over a fresh database (PGlite in memory, or a new PostgreSQL
 * database when `TEST_POSTGRES_URL` is set), seeded with `seedPeople` synthetic people.
 */
export async function startTestGraph(options: { seedPeople?: number; label?: string } = {}): Promise<TestGraph> {
  const target: TestDatabaseTarget = await createTestDatabaseTarget(options.label ?? 'graph');
  let graph: RunningGraph;
  try {
    graph = await startGraph({
      databaseFor: () => ({ databaseUrl: target.url, dataDir: target.dataDir }),
      seedPeople: options.seedPeople,
      logLevel: process.env.LOG_LEVEL ?? 'silent',
    });
  } catch (error) {
    await target.dispose();
    throw error;
  }
  return {
    graph,
    query: (query, variables = {}, headers = {}) => postGraphQL(graph.url, query, variables, headers),
    stop: async () => {
      await graph.stop();
      await target.dispose();
    },
  };
}
