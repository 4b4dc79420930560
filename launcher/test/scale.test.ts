import { SchemaRegistry, publishSchema, readSubgraphSdls } from '@movement/schema';
import { internalKeyToJson, subgraphNames } from '@movement/runtime';
import type { ServiceProcess } from '@movement/runtime/testing';
import { freshKey, startServicesFixture, type ServicesFixture } from './services-fixture';

// Two gateway processes over the same subgraphs, PostgreSQL and Redis, started by the image's entry
// point as two replicas of a Deployment would be: what one replica decides, the other must honour.
// Runs when TEST_POSTGRES_URL and TEST_REDIS_URL name servers (CI sets them; see jest.config.js).
const rateLimit = 12;
let fixture: ServicesFixture;
let gateways: Array<{ url: string; child: ServiceProcess }>;

const query = (url: string, key: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify({ query: '{ locations(first: 1) { edges { node { id } } } }' }),
  });

/** Asks `probe` every 100 ms until it gives a value: the event waited on, bounded by the test's timeout. */
async function eventually<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  fixture = await startServicesFixture('scale', { registry: true });
  const { storage, launch, jwksPath, internalKeys: pair } = fixture;
  const verifyKey = await internalKeyToJson(pair.publicKey);

  const subgraphs = subgraphNames.map((name) => ({ name, child: launch(['serve', name], { ...storage, PORT: '0', GATEWAY_VERIFY_KEY: verifyKey }) }));
  const urls: Record<string, string> = {};
  for (const { name, child } of subgraphs) urls[`${name.toUpperCase()}_URL`] = String((await child.logged('subgraph listening')).url);
  const gatewayEnv = {
    ...storage,
    ...urls,
    PORT: '0',
    GATEWAY_SIGNING_KEY: await internalKeyToJson(pair.privateKey),
    JWKS_PATH: jwksPath,
    REDIS_URL: process.env.TEST_REDIS_URL!,
    RATE_LIMIT_PER_MINUTE: String(rateLimit),
    REGISTRY_POLL_MS: '200',
    USAGE_RECORDING: 'off',
    // One process per instance, as the manifests run it: these are instances, not workers (workers.test.ts).
    GATEWAY_WORKERS: '1',
  };
  gateways = [];
  for (const child of [launch(['serve', 'gateway'], gatewayEnv), launch(['serve', 'gateway'], gatewayEnv)]) {
    gateways.push({ url: String((await child.logged('gateway listening')).url), child });
  }
});

afterAll(async () => {
  await fixture?.stop();
});

test('the rate limit is one count across the gateway replicas', async () => {
  const { secret } = await freshKey(fixture.keys, 'scale test');
  const statuses: number[] = [];
  // Alternating between the two replicas, as a load balancer spreads a partner's requests.
  for (let i = 0; i < rateLimit + 2; i++) statuses.push((await query(gateways[i % 2].url, secret)).status);
  expect(statuses.slice(0, rateLimit)).toEqual(Array(rateLimit).fill(200));
  expect(statuses.slice(rateLimit)).toEqual([429, 429]);
});

test('a key revoked through one replica is refused by it at once and by the other once its cached check expires', async () => {
  const { id, secret } = await freshKey(fixture.keys, 'scale test');
  const [first, second] = gateways as [(typeof gateways)[number], (typeof gateways)[number]];
  // Both replicas have checked (and cached) the key.
  expect((await query(first.url, secret)).status).toBe(200);
  expect((await query(second.url, secret)).status).toBe(200);
  const revoked = await fetch(first.url.replace(/\/graphql$/, '/admin/graphql'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${fixture.admin}` },
    body: JSON.stringify({ query: 'mutation ($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }', variables: { id } }),
  });
  const body = (await revoked.json()) as { data?: { revokeApiKey: { id: string; revokedAt: string | null } }; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  expect(body.data!.revokeApiKey.revokedAt).not.toBeNull();
  expect((await query(first.url, secret)).status).toBe(401);
  // The other replica learns it from the database, not from its peer: it refuses once its cache entry is stale.
  expect(
    await eventually(async () => {
      const status = (await query(second.url, secret)).status;
      return status === 401 ? status : undefined;
    }),
  ).toBe(401);
});

test('a schema version published to the registry is served by both replicas', async () => {
  const registry = await SchemaRegistry.open({ databaseUrl: fixture.storage.REGISTRY_DATABASE_URL });
  try {
    const { version } = await publishSchema(registry, { subgraphs: readSubgraphSdls(), author: 'scale-test', message: 'Served by every replica' });
    for (const gateway of gateways) {
      const served = await eventually(async () => {
        const ready = (await (await fetch(gateway.url.replace(/\/graphql$/, '/ready'))).json()) as { schema?: { version: number | null } };
        return ready.schema?.version === version.version ? ready.schema.version : undefined;
      });
      expect(served).toBe(version.version);
    }
  } finally {
    await registry.close();
  }
});

test('every process, both gateway replicas included, stops cleanly on SIGTERM', async () => {
  for (const child of fixture.started) child.process.kill('SIGTERM');
  for (const child of fixture.started) expect(await child.exited).toBe(0);
});
