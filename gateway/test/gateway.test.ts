import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, internalKeyToJson, type RunningService } from '@movement/runtime';
import { createTokenIssuer } from '@movement/runtime/demo';
import {
  createTestDatabaseTarget,
  drainThroughKeepAlive,
  postGraphQL,
  prepareTestDataFolder,
  runService,
  startTestSubgraph,
  testInternalKeys,
  testInternalToken,
  type TestDatabaseTarget,
  type TestSubgraph,
} from '@movement/runtime/testing';
import { locations } from '@movement/locations';
import { composeSubgraphs, formatProblems, subgraphs } from '@movement/schema';
import pino from 'pino';
import { loadLimitsConfig, startGateway, type GatewayOptions } from '../src';
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
/** A bearer token of an admin of the graph. */
let admin: Record<string, string>;
let identityProvider: Awaited<ReturnType<typeof createTokenIssuer>>;

/** The real locations subgraph alone: the other three are not finished, and one is enough to route. */
function locationsSupergraph(): string {
  const sdl = readFileSync(subgraphs.find((s) => s.name === 'locations')!.sdlPath, 'utf8');
  const outcome = composeSubgraphs([{ name: 'locations', url: 'http://127.0.0.1:4001/graphql', sdl }]);
  if (!outcome.ok) throw new Error(formatProblems(outcome.errors));
  return outcome.supergraphSdl;
}

async function gatewayTo(locationsUrl: string, subgraphTimeoutMs = 5000, options: Pick<GatewayOptions, 'logger' | 'limits'> = {}): Promise<RunningService> {
  const started = await startGateway({
    port: 0,
    supergraphSdl,
    subgraphUrls: { locations: locationsUrl },
    subgraphTimeoutMs,
    shutdownGraceMs: 500,
    logger: options.logger ?? quiet,
    limits: options.limits,
    access: {
      database: { databaseUrl: target.url, dataDir: target.dataDir },
      signingKey: (await testInternalKeys()).privateKey,
      bearerTokens: { jwks: identityProvider.jwks },
    },
  });
  others.push(started);
  return started;
}

const root = (service: RunningService, path: string) => new URL(path, service.url).toString();

beforeAll(async () => {
  target = await createTestDatabaseTarget('gateway');
  identityProvider = await createTokenIssuer();
  auth = { authorization: `Bearer ${await identityProvider.issue({ sub: 'gateway-test', scopes: ['people:read'] })}` };
  admin = { authorization: `Bearer ${await identityProvider.issue({ sub: 'gateway-admin', kind: 'admin', scopes: ['keys:admin'] })}` };
  subgraph = await startTestSubgraph(locations, target);
  const prisma = subgraph.database.prisma;
  await prisma.organization.create({ data: { id: org, type: 'NATIONAL_SOCIETY', name: 'Belarus Red Cross', shortName: 'BRC', countryCode: 'BY' } });
  await prisma.location.create({
    data: { id: '00000000-0000-4000-8000-0000000000a0', type: 'COUNTRY', pcode: 'BY', adminLevel: 0, name: 'Belarus', names: [], ancestorIds: [] },
  });
  await prisma.location.create({
    data: {
      id: '00000000-0000-4000-8000-0000000000a1',
      type: 'ADMIN_AREA',
      pcode: 'BY-HM',
      adminLevel: 1,
      name: 'Minsk',
      names: [],
      parentId: '00000000-0000-4000-8000-0000000000a0',
      ancestorIds: ['00000000-0000-4000-8000-0000000000a0'],
      organizationId: org,
    },
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
  }>(
    gateway.url,
    `{ organizations(first: 5) { edges { node { name places(first: 5) { edges { node { pcode } } } } } } locationByPcode(pcode: "BY-HM") { name parent { pcode } } }`,
    {},
    auth,
  );
  expect(result.errors).toBeUndefined();
  expect(result.data!.organizations.edges).toEqual([{ node: { name: 'Belarus Red Cross', places: { edges: [{ node: { pcode: 'BY-HM' } }] } } }]);
  expect(result.data!.locationByPcode).toEqual({ name: 'Minsk', parent: { pcode: 'BY' } });
});

test('the public schema hides federation internals', async () => {
  const result = await postGraphQL(gateway.url, `{ _entities(representations: [{ __typename: "Organization", id: "${org}" }]) { __typename } }`, {}, auth);
  expect(result.status).toBe(400);
  expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
});

test("the caller's x-request-id reaches the subgraph and comes back; one is made up when absent", async () => {
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
  const anonymous = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify({ query: '{ organization(id: "' + org + '") { shortName } }' }),
  });
  const generated = anonymous.headers.get('x-request-id');
  expect(generated).toMatch(/^[0-9a-f-]{36}$/);
  expect(proxy.requests[0]['x-request-id']).toBe(generated);
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
  expect(result.errors?.[0]?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
  // Which service failed, and where it runs, is for the graph's admins only.
  expect(result.errors?.[0]?.extensions).not.toHaveProperty('serviceName');
  expect(JSON.stringify(result.errors)).not.toMatch(/locations|127\.0\.0\.1/);
  const asAdmin = await postGraphQL(stranded.url, `{ organizations { edges { node { name } } } }`, {}, admin);
  expect(asAdmin.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'locations' });

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
    // A partner's error does not name the internal service.
    expect(held.errors?.[0]?.extensions).toEqual({ code: 'SUBGRAPH_TIMEOUT' });
    // The gateway let go of the subgraph connection rather than leaving it open.
    await hungUp;
  } finally {
    proxy.holding = false;
  }
  const next = await postGraphQL<{ organization: { name: string } }>(impatient.url, `{ organization(id: "${org}") { name } }`, {}, auth);
  expect(next.data).toEqual({ organization: { name: 'Belarus Red Cross' } });
});

describe("every answer of the HTTP layer is JSON in GraphQL's error shape", () => {
  const send = async (url: string, init: RequestInit) => {
    const response = await fetch(url, init);
    const text = await response.text();
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      text,
      body: JSON.parse(text) as { errors: Array<{ message: string; extensions: { code: string } }> },
    };
  };
  const malformed = { method: 'POST', body: '{"query":' };

  test.each(['development', 'production'] as const)(
    'a body that is not JSON, in %s, is 400 BAD_REQUEST without stack or path, on both endpoints',
    async (nodeEnv) => {
      const service = nodeEnv === 'production' ? await gatewayTo(proxy.url, 5000, { limits: { ...loadLimitsConfig({}), nodeEnv } }) : gateway;
      for (const path of ['/graphql', '/admin/graphql']) {
        const answer = await send(root(service, path), { ...malformed, headers: { 'content-type': 'application/json', ...admin } });
        expect(answer).toMatchObject({ status: 400, type: expect.stringMatching(/^application\/json/) });
        expect(answer.body.errors).toEqual([{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }]);
        expect(answer.text).not.toMatch(/<html|at \w+ \(|node_modules|\/src\/|\.js:\d+/i);
      }
    },
  );

  // A browser's request (with an Origin) goes through express, a service's straight to Apollo Server: both read bodies alike.
  test.each([{}, { origin: 'http://127.0.0.1:9' }])('a JSON scalar, an empty or an oversized body is answered the same on both paths (%j)', async (origin) => {
    const headers = { 'content-type': 'application/json', ...auth, ...origin };
    const scalar = await send(root(gateway, '/graphql'), { method: 'POST', headers, body: '"{ __typename }"' });
    expect(scalar).toMatchObject({ status: 400, body: { errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] } });
    const empty = await send(root(gateway, '/graphql'), { method: 'POST', headers, body: '' });
    expect(empty).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'BAD_REQUEST' } }] } });
    const limit = loadLimitsConfig({}).maxBodyBytes;
    const large = await send(root(gateway, '/graphql'), { method: 'POST', headers, body: JSON.stringify({ query: `{ __typename }${' '.repeat(limit)}` }) });
    expect(large).toMatchObject({ status: 413, body: { errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE', maximum: limit } }] } });
    // Chunked, with no length announced: refused once it outgrows the limit, before it ends.
    const half = `{"query":"{ __typename }","padding":"${'x'.repeat(Math.ceil(limit / 2))}`;
    const chunks = [half, 'x'.repeat(Math.ceil(limit / 2)), 'x'.repeat(Math.ceil(limit / 2)), '"}'];
    const streamed = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(next));
      },
    });
    const chunked = await send(root(gateway, '/graphql'), { method: 'POST', headers, body: streamed, duplex: 'half' });
    expect(chunked).toMatchObject({ status: 413, body: { errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE', maximum: limit } }] } });
  });

  test('unknown endpoints, methods and content types are answered in JSON too', async () => {
    const json = { 'content-type': 'application/json', ...auth };
    const cases: Array<[string, RequestInit, number]> = [
      ['/graphql/anything', { method: 'POST', headers: json, body: '{"query":"{ __typename }"}' }, 404],
      ['/nothing-here', { method: 'GET' }, 404],
      ['/graphql', { method: 'PUT', headers: json, body: '{"query":"{ __typename }"}' }, 405],
      ['/graphql', { method: 'GET', headers: auth }, 400],
      ['/graphql', { method: 'POST', headers: { ...auth, 'content-type': 'text/plain' }, body: '{ __typename }' }, 400],
      ['/graphql', { method: 'POST', headers: { ...json, 'content-type': 'application/json; charset=latin-9' }, body: '{}' }, 415],
      ['/graphql', { method: 'POST', headers: { ...json, 'content-encoding': 'br-x' }, body: '{}' }, 415],
    ];
    for (const [path, init, status] of cases) {
      const answer = await send(root(gateway, path), init);
      expect([path, init.method, answer.status]).toEqual([path, init.method, status]);
      expect(answer.type).toMatch(/^application\/json/);
      expect(answer.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    }
  });

  test('a subgraph answers a body that is not JSON in JSON as well', async () => {
    const answer = await send(subgraph.service.url, {
      ...malformed,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await testInternalToken()}` },
    });
    expect(answer).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'BAD_REQUEST' } }] } });
  });
});

describe('failed authentication', () => {
  const wrongKey = (id: string) => `mgk_${id}_${'B'.repeat(43)}`;

  test('is rate limited per client address and per key id, and each refusal is logged with both but never the secret', async () => {
    const logs: Array<Record<string, unknown>> = [];
    const guarded = await gatewayTo(proxy.url, 5000, {
      logger: pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) }),
      // One proxy in front: the tests speak as different clients through X-Forwarded-For.
      limits: { ...loadLimitsConfig({}), authFailuresPerMinute: 3, trustProxyHops: 1 },
    });
    const ask = (from: string, headers: Record<string, string>) => postGraphQL(guarded.url, '{ __typename }', {}, { 'x-forwarded-for': from, ...headers });
    const keyId = randomBytes(8).toString('hex');
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await ask('203.0.113.7', { 'x-api-key': wrongKey(keyId) })).status).toBe(401);

    const held = await fetch(guarded.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7', ...auth },
      body: '{"query":"{ __typename }"}',
    });
    // Held back before its credentials are checked, valid or not: a guesser learns nothing more.
    expect(held.status).toBe(429);
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await held.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('RATE_LIMITED');
    // The same key id from anywhere else is held back too; other clients are not.
    expect((await ask('203.0.113.8', { 'x-api-key': wrongKey(keyId) })).status).toBe(429);
    expect((await ask('203.0.113.8', auth)).status).toBe(200);

    const refusals = logs.filter((line) => line.msg === 'invalid credentials refused');
    expect(refusals).toHaveLength(3);
    for (const line of refusals) expect(line).toMatchObject({ keyId, address: '203.0.113.7', reason: 'unknown' });
    expect(JSON.stringify(logs)).not.toContain('B'.repeat(43));
  });
});

describe('draining on SIGTERM', () => {
  test('a gateway process finishes what is in flight, answers requests on open connections with Connection: close, closes idle ones and exits 0', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gateway-drain-'));
    const supergraphPath = join(folder, 'supergraph.graphql');
    const jwksPath = join(folder, 'jwks.json');
    writeFileSync(supergraphPath, supergraphSdl);
    writeFileSync(jwksPath, JSON.stringify(identityProvider.jwks));
    // The process's embedded access store starts from the run's empty cluster rather than its own initdb.
    if (!target.url) await prepareTestDataFolder(join(folder, 'access'));
    const child = runService(join(__dirname, '..', 'dist', 'index.js'), {
      PORT: '0',
      LOG_LEVEL: 'info',
      SUPERGRAPH_PATH: supergraphPath,
      LOCATIONS_URL: proxy.url,
      GATEWAY_SIGNING_KEY: await internalKeyToJson((await testInternalKeys()).privateKey),
      JWKS_PATH: jwksPath,
      DATA_DIR: folder,
      ...(target.url ? { ACCESS_DATABASE_URL: target.url } : {}),
      USAGE_RECORDING: 'off',
      SHUTDOWN_GRACE_MS: '20000',
      // One process: this is the drain of a gateway process itself, not of a primary and its workers.
      GATEWAY_WORKERS: '1',
    });
    try {
      const { url } = (await child.logged('gateway listening')) as { url: string };
      const outcome = await drainThroughKeepAlive({
        url,
        headers: auth,
        quick: { query: '{ __typename }' },
        slow: { query: `{ organization(id: "${org}") { name } }` },
        // The proxy holds the subgraph call back until the signal has been sent.
        holdSlow: () => proxy.hold(),
        terminate: async () => {
          child.process.kill('SIGTERM');
          await child.logged('shutting down; letting in-flight requests finish');
        },
      });
      expect(outcome.slow).toEqual({ status: 200, connection: 'close', body: { data: { organization: { name: 'Belarus Red Cross' } } } });
      expect(outcome.arriving).toEqual({ status: 200, connection: 'close', body: { data: { __typename: 'Query' } } });
      expect(outcome.arrivedOnOpenConnection).toBe(true);
      expect(await child.exited).toBe(0);
      expect(await child.logged('gateway stopped')).toMatchObject({ graceful: true });
    } finally {
      child.process.kill('SIGKILL');
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
