import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { print } from 'graphql';
import { operations } from '@movement/schema';
import { syntheticId } from '@movement/runtime';
import { sharedTestGraph, type SharedTestGraph } from './harness';

let graph: SharedTestGraph;

beforeAll(async () => {
  graph = await sharedTestGraph();
});

afterAll(async () => {
  await graph?.stop();
});

test('an internal app\'s registered operation runs through the gateway with its generated types', async () => {
  type Result = operations.PersonOverviewQuery;
  const variables: operations.PersonOverviewQueryVariables = { id: syntheticId('person', 0) };
  const result = await graph.query<Result>(print(operations.PersonOverviewDocument), variables);
  expect(result.errors).toBeUndefined();
  const person = result.data!.person!;
  expect(person.id).toBe(variables.id);
  expect(person.messagesSent?.edges.length).toBeGreaterThan(0);
  expect(person.assistanceReceived?.edges[0]!.node.unit).toEqual(expect.any(String));
});

test('the persisted-operation manifest names every operation by the hash of its text', () => {
  const manifestPath = join(dirname(require.resolve('@movement/schema/package.json')), 'src', 'generated', 'client', 'persisted-documents.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, string>;
  const hashes = Object.keys(manifest);
  expect(hashes.length).toBeGreaterThan(0);
  expect(Object.values(manifest).some((text) => text.includes('query PersonOverview'))).toBe(true);
});
