import { join } from 'node:path';
import { openDatabase, serveSubgraph, createLogger, testInternalKeys, testInternalToken, type BaseSubgraphContext, type SubgraphDefinition } from '../src';

// A real subgraph server over a real (embedded) database; only its resolver is made slow on purpose.
const slowSubgraph: SubgraphDefinition<{ $disconnect(): Promise<void> }, BaseSubgraphContext> = {
  name: 'locations',
  schemaPath: join(__dirname, 'fixtures', 'slow.graphql'),
  migrationsDir: join(__dirname, 'fixtures', 'no-migrations'),
  resolvers: {
    Query: { slow: async (_root: unknown, { ms }: { ms: number }) => new Promise((resolve) => setTimeout(() => resolve(`waited ${ms}`), ms)) },
  },
  createClient: () => ({ $disconnect: async () => undefined }),
  createContext: (base) => base,
};

test('stopping lets an in-flight request finish and then refuses new connections', async () => {
  const database = await openDatabase({ dataDir: 'memory://shutdown', createClient: slowSubgraph.createClient });
  const service = await serveSubgraph(slowSubgraph, { host: '127.0.0.1', port: 0, shutdownGraceMs: 5000 }, database, createLogger('test', 'silent'), {}, (await testInternalKeys()).publicKey);
  const inFlight = fetch(service.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await testInternalToken()}` },
    body: JSON.stringify({ query: '{ slow(ms: 700) }' }),
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  const stopped = service.stop();
  const response = await inFlight;
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ data: { slow: 'waited 700' } });
  await stopped;
  await expect(fetch(service.url.replace('/graphql', '/health'))).rejects.toThrow();
  await database.close();
});
