import { syntheticId } from '@movement/runtime/demo';
import { startTestGraph, type TestGraph } from './harness';

let graph: TestGraph;
const person = syntheticId('person', 1);

beforeAll(async () => {
  graph = await startTestGraph({
    seedPeople: 200,
    label: 'limits',
    limits: { rateLimitPerMinute: 20, maxDepth: 5, maxAliases: 3, maxBodyBytes: 4096, nodeEnv: 'production' },
  });
});

afterAll(async () => {
  await graph?.stop();
});

const post = (body: string, headers: Record<string, string>) =>
  fetch(graph.graph.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

test('an operation deeper than the limit is refused before any subgraph is asked', async () => {
  const before = graph.graph.statements();
  const result = await graph.query(`{ person(id: "${person}") { lastSeenAt { parent { parent { parent { parent { name } } } } } } }`, {}, graph.as('icrc'));
  expect(result.status).toBe(400);
  expect(result.errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'OPERATION_TOO_DEEP', maximum: 5 }));
  expect(graph.graph.statements()).toEqual(before);
});

test('too many aliases are refused', async () => {
  const result = await graph.query(
    `{ a: person(id: "${person}") { id } b: person(id: "${person}") { id } c: person(id: "${person}") { id } d: person(id: "${person}") { id } }`,
    {},
    graph.as('icrc'),
  );
  expect(result.errors?.[0]?.extensions?.code).toBe('TOO_MANY_ALIASES');
});

test('a body over the limit gets 413', async () => {
  const response = await post(JSON.stringify({ query: `{ person(id: "${person}") { id } }`, variables: { padding: 'x'.repeat(5000) } }), graph.as('icrc'));
  expect(response.status).toBe(413);
  expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
});

test('in production a partner introspects the schema its scopes may read; schema:introspect sees the whole', async () => {
  const query = `{ __schema { queryType { name } } __type(name: "DetentionRecord") { name } }`;
  const partner = await graph.query<{ __schema: { queryType: { name: string } }; __type: { name: string } | null }>(query, {}, graph.as('russianRedCross'));
  expect(partner.status).toBe(200);
  expect(partner.data).toEqual({ __schema: { queryType: { name: 'Query' } }, __type: null });
  const admin = await graph.query<{ __schema: { queryType: { name: string } }; __type: { name: string } | null }>(query, {}, graph.as('admin'));
  expect(admin.data).toEqual({ __schema: { queryType: { name: 'Query' } }, __type: { name: 'DetentionRecord' } });
});

test('CSRF prevention stays on: a simple cross-site POST is refused', async () => {
  const response = await post('query={__typename}', { ...graph.as('icrc'), 'content-type': 'text/plain' });
  expect(response.status).toBe(400);
});

test('each partner has its own rate limit, announced in standard headers; past it, 429 with Retry-After', async () => {
  const query = JSON.stringify({ query: `{ person(id: "${person}") { id } }` });
  const first = await post(query, graph.as('belarusRedCross'));
  expect(first.headers.get('ratelimit-limit')).toBe('20');
  const remaining = Number(first.headers.get('ratelimit-remaining'));
  expect(remaining).toBeLessThan(20);
  let refused: Response | undefined;
  for (let i = 0; i <= remaining && !refused; i += 1) {
    const response = await post(query, graph.as('belarusRedCross'));
    if (response.status === 429) refused = response;
  }
  expect(refused?.status).toBe(429);
  expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(((await refused!.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('RATE_LIMITED');
  // Another partner is not held back by the first one's burst.
  expect((await post(query, graph.as('russianRedCross'))).status).toBe(200);
});
