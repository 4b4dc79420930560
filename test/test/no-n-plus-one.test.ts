import { startTestGraph, type TestGraph } from './harness';

let graph: TestGraph;

beforeAll(async () => {
  graph = await startTestGraph({ seedPeople: 200, label: 'nplusone' });
});

afterAll(async () => {
  await graph?.stop();
});

const peopleWithEverything = `query($first: Int!) {
  people(first: $first) {
    edges { node {
      id fullName
      lastSeenAt { id name }
      messagesSent(first: 5) { edges { node { id status } } }
      messagesReceived(first: 5) { edges { node { id status } } }
      assistanceReceived(first: 5) { edges { node { id item } } }
    } }
  }
}`;

async function statementsFor(first: number): Promise<number> {
  const before = Object.values(graph.graph.statements()).reduce((a, b) => a + b, 0);
  const result = await graph.query<{ people: { edges: unknown[] } }>(peopleWithEverything, { first });
  expect(result.errors).toBeUndefined();
  expect(result.data!.people.edges).toHaveLength(first);
  return Object.values(graph.graph.statements()).reduce((a, b) => a + b, 0) - before;
}

test('50 people with messages, assistance and last-seen place cost as many SQL statements as 5', async () => {
  const five = await statementsFor(5);
  const fifty = await statementsFor(50);
  expect(five).toBeGreaterThan(0);
  expect(fifty).toBe(five);
});
