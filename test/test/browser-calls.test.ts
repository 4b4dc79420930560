import { syntheticId } from '@movement/runtime/demo';
import { loadGatewayEnvironment } from '@movement/gateway';
import { startTestGraph, type TestGraph } from './harness';

/** A browser app allowed by the gateway's CORS_ORIGINS, and one that is not. */
const allowed = 'https://family-links.example.org';
const stranger = 'https://elsewhere.example.net';

let graph: TestGraph;

beforeAll(async () => {
  graph = await startTestGraph({ seedPeople: 200, label: 'browser', cors: { origins: [allowed], loopback: false } });
});

afterAll(async () => {
  await graph?.stop();
});

const preflight = (origin: string, path = '/graphql') =>
  fetch(graph.graph.url.replace(/\/graphql$/, path), {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, x-api-key' },
  });

const person = syntheticId('person', 1);
const query = `query Person($id: ID!) { person(id: $id) { id } }`;

const get = (params: Record<string, string>, headers: Record<string, string>) =>
  fetch(`${graph.graph.url}?${new URLSearchParams(params).toString()}`, { headers: { accept: 'application/graphql-response+json', ...headers } });

describe('CORS', () => {
  test('a preflight from an allowed origin is answered before authentication, allowing the credential headers', async () => {
    const response = await preflight(allowed);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(allowed);
    const headers = (response.headers.get('access-control-allow-headers') ?? '').split(',').map((name) => name.trim());
    expect(headers).toEqual(expect.arrayContaining(['authorization', 'x-api-key', 'content-type']));
    expect(response.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect((await preflight(allowed, '/admin/graphql')).headers.get('access-control-allow-origin')).toBe(allowed);
  });

  test('an origin not on the list gets no CORS headers, and its preflight is not counted as a failed login', async () => {
    const response = await preflight(stranger);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const answer = await fetch(graph.graph.url, {
      method: 'POST',
      headers: { origin: stranger, 'content-type': 'application/json', ...graph.as('icrc') },
      body: JSON.stringify({ query, variables: { id: person } }),
    });
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    // The gateway answers it all the same: it is the browser that keeps the answer from the page.
    expect(answer.status).toBe(200);
    await answer.body?.cancel();
  });

  test("an allowed origin's answer carries the CORS headers, and the request id and rate limit are readable", async () => {
    const answer = await fetch(graph.graph.url, {
      method: 'POST',
      headers: { origin: allowed, 'content-type': 'application/json', ...graph.as('icrc') },
      body: JSON.stringify({ query, variables: { id: person } }),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(answer.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
    expect(answer.headers.get('access-control-expose-headers')).toMatch(/ratelimit-remaining/i);
    expect(((await answer.json()) as { data: { person: { id: string } } }).data.person.id).toBe(person);
  });

  test("the gateway's own origin is always allowed", async () => {
    const own = new URL(graph.graph.url).origin;
    expect((await preflight(own)).headers.get('access-control-allow-origin')).toBe(own);
  });

  test('CORS_ORIGINS: none but the own origin by default in production, this machine elsewhere, a bad value named', () => {
    const base = { GATEWAY_SIGNING_KEY: '{}' };
    expect(loadGatewayEnvironment({ ...base, NODE_ENV: 'production' }).cors).toEqual({ origins: [], loopback: false });
    expect(loadGatewayEnvironment({ ...base, NODE_ENV: 'development' }).cors).toEqual({ origins: [], loopback: true });
    expect(loadGatewayEnvironment({ ...base, NODE_ENV: 'production', CORS_ORIGINS: `${allowed}, https://b.example.org` }).cors).toEqual({
      origins: [allowed, 'https://b.example.org'],
      loopback: false,
    });
    expect(() => loadGatewayEnvironment({ ...base, CORS_ORIGINS: 'family-links.example.org/app' })).toThrow(/CORS_ORIGINS/);
  });
});

describe('GET', () => {
  test('a query over GET answers with credentials in a header', async () => {
    const response = await get({ query, variables: JSON.stringify({ id: person }) }, graph.as('icrc'));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { person: { id: string } } }).data.person.id).toBe(person);
  });

  test('a GET without credentials in a header (what a link, an image or a form sends) is refused', async () => {
    const response = await get({ query, variables: JSON.stringify({ id: person }) }, {});
    expect(response.status).toBe(401);
    await response.body?.cancel();
    const withKeyInUrl = await get({ query, variables: JSON.stringify({ id: person }), 'x-api-key': graph.as('icrc')['x-api-key'] }, {});
    expect(withKeyInUrl.status).toBe(401);
    await withKeyInUrl.body?.cancel();
  });

  test('a mutation over GET is refused with 405 and nothing is written', async () => {
    const mutation = `mutation Register($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }`;
    const input = {
      givenName: 'Get',
      familyName: 'Refused',
      sex: 'FEMALE',
      status: 'CIVILIAN',
      purpose: 'restoring family links',
      legalBasis: 'CONSENT',
      recordedById: syntheticId('organization', 'ICRC-MOSCOW'),
    };
    for (const accept of ['application/graphql-response+json', 'application/json']) {
      const response = await get({ query: mutation, variables: JSON.stringify({ input }) }, { ...graph.as('icrc'), accept });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
      expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('BAD_REQUEST');
    }
    const found = await graph.query<{ searchPeople: unknown[] }>(`{ searchPeople(name: "Refused", first: 5) { person { id } } }`);
    expect(found.data?.searchPeople).toEqual([]);
  });
});
