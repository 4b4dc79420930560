import { request } from 'node:http';
import { internalKeyToJson } from '@movement/runtime';
import type { ServiceProcess } from '@movement/runtime/testing';
import { freshKey, startServicesFixture, type ServicesFixture } from './services-fixture';

// One gateway of two worker processes (GATEWAY_WORKERS=2) without Redis: what must be one count
// or one decision for the gateway is, whichever worker a connection lands on. Each request opens
// a connection of its own, and the primary hands connections to the workers in turn.
// Runs when TEST_POSTGRES_URL names a server (see jest.config.js): workers cannot share an embedded database.
const rateLimit = 6;
const authFailures = 6;
const metricsToken = 'workers-test-metrics-token';
let fixture: ServicesFixture;
let gateway: ServiceProcess;
let url: string;
let metricsPort: number;

/** A request on a connection of its own (no keep-alive), so consecutive requests reach different workers. */
function send(target: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(target, { method: init.method, headers: init.headers, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end(init.body);
  });
}

const query = (key: string, headers: Record<string, string> = {}) =>
  send(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key, ...headers },
    body: JSON.stringify({ query: '{ locations(first: 1) { edges { node { id } } } }' }),
  });

beforeAll(async () => {
  fixture = await startServicesFixture('workers');
  const { storage, launch, jwksPath, internalKeys: pair } = fixture;
  const locations = launch(['serve', 'locations'], { ...storage, PORT: '0', GATEWAY_VERIFY_KEY: await internalKeyToJson(pair.publicKey) });
  const locationsUrl = String((await locations.logged('subgraph listening')).url);
  gateway = launch(['serve', 'gateway'], {
    ...storage,
    LOCATIONS_URL: locationsUrl,
    PORT: '0',
    GATEWAY_WORKERS: '2',
    GATEWAY_SIGNING_KEY: await internalKeyToJson(pair.privateKey),
    JWKS_PATH: jwksPath,
    RATE_LIMIT_PER_MINUTE: String(rateLimit),
    AUTH_FAILURES_PER_MINUTE: String(authFailures),
    TRUST_PROXY: '1',
    METRICS_PORT: '0',
    METRICS_TOKEN: metricsToken,
    USAGE_RECORDING: 'off',
  });
  const listening = await gateway.logged('gateway workers listening');
  url = String(listening.url);
  metricsPort = Number(listening.metricsPort);
});

afterAll(async () => {
  await fixture?.stop();
});

test('the rate limit is one count across the workers, and so are the metrics of its refusals', async () => {
  const { secret } = await freshKey(fixture.keys, 'workers test');
  const statuses: number[] = [];
  for (let i = 0; i < rateLimit + 2; i++) statuses.push((await query(secret)).status);
  expect(statuses.slice(0, rateLimit)).toEqual(Array(rateLimit).fill(200));
  expect(statuses.slice(rateLimit)).toEqual([429, 429]);
  // Each worker answered some of the refusals: only the sum of both shows both.
  const scrape = (at: string) => send(at, { method: 'GET', headers: { authorization: `Bearer ${metricsToken}` } });
  for (const at of [`http://127.0.0.1:${metricsPort}/metrics`, url.replace(/\/graphql$/, '/metrics')]) {
    const metrics = await scrape(at);
    expect(metrics.status).toBe(200);
    expect(metrics.body).toMatch(/^movement_rate_limit_refusals_total(\{[^}]*\})? 2$/m);
  }
});

test('a key revoked through one worker is refused by every worker at once', async () => {
  const { id, secret } = await freshKey(fixture.keys, 'workers test');
  // Both workers have checked (and cached) the key.
  for (let i = 0; i < 2; i++) expect((await query(secret)).status).toBe(200);
  const revoked = await send(url.replace(/\/graphql$/, '/admin/graphql'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${fixture.admin}` },
    body: JSON.stringify({ query: 'mutation ($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }', variables: { id } }),
  });
  expect(JSON.parse(revoked.body)).toMatchObject({ data: { revokeApiKey: { id } } });
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) statuses.push((await query(secret)).status);
  expect(statuses).toEqual([401, 401, 401, 401]);
});

test('refused credentials are one count across the workers: past it, every worker holds the caller back', async () => {
  const guessed = `mgk_${'0'.repeat(16)}_${'A'.repeat(43)}`;
  const statuses: number[] = [];
  // From an address of its own (one proxy trusted), so the refusals of the other tests do not count.
  for (let i = 0; i < authFailures + 2; i++) statuses.push((await query(guessed, { 'x-forwarded-for': '203.0.113.7' })).status);
  expect(statuses.slice(0, authFailures)).toEqual(Array(authFailures).fill(401));
  expect(statuses.slice(authFailures)).toEqual([429, 429]);
});

test('two workers served the port, each a gateway, and the primary and both stop cleanly on SIGTERM', async () => {
  gateway.process.kill('SIGTERM');
  expect(await gateway.exited).toBe(0);
  // Read once every process has exited, so every worker's log lines have arrived.
  const listening = gateway.lines.filter((line) => line.msg === 'gateway listening');
  expect(listening.map((line) => line.url)).toEqual([url, url]);
  expect(gateway.lines.filter((line) => line.msg === 'gateway stopped')).toHaveLength(2);
});
