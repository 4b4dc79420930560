import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { createLogger, verifyInternalToken, type Principal } from '@movement/runtime';
import { createTestDatabaseTarget, startTestSubgraph, testInternalKeys, type TestDatabaseTarget, type TestSubgraph } from '@movement/runtime/testing';
import { locations } from '@movement/locations';
import type { GatewayContext } from '../src/context';
import { InternalTokens } from '../src/internal-tokens';
import http from 'node:http';
import net from 'node:net';
import { GraphQLError } from 'graphql';
import { createConnectionPool, type ConnectionPool } from '../src/connection-pool';
import { GatewayMetrics } from '../src/metrics';
import { SubgraphClient } from '../src/subgraph-client';
import { startRecordingProxy, type RecordingProxy } from './recording-proxy';

/**
 * The seam to a subgraph, against the real locations subgraph behind a recording proxy: identical
 * queries in flight at once are sent once per principal (never across principals, never a
 * mutation), and the internal token is reused per principal rather than signed per request.
 */
const quiet = createLogger('gateway', process.env.LOG_LEVEL ?? 'silent');
const org = '00000000-0000-4000-8000-000000000001';

const partner = (partnerId: string, scopes: string[] = ['people:read']): Principal => ({ subject: `key-of-${partnerId}`, kind: 'partner', partnerId, scopes });
const belarus = partner('00000000-0000-4000-8000-0000000000b1');
const russia = partner('00000000-0000-4000-8000-0000000000b2');

let target: TestDatabaseTarget;
let subgraph: TestSubgraph<ReturnType<typeof locations.createClient>>;
let proxy: RecordingProxy;
let pool: ConnectionPool;
let client: SubgraphClient;

beforeAll(async () => {
  target = await createTestDatabaseTarget('subgraph-client');
  subgraph = await startTestSubgraph(locations, target);
  await subgraph.database.prisma.organization.create({
    data: { id: org, type: 'NATIONAL_SOCIETY', name: 'Belarus Red Cross', shortName: 'BRC', countryCode: 'BY' },
  });
  proxy = await startRecordingProxy(subgraph.service.url);
  pool = createConnectionPool({ timeoutMs: 5000 });
  client = new SubgraphClient({
    name: 'locations',
    url: proxy.url,
    pool,
    logger: quiet,
    tokens: new InternalTokens((await testInternalKeys()).privateKey),
  });
});

afterAll(async () => {
  pool?.close();
  await proxy?.stop();
  await subgraph?.stop();
  await target?.dispose();
});

beforeEach(() => {
  proxy.requests.length = 0;
});

/** One subgraph call of a client request made by `principal`, as the gateway's executor makes it, through `through`. */
function call(principal: Principal, query: string, variables: Record<string, unknown> = {}, through: SubgraphClient = client) {
  const context: GatewayContext = {
    requestId: `request-of-${principal.subject}`,
    logger: quiet,
    principal,
    operationName: 'Orgs',
    auditReads: [],
    trustedDocumentsOnly: false,
  };
  const options = { kind: 'incoming operation', request: { query, variables }, context, incomingRequestContext: { context } };
  return through.process(options as unknown as GraphQLDataSourceProcessOptions<GatewayContext>);
}

const organisation = `query Orgs__locations__0($id: ID!) { organization(id: $id) { shortName } }`;

test('two identical queries of one principal in flight at once make one subgraph call, and each caller gets the answer', async () => {
  const [first, second] = await Promise.all([call(belarus, organisation, { id: org }), call(belarus, organisation, { id: org })]);
  expect(proxy.requests).toHaveLength(1);
  expect(first.data).toEqual({ organization: { shortName: 'BRC' } });
  expect(second.data).toEqual(first.data);
  // Each has its own copy: what the executor merges into one answer never shows in the other.
  expect(second.data).not.toBe(first.data);
});

test('the same query of two principals is sent twice, each with its own principal', async () => {
  await Promise.all([call(belarus, organisation, { id: org }), call(russia, organisation, { id: org })]);
  expect(proxy.requests).toHaveLength(2);
  const publicKey = (await testInternalKeys()).publicKey;
  const subjects = await Promise.all(
    proxy.requests.map(async (headers) => (await verifyInternalToken(publicKey, headers.authorization!.replace(/^Bearer /, ''))).principal.subject),
  );
  expect(subjects.sort()).toEqual([belarus.subject, russia.subject].sort());
});

test('one principal with other scopes is another principal: its query is not merged', async () => {
  await Promise.all([
    call(belarus, organisation, { id: org }),
    call({ ...belarus, scopes: [...belarus.scopes, 'people:read:sensitive'] }, organisation, { id: org }),
  ]);
  expect(proxy.requests).toHaveLength(2);
});

test('queries that differ in their variables or document are each sent', async () => {
  await Promise.all([
    call(belarus, organisation, { id: org }),
    call(belarus, organisation, { id: '00000000-0000-4000-8000-00000000ffff' }),
    call(belarus, `query Orgs__locations__0($id: ID!) { organization(id: $id) { name } }`, { id: org }),
  ]);
  expect(proxy.requests).toHaveLength(3);
});

test('a mutation is never merged, however identical', async () => {
  const mutation = `mutation Orgs__locations__0 { __typename }`;
  await Promise.all([call(belarus, mutation), call(belarus, mutation)]);
  expect(proxy.requests).toHaveLength(2);
});

test('calls one after the other are each sent: only calls in flight at once are merged', async () => {
  await call(belarus, organisation, { id: org });
  await call(belarus, organisation, { id: org });
  expect(proxy.requests).toHaveLength(2);
});

test("one principal's requests carry the same internal token; another principal's carry its own", async () => {
  await call(belarus, organisation, { id: org });
  await call(belarus, organisation, { id: org });
  await call(russia, organisation, { id: org });
  const tokens = proxy.requests.map((headers) => headers.authorization);
  expect(tokens[0]).toMatch(/^Bearer /);
  expect(tokens[1]).toBe(tokens[0]);
  expect(tokens[2]).not.toBe(tokens[0]);
});

describe('internal tokens', () => {
  test('are reused per principal and operation for part of their lifetime, then signed anew', async () => {
    const keys = await testInternalKeys();
    // Half a minute ago, so that the token signed anew half a minute later is signed now.
    let now = Date.now() - 30_000;
    const tokens = new InternalTokens(keys.privateKey, { reuseMs: 30_000, now: () => now });
    const first = await tokens.token(belarus, 'Orgs');
    expect(await tokens.token({ ...belarus, scopes: [...belarus.scopes] }, 'Orgs')).toBe(first);
    expect(await tokens.token(belarus, 'Other')).not.toBe(first);
    expect(await tokens.token(russia, 'Orgs')).not.toBe(first);
    expect(await tokens.token({ ...belarus, scopes: ['people:read', 'messages:read'] }, 'Orgs')).not.toBe(first);
    now += 30_000;
    const renewed = await tokens.token(belarus, 'Orgs');
    expect(renewed).not.toBe(first);
    const { principal, operationName } = await verifyInternalToken(keys.publicKey, renewed);
    expect({ principal, operationName }).toEqual({ principal: belarus, operationName: 'Orgs' });
  });
});

/**
 * A TCP hop in front of the subgraph that resets the next `resets` connections once the request
 * on them has arrived (the subgraph is gone before answering), and passes the others through.
 * `severOpen()` makes every connection open so far reset on its next request, as the idle pooled
 * connections to a replica that died are when the gateway has not yet seen them close.
 */
async function startResettingHop(targetUrl: string): Promise<{ url: string; connections: number; resets: number; severOpen(): void; stop(): Promise<void> }> {
  const target = new URL(targetUrl);
  const sockets = new Set<net.Socket>();
  const severed = new WeakSet<net.Socket>();
  const clients = new Set<net.Socket>();
  const hop = {
    url: '',
    connections: 0,
    resets: 0,
    severOpen: () => {
      for (const socket of clients) severed.add(socket);
    },
    stop: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    hop.connections += 1;
    if (hop.resets > 0) {
      hop.resets -= 1;
      socket.once('data', () => socket.resetAndDestroy());
      return;
    }
    clients.add(socket);
    socket.on('close', () => clients.delete(socket));
    const upstream = net.connect(Number(target.port), target.hostname);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    socket.on('data', (chunk: Buffer) => {
      if (severed.has(socket)) {
        socket.resetAndDestroy();
        upstream.destroy();
      } else upstream.write(chunk);
    });
    upstream.pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hop.url = new URL(target.pathname, `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`).toString();
  return hop;
}

describe('a connection refused or reset before any answer', () => {
  let hop: Awaited<ReturnType<typeof startResettingHop>>;
  let hopPool: ConnectionPool;
  let metrics: GatewayMetrics;
  let flaky: SubgraphClient;

  beforeAll(async () => {
    hop = await startResettingHop(subgraph.service.url);
    hopPool = createConnectionPool({ timeoutMs: 5000 });
    metrics = new GatewayMetrics();
    flaky = new SubgraphClient({
      name: 'locations',
      url: hop.url,
      pool: hopPool,
      logger: quiet,
      tokens: new InternalTokens((await testInternalKeys()).privateKey),
      metrics,
    });
  });

  afterAll(async () => {
    hopPool?.close();
    await hop?.stop();
  });

  beforeEach(() => {
    // Each test opens its own connections, so the hop's count is that test's.
    hopPool.close();
    hop.connections = 0;
  });

  const send = (query: string, variables: Record<string, unknown> = {}) => {
    const context: GatewayContext = {
      requestId: 'request-retried',
      logger: quiet,
      principal: belarus,
      operationName: 'Orgs',
      auditReads: [],
    } as unknown as GatewayContext;
    const options = { kind: 'incoming operation', request: { query, variables }, context, incomingRequestContext: { context } };
    return flaky.process(options as unknown as GraphQLDataSourceProcessOptions<GatewayContext>);
  };
  const retries = async () => (await metrics.subgraphRetries.get()).values.reduce((sum, { value }) => sum + value, 0);

  test('a query is sent once more and answered', async () => {
    const before = await retries();
    hop.resets = 1;
    const response = await send(organisation, { id: org });
    expect(response.data).toEqual({ organization: { shortName: 'BRC' } });
    expect(hop.connections).toBe(2);
    expect(await retries()).toBe(before + 1);
  });

  test('the second attempt goes over a new connection, not over another pooled one that is as dead as the first', async () => {
    // Three connections held open by the pool, idle; then all of them lost at once, as when the replica behind them dies.
    const ids = ['00000000-0000-4000-8000-00000000aaa1', '00000000-0000-4000-8000-00000000aaa2', '00000000-0000-4000-8000-00000000aaa3'];
    await Promise.all(ids.map((id) => send(organisation, { id })));
    const opened = hop.connections;
    expect(opened).toBeGreaterThan(1);
    hop.severOpen();
    const before = await retries();
    const response = await send(organisation, { id: org });
    expect(response.data).toEqual({ organization: { shortName: 'BRC' } });
    expect(await retries()).toBe(before + 1);
    expect(hop.connections).toBe(opened + 1);
  });

  test('a query is retried once only: a second failure reaches the caller as SUBGRAPH_UNAVAILABLE', async () => {
    hop.resets = 2;
    const failure = await send(organisation, { id: org }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphQLError);
    expect((failure as GraphQLError).extensions.code).toBe('SUBGRAPH_UNAVAILABLE');
    expect(hop.connections).toBe(2);
  });

  test('a mutation is never sent again: the subgraph may have written before the connection broke', async () => {
    const before = await retries();
    hop.resets = 1;
    const failure = await send(`mutation Orgs__locations__0 { __typename }`).catch((error: unknown) => error);
    expect((failure as GraphQLError).extensions.code).toBe('SUBGRAPH_UNAVAILABLE');
    expect(hop.connections).toBe(1);
    expect(await retries()).toBe(before);
  });
});

describe('an answer that is not a GraphQL response', () => {
  // What stands between the gateway and a subgraph can answer for it: a load balancer's error
  // page, a replica half started. Here a plain HTTP server answers what each test sets.
  let answer: { status: number; type: string; body: string };
  let server: http.Server;
  let broken: SubgraphClient;
  let brokenPool: ConnectionPool;

  beforeAll(async () => {
    server = http.createServer((_request, response) => response.writeHead(answer.status, { 'content-type': answer.type }).end(answer.body));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    brokenPool = createConnectionPool({ timeoutMs: 5000 });
    broken = new SubgraphClient({
      name: 'locations',
      url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/graphql`,
      pool: brokenPool,
      logger: quiet,
      tokens: new InternalTokens((await testInternalKeys()).privateKey),
    });
  });

  afterAll(async () => {
    brokenPool?.close();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  const failure = () =>
    call(belarus, organisation, { id: org }, broken).then(
      () => undefined,
      (error: unknown) => error as GraphQLError,
    );

  test.each([
    ['an error page', { status: 502, type: 'text/html', body: '<html>Bad Gateway</html>' }],
    ['a GraphQL body with a failing status', { status: 500, type: 'application/json', body: '{"errors":[{"message":"internal"}]}' }],
    ['a body that is not JSON, labelled JSON', { status: 200, type: 'application/json', body: 'not json' }],
    ['JSON that is not an object', { status: 200, type: 'application/json', body: '[1,2]' }],
    ['JSON labelled as text', { status: 200, type: 'text/plain', body: '{"data":{}}' }],
  ])('%s is SUBGRAPH_BAD_RESPONSE, naming the subgraph but not its address', async (_what, given) => {
    answer = given;
    const error = await failure();
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error!.extensions).toMatchObject({ code: 'SUBGRAPH_BAD_RESPONSE', serviceName: 'locations' });
    expect(error!.message).not.toMatch(/127\.0\.0\.1|<html>|internal/);
  });

  test('a GraphQL response in a 2xx answer passes through as the subgraph gave it', async () => {
    answer = { status: 200, type: 'application/graphql-response+json; charset=utf-8', body: '{"data":null,"errors":[{"message":"refused"}]}' };
    const response = await call(belarus, organisation, { id: org }, broken);
    expect(response).toEqual({ data: null, errors: [{ message: 'refused' }] });
  });
});
