import { once } from 'node:events';
import { connect } from 'node:net';
import { join } from 'node:path';
import { createLogger, openDatabase, serveSubgraph, type BaseSubgraphContext, type SubgraphDefinition } from '../src';
import { createTestDatabaseTarget, testInternalKeys, testInternalToken } from '../src/testing';

// A real subgraph server over a real (embedded) database; its one resolver holds each request
// until the test lets it go, so the request is in flight for as long as the test needs.
let reached!: () => void;
const requestInResolver = new Promise<void>((resolve) => (reached = resolve));
let release!: () => void;
const released = new Promise<void>((resolve) => (release = resolve));
const heldSubgraph: SubgraphDefinition<{ $disconnect(): Promise<void> }, BaseSubgraphContext> = {
  name: 'locations',
  schemaPath: join(__dirname, 'fixtures', 'in-flight.graphql'),
  migrationsDir: join(__dirname, 'fixtures', 'no-migrations'),
  resolvers: {
    Query: {
      inFlight: async () => {
        reached();
        await released;
        return 'finished';
      },
    },
  },
  createClient: () => ({ $disconnect: async () => undefined }),
  createContext: (base) => base,
};

/** Resolves once a new connection to `port` is refused; connections accepted until then are closed again. */
async function refusingConnections(port: number): Promise<void> {
  for (;;) {
    const socket = connect(port, '127.0.0.1');
    try {
      await once(socket, 'connect');
    } catch {
      return;
    } finally {
      socket.destroy();
    }
  }
}

test('stopping closes the door to new connections, lets the in-flight request finish, and only then resolves', async () => {
  const target = await createTestDatabaseTarget('shutdown');
  const database = await openDatabase({ dataDir: target.dataDir, databaseUrl: target.url, createClient: heldSubgraph.createClient });
  const service = await serveSubgraph(
    heldSubgraph,
    { host: '127.0.0.1', port: 0, shutdownGraceMs: 60_000 },
    database,
    createLogger('test', 'silent'),
    {},
    (await testInternalKeys()).publicKey,
  );
  const inFlight = fetch(service.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await testInternalToken()}` },
    body: JSON.stringify({ query: '{ inFlight }' }),
  });
  await requestInResolver;

  let stoppedYet = false;
  const stopped = service.stop().then(() => (stoppedYet = true));
  await refusingConnections(service.port);
  // Draining: no new connection gets in, and the stop waits for the request it holds.
  expect(stoppedYet).toBe(false);

  release();
  const response = await inFlight;
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ data: { inFlight: 'finished' } });
  await stopped;
  await expect(fetch(service.url.replace('/graphql', '/health'))).rejects.toThrow();
  await database.close();
  await target.dispose();
});
