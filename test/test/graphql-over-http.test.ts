import { serverAudits } from 'graphql-http';
import { sharedTestGraph, type SharedTestGraph } from './harness';

let graph: SharedTestGraph;

beforeAll(async () => {
  graph = await sharedTestGraph();
});

afterAll(async () => {
  await graph?.stop();
});

/**
 * The audits of the `graphql-http` package (the reference implementation of the GraphQL over HTTP
 * specification) against the gateway, as a partner calls it: with a key in a header, which every
 * request needs. Each audit that is not ok is listed with its reason.
 */
test('the gateway passes every GraphQL over HTTP audit, without a warning', async () => {
  const credentials = graph.as('icrc');
  const responses: Response[] = [];
  const fetchFn = async (input: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    for (const [name, value] of Object.entries(credentials)) headers.set(name, value);
    const response = await fetch(input, { ...init, headers });
    responses.push(response);
    return response;
  };
  const results = await Promise.all(serverAudits({ url: graph.url, fetchFn }).map((audit) => audit.fn()));
  // Some audits read only the status: their bodies would hold the connections open past the test.
  await Promise.all(responses.filter((response) => !response.bodyUsed).map((response) => response.body?.cancel() ?? Promise.resolve()));
  expect(results.length).toBeGreaterThan(30);
  const notOk = results
    .filter((result) => result.status !== 'ok')
    .map((result) => `${result.status} ${result.name}: ${'reason' in result ? result.reason : ''}`);
  expect(notOk).toEqual([]);
});

test('the admin API answers request errors with the same statuses: 4xx to graphql-response+json, 200 to application/json', async () => {
  const post = (accept: string) =>
    fetch(graph.url.replace(/\/graphql$/, '/admin/graphql'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept, ...graph.as('admin') },
      body: JSON.stringify({ query: '{ noSuchField }' }),
    });
  const modern = await post('application/graphql-response+json');
  expect([modern.status, modern.headers.get('content-type')]).toEqual([400, 'application/graphql-response+json; charset=utf-8']);
  expect(((await modern.json()) as { data?: unknown }).data).toBeUndefined();
  const legacy = await post('application/json');
  expect([legacy.status, legacy.headers.get('content-type')]).toEqual([200, 'application/json; charset=utf-8']);
  expect(((await legacy.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
});
