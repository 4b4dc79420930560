import { readFileSync } from 'node:fs';
import { ApolloClient, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { PersonOverviewDocument, type PersonOverviewQuery, type PersonOverviewQueryVariables } from '@movement/client';
import { syntheticId } from '@movement/runtime/demo';
import { sharedTestGraph, type SharedTestGraph } from './harness';

let graph: SharedTestGraph;

beforeAll(async () => {
  graph = await sharedTestGraph();
});

afterAll(async () => {
  await graph?.stop();
});

/** An Apollo Client as an internal app configures one: the gateway's URL and its credential header. */
function apolloClient(headers: Record<string, string>): ApolloClient {
  return new ApolloClient({ link: new HttpLink({ uri: graph.url, headers }), cache: new InMemoryCache() });
}

test('a generated document runs through Apollo Client against the gateway, typed end to end', async () => {
  const client = apolloClient(graph.as('fullAccess'));
  const variables: PersonOverviewQueryVariables = { id: syntheticId('person', 0) };
  const result = await client.query({ query: PersonOverviewDocument, variables });
  expect(result.error).toBeUndefined();
  const person: NonNullable<PersonOverviewQuery['person']> = result.data!.person!;
  expect(person.id).toBe(variables.id);
  expect(person.messagesSent?.edges.length).toBeGreaterThan(0);
  expect(person.assistanceReceived?.edges[0]!.node.unit).toEqual(expect.any(String));
  // Apollo normalises by `__typename` and `id`: the person is in its cache under its own key.
  const normalised = client.cache.extract() as Record<string, unknown>;
  expect(normalised[`Person:${variables.id}`]).toMatchObject({ fullName: person.fullName });
});

test('a query the scopes do not cover reaches an Apollo Client app as FORBIDDEN at its path', async () => {
  // The demo admin administers the graph and reads no people.
  const client = apolloClient(graph.as('admin'));
  const result = await client.query({ query: PersonOverviewDocument, variables: { id: syntheticId('person', 0) }, errorPolicy: 'all' });
  expect(result.data?.person ?? null).toBeNull();
  expect(CombinedGraphQLErrors.is(result.error)).toBe(true);
  const errors = CombinedGraphQLErrors.is(result.error) ? result.error.errors : [];
  expect(errors.map((error) => [error.path?.join('.'), error.extensions?.code])).toContainEqual(['person', 'FORBIDDEN']);
});

test('the same document runs through urql, configured as the client README shows', async () => {
  const client = new Client({
    url: graph.url,
    exchanges: [cacheExchange, fetchExchange],
    preferGetMethod: false,
    fetchOptions: () => ({ headers: graph.as('fullAccess') }),
  });
  const id = syntheticId('person', 0);
  const result = await client.query(PersonOverviewDocument, { id }).toPromise();
  expect(result.error).toBeUndefined();
  const fullName: string | undefined = result.data?.person?.fullName;
  expect(result.data?.person?.id).toBe(id);
  expect(fullName).toEqual(expect.any(String));
});

test('the persisted-operation manifest ships with the client and names every operation by the hash of its text', () => {
  const manifest = JSON.parse(readFileSync(require.resolve('@movement/client/persisted-documents.json'), 'utf8')) as Record<string, string>;
  const hash = (PersonOverviewDocument as unknown as { __meta__: { hash: string } }).__meta__.hash;
  expect(manifest[hash]).toContain('query PersonOverview');
});
