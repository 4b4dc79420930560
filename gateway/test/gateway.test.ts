import { readFileSync } from 'node:fs';
import { createLogger, createTestDatabaseTarget, createTokenIssuer, postGraphQL, startTestSubgraph, testInternalKeys, type RunningService, type TestDatabaseTarget, type TestSubgraph } from '@movement/runtime';
import { locations } from '@movement/locations';
import { composeSubgraphs, formatProblems, subgraphs } from '@movement/schema';
import { startGateway } from '../src';
import { deadUrl, startRecordingProxy, type RecordingProxy } from './recording-proxy';

type PrismaClient = ReturnType<typeof locations.createClient>;

const quiet = createLogger('gateway', process.env.LOG_LEVEL ?? 'silent');
const org = '00000000-0000-4000-8000-000000000001';

let target: TestDatabaseTarget;
let subgraph: TestSubgraph<PrismaClient>;
let proxy: RecordingProxy;
let supergraphSdl: string;
let gateway: RunningService;
const others: RunningService[] = [];
/** A bearer token of an internal app, from a test identity provider the gateways trust. */
let auth: Record<string, string>;
let identityProvider: Awaited<ReturnType<typeof createTokenIssuer>>;

/** The real locations subgraph alone: the other three are not finished, and one is enough to route. */
function locationsSupergraph(): string {
  const sdl = readFileSync(subgraphs.find((s) => s.name === 'locations')!.sdlPath, 'utf8');
  const outcome = composeSubgraphs([{ name: 'locations', url: 'http://127.0.0.1:4001/graphql', sdl }]);
  if (!outcome.ok) throw new Error(formatProblems(outcome.errors));
  return outcome.supergraphSdl;
}

async function gatewayTo(locationsUrl: string, subgraphTimeoutMs = 5000): Promise<RunningService> {
  const started = await startGateway({
    port: 0,
    supergraphSdl,
    subgraphUrls: { locations: locationsUrl },
    subgraphTimeoutMs,
    shutdownGraceMs: 500,
    logger: quiet,
    access: { database: { databaseUrl: target.url, dataDir: target.dataDir }, signingKey: (await testInternalKeys()).privateKey, bearerTokens: { jwks: identityProvider.jwks } },
  });
  others.push(started);
  return started;
}

const root = (service: RunningService, path: string) => new URL(path, service.url).toString();

beforeAll(async () => {
  target = await createTestDatabaseTarget('gateway');
  identityProvider = await createTokenIssuer();
  auth = { authorization: `Bearer ${await identityProvider.issue({ sub: 'gateway-test', scopes: ['people:read'] })}` };
  subgraph = await startTestSubgraph(locations, target);
  const prisma = subgraph.database.prisma;
  await prisma.organization.create({ data: { id: org, type: 'NATIONAL_SOCIETY', name: 'Belarus Red Cross', shortName: 'BRC', countryCode: 'BY' } });
  await prisma.location.create({ data: { id: '00000000-0000-4000-8000-0000000000a0', type: 'COUNTRY', pcode: 'BY', adminLevel: 0, name: 'Belarus', names: [], ancestorIds: [] } });
  await prisma.location.create({
    data: { id: '00000000-0000-4000-8000-0000000000a1', type: 'ADMIN_AREA', pcode: 'BY-HM', adminLevel: 1, name: 'Minsk', names: [], parentId: '00000000-0000-4000-8000-0000000000a0', ancestorIds: ['00000000-0000-4000-8000-0000000000a0'], organizationId: org },
  });
  supergraphSdl = locationsSupergraph();
  proxy = await startRecordingProxy(subgraph.service.url);
  gateway = await gatewayTo(proxy.url);
});

afterAll(async () => {
  for (const service of others) await service.stop();
  await proxy?.stop();
  await subgraph?.stop();
  await target?.dispose();
});

test('organisations and places are queried through the gateway from the real locations subgraph', async () => {
  const result = await postGraphQL<{
    organizations: { edges: Array<{ node: { name: string; places: { edges: Array<{ node: { pcode: string } }> } } }> };
    locationByPcode: { name: string; parent: { pcode: string } | null };
  }>(gateway.url, `{ organizations(first: 5) { edges { node { name places(first: 5) { edges { node { pcode } } } } } } locationByPcode(pcode: "BY-HM") { name parent { pcode } } }`, {}, auth);
  expect(result.errors).toBeUndefined();
  expect(result.data!.organizations.edges).toEqual([{ node: { name: 'Belarus Red Cross', places: { edges: [{ node: { pcode: 'BY-HM' } }] } } }]);
  expect(result.data!.locationByPcode).toEqual({ name: 'Minsk', parent: { pcode: 'BY' } });
});

test('the public schema hides federation internals', async () => {
  const result = await postGraphQL(gateway.url, `{ _entities(representations: [{ __typename: "Organization", id: "${org}" }]) { __typename } }`, {}, auth);
  expect(result.status).toBe(400);
  expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
});

test('the caller\'s x-request-id reaches the subgraph and comes back; one is made up when absent', async () => {
  proxy.requests.length = 0;
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'trace-42', ...auth },
    body: JSON.stringify({ query: '{ organization(id: "' + org + '") { shortName } }' }),
  });
  expect(response.headers.get('x-request-id')).toBe('trace-42');
  expect(await response.json()).toEqual({ data: { organization: { shortName: 'BRC' } } });
  expect(proxy.requests.map((headers) => headers['x-request-id'])).toEqual(['trace-42']);

  proxy.requests.length = 0;
  const anonymous = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify({ query: '{ organization(id: "' + org + '") { shortName } }' }) });
  const generated = anonymous.headers.get('x-request-id');
  expect(generated).toMatch(/^[0-9a-f-]{36}$/);
  expect(proxy.requests[0]!['x-request-id']).toBe(generated);
});

test('subgraph requests reuse pooled keep-alive connections', async () => {
  proxy.requests.length = 0;
  proxy.clientPorts.length = 0;
  for (let i = 0; i < 3; i += 1) await postGraphQL(gateway.url, `{ organization(id: "${org}") { name } }`, {}, auth);
  expect(proxy.requests).toHaveLength(3);
  expect(proxy.requests.every((headers) => headers.connection === 'keep-alive')).toBe(true);
  // Sequential requests ride the same socket rather than opening one each.
  expect(new Set(proxy.clientPorts).size).toBe(1);
});

test('/health answers and /ready reports every subgraph ready', async () => {
  const health = await fetch(root(gateway, '/health'));
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok', service: 'gateway' });
  const ready = await fetch(root(gateway, '/ready'));
  expect(await ready.json()).toEqual({ status: 'ready', supergraph: 'loaded', subgraphs: { locations: 'ready' } });
  expect(ready.status).toBe(200);
});

test('a subgraph that is down yields a coded error, /ready says so, and the gateway keeps serving', async () => {
  const stranded = await gatewayTo(await deadUrl());
  const result = await postGraphQL(stranded.url, `{ organizations { edges { node { name } } } }`, {}, auth);
  expect(result.data ?? null).toBeNull();
  expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'locations' });
  expect(result.errors?.[0]?.message).not.toContain('127.0.0.1');

  const ready = await fetch(root(stranded, '/ready'));
  expect(ready.status).toBe(503);
  expect(await ready.json()).toMatchObject({ status: 'unavailable', subgraphs: { locations: 'subgraph_unavailable' } });
  expect((await fetch(root(stranded, '/health'))).status).toBe(200);
  // Still up: the next request is answered (with the same coded error), not refused.
  const again = await postGraphQL(stranded.url, `{ organization(id: "${org}") { name } }`, {}, auth);
  expect(again.errors?.[0]?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
});

test('a subgraph that does not answer by the deadline yields SUBGRAPH_TIMEOUT, and the next answer goes through', async () => {
  // The deadline is what is tested, not a race with it: the held request is never answered, and
  // a second is ample for the next one on any machine.
  const impatient = await gatewayTo(proxy.url, 1000);
  proxy.holding = true;
  try {
    const hungUp = proxy.abandoned();
    const held = await postGraphQL(impatient.url, `{ organization(id: "${org}") { name } }`, {}, auth);
    expect(held.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_TIMEOUT', serviceName: 'locations' });
    // The gateway let go of the subgraph connection rather than leaving it open.
    await hungUp;
  } finally {
    proxy.holding = false;
  }
  const next = await postGraphQL<{ organization: { name: string } }>(impatient.url, `{ organization(id: "${org}") { name } }`, {}, auth);
  expect(next.data).toEqual({ organization: { name: 'Belarus Red Cross' } });
});
