import { subgraphNames } from '@movement/runtime';
import { syntheticId } from '@movement/runtime/demo';
import { startTestGraph, type TestGraph } from './harness';

const token = 'metrics-scraper-token-for-tests';
let graph: TestGraph;

beforeAll(async () => {
  // A limit the russian Red Cross's burst below passes, so that refusals are counted.
  graph = await startTestGraph({ seedPeople: 200, label: 'metrics', metrics: { token }, limits: { rateLimitPerMinute: 3 } });
});

afterAll(async () => {
  await graph?.stop();
});

const metricsUrl = (graphqlUrl: string) => new URL('/metrics', graphqlUrl).toString();

async function scrape(graphqlUrl: string): Promise<string> {
  const response = await fetch(metricsUrl(graphqlUrl), { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return response.text();
}

/** The value of the series of `name` whose labels include `labels`; undefined when there is none. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [key, value]));
    if (Object.entries(labels).every(([key, value]) => present[key] === value)) return Number(match[3]);
  }
  return undefined;
}

test('/metrics is refused without the bearer token, on the gateway and on every subgraph', async () => {
  for (const url of [graph.connection.url, ...subgraphNames.map((name) => graph.graph.subgraphs[name].service.url)]) {
    expect((await fetch(metricsUrl(url))).status).toBe(401);
    expect((await fetch(metricsUrl(url), { headers: { authorization: 'Bearer not-the-token-at-all' } })).status).toBe(401);
  }
});

test('after a few requests the counters have moved: requests by operation, subgraph fetches, refusals, audit writes', async () => {
  const before = await scrape(graph.connection.url);
  const ok = await graph.query(
    `query PeopleNames { people(first: 5) { edges { node { fullName recordedBy { name } assistanceReceived(first: 1) { edges { node { item } } } } } } }`,
  );
  expect(ok.errors).toBeUndefined();
  // A detainee's file: its detention records are sensitive reads, written to the audit trail.
  const file = await graph.query(
    `query PersonFile($id: ID!) { person(id: $id) { fullName detentionRecords { edges { node { id registrationNumber } } } } }`,
    { id: syntheticId('person', 3) },
    graph.as('icrc'),
  );
  expect(file.errors).toBeUndefined();
  const invalid = await graph.query(`query Broken { people(first: 1) { edges { node { noSuchField } } } }`);
  expect(invalid.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect((await graph.query(`{ __typename }`, {}, { 'x-api-key': 'mg_not_a_real_key' })).status).toBe(401);
  const burst = [];
  for (let i = 0; i < 5; i += 1) burst.push((await graph.query(`query Burst { __typename }`, {}, graph.as('russianRedCross'))).status);
  expect(burst.filter((status) => status === 429).length).toBeGreaterThan(0);

  const after = await scrape(graph.connection.url);
  const moved = (name: string, labels: Record<string, string> = {}) => (sample(after, name, labels) ?? 0) - (sample(before, name, labels) ?? 0);
  expect(moved('movement_graphql_requests_total', { operation: 'PeopleNames', outcome: 'ok' })).toBe(1);
  expect(moved('movement_graphql_requests_total', { operation: 'PersonFile', outcome: 'ok' })).toBe(1);
  expect(moved('movement_graphql_requests_total', { operation: 'Broken', outcome: 'error' })).toBe(1);
  expect(moved('movement_graphql_request_duration_seconds_count', { operation: 'PeopleNames', outcome: 'ok' })).toBe(1);
  for (const subgraph of ['people', 'locations', 'assistance']) {
    expect(moved('movement_subgraph_fetch_duration_seconds_count', { subgraph, outcome: 'ok' })).toBeGreaterThan(0);
  }
  expect(moved('movement_authentication_failures_total')).toBe(1);
  expect(moved('movement_rate_limit_refusals_total')).toBe(burst.filter((status) => status === 429).length);
  expect(moved('movement_audit_entries_written_total')).toBeGreaterThan(0);
  expect(sample(after, 'movement_audit_write_failures_total')).toBe(0);
  expect(sample(after, 'movement_supergraph_version', { source: 'file' })).toBe(0);
  expect(sample(after, 'nodejs_heap_size_used_bytes', { service: 'gateway' })).toBeGreaterThan(0);

  // The subgraph that answered counts the same operation under the gateway's name for it.
  const people = await scrape(graph.graph.subgraphs.people.service.url);
  expect(sample(people, 'movement_graphql_requests_total', { service: 'people', outcome: 'ok' })).toBeGreaterThan(0);
});

test('labels stay bounded: no ids, no variable values, operation names only', async () => {
  const text = await scrape(graph.connection.url);
  const labelValues = [...text.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => `${key}=${value}`);
  expect(labelValues.filter((pair) => /[0-9a-f]{8}-[0-9a-f]{4}-/.test(pair))).toEqual([]);
  const keys = new Set(labelValues.map((pair) => pair.split('=')[0]));
  for (const key of keys)
    expect([
      'service',
      'operation',
      'outcome',
      'subgraph',
      'code',
      'source',
      'database',
      'state',
      'le',
      'quantile',
      'version',
      'kind',
      'space',
      'type',
      'major',
      'minor',
      'patch',
    ]).toContain(key);
});
