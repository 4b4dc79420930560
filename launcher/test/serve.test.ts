import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accessDatabaseLocation, openAccessDatabase } from '@movement/gateway';
import { ApiKeyStore } from '@movement/gateway/dist/auth/api-keys';
import { databaseUrlFor, generateInternalKeyPair, internalKeyToJson, subgraphNames } from '@movement/runtime';
import { syntheticId } from '@movement/runtime/demo';
import { createTestDatabaseTarget, prepareTestDataFolder, runService, type ServiceProcess, type TestDatabaseTarget } from '@movement/runtime/testing';

// The image's entry point, run as the container runs it: one process per service, configured only
// by its environment, on ports the system picks, stopped by SIGTERM.
const cli = join(__dirname, '..', 'dist', 'cli.js');
const dataDir = mkdtempSync(join(tmpdir(), 'movement-launcher-'));
const started: ServiceProcess[] = [];
let target: TestDatabaseTarget;
/** Where every service keeps its data: a PostgreSQL server (one database per service) or embedded folders. */
let storage: Record<string, string>;
let keys: { signing: string; verify: string };

function launch(args: string[], env: Record<string, string>): ServiceProcess {
  const child = runService(cli, { LOG_LEVEL: 'info', ...storage, ...env }, args);
  started.push(child);
  return child;
}

beforeAll(async () => {
  target = await createTestDatabaseTarget('launcher');
  if (target.url) {
    storage = { DATABASE_URL: target.url, ACCESS_DATABASE_URL: databaseUrlFor('access', undefined, target.url)! };
  } else {
    storage = { DATA_DIR: dataDir };
    for (const folder of [...subgraphNames, 'access']) await prepareTestDataFolder(join(dataDir, folder));
  }
  const pair = await generateInternalKeyPair();
  keys = { signing: await internalKeyToJson(pair.privateKey), verify: await internalKeyToJson(pair.publicKey) };
});

afterAll(async () => {
  for (const child of started) if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
  await Promise.all(started.map((child) => child.exited));
  await target.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

test('serve refuses an unknown service and a missing variable, naming what is wrong', async () => {
  const unknown = launch(['serve', 'billing'], {});
  expect(await unknown.exited).not.toBe(0);
  expect(unknown.stderr()).toMatch(/'billing' is invalid .* must be one of gateway, people, locations, assistance, messages/);

  const unsigned = launch(['serve', 'gateway'], { PORT: '0' });
  expect(await unsigned.exited).toBe(1);
  expect(unsigned.stderr()).toMatch(/GATEWAY_SIGNING_KEY: is required/);

  const badUrl = launch(['migrate', 'people'], { PEOPLE_DATABASE_URL: 'mysql://db/people' });
  expect(await badUrl.exited).toBe(1);
  expect(badUrl.stderr()).toMatch(/PEOPLE_DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/);
});

test('migrate applies a service’s migrations once; serve runs each service on its own; the gateway answers across them and every process exits cleanly on SIGTERM', async () => {
  const migration = launch(['migrate', 'people'], {});
  expect(await migration.exited).toBe(0);
  expect((await migration.logged('migrations applied')).applied).toEqual(expect.arrayContaining([expect.stringMatching(/^\d{14}_/)]));
  const again = launch(['migrate', 'people'], {});
  expect(await again.exited).toBe(0);
  expect((await again.logged('migrations up to date')).applied).toEqual([]);
  const gatewayMigration = launch(['migrate', 'gateway'], {});
  expect(await gatewayMigration.exited).toBe(0);
  expect((await gatewayMigration.logged('database migrated')).database).toBe('access');

  // A key for a partner that reads people, written where the gateway will read it.
  const partnerId = syntheticId('organization', 'launcher-test');
  const access = await openAccessDatabase(accessDatabaseLocation(storage.ACCESS_DATABASE_URL, dataDir));
  const { secret } = await new ApiKeyStore(access.driver).issue({ partnerId, name: 'launcher test', scopes: ['people:read'], createdBy: 'launcher-test' });
  await access.close();

  const subgraphs = subgraphNames.map((name) => ({ name, child: launch(['serve', name], { PORT: '0', GATEWAY_VERIFY_KEY: keys.verify }) }));
  const urls: Record<string, string> = {};
  for (const { name, child } of subgraphs) urls[`${name.toUpperCase()}_URL`] = String((await child.logged('subgraph listening')).url);
  // One process, as the manifests run it, so the instance that logs it listens is the one answering (workers: workers.test.ts).
  const gateway = launch(['serve', 'gateway'], { PORT: '0', GATEWAY_SIGNING_KEY: keys.signing, GATEWAY_WORKERS: '1', USAGE_RECORDING: 'off', ...urls });
  const url = String((await gateway.logged('gateway listening')).url);
  const base = url.replace(/\/graphql$/, '');

  // The probes a deployment uses: alive, and ready only because every subgraph it serves is.
  expect((await fetch(`${base}/health`)).status).toBe(200);
  const ready = await fetch(`${base}/ready`);
  expect(ready.status).toBe(200);

  // One query planned over two subgraphs, each fetched with the gateway's signed token; the
  // databases are new, so the pages are empty, and any failed fetch would be an error here.
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': secret },
    body: JSON.stringify({
      query: '{ people(first: 3) { edges { node { id } } pageInfo { hasNextPage } } locations(first: 3) { edges { node { id } } pageInfo { hasNextPage } } }',
    }),
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({
    data: { people: { edges: [], pageInfo: { hasNextPage: false } }, locations: { edges: [], pageInfo: { hasNextPage: false } } },
  });
  // The same subgraph asked directly, without the gateway's token, refuses.
  const direct = await fetch(urls.PEOPLE_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  expect(direct.status).toBe(401);

  // SIGTERM, as Kubernetes sends it: each process drains and exits with 0.
  for (const child of [gateway, ...subgraphs.map((s) => s.child)]) child.process.kill('SIGTERM');
  for (const child of [gateway, ...subgraphs.map((s) => s.child)]) {
    expect(await child.exited).toBe(0);
    expect((await child.logged('shutting down')).signal).toBe('SIGTERM');
  }
});
