import { sharedTestGraph, type SharedTestGraph } from './harness';

/**
 * The gateway keeps what pruning made of an operation per (operation, scope set): the same text
 * asked by principals with other scopes is pruned for each, however often and in whatever order
 * it is asked, and each operation of a document is pruned as itself.
 */
let graph: SharedTestGraph;

beforeAll(async () => {
  graph = await sharedTestGraph();
});

afterAll(async () => {
  await graph?.stop();
});

type Answer = { data?: unknown; errors?: Array<{ path?: Array<string | number>; extensions?: Record<string, unknown> }> };
const forbiddenPaths = (answer: Answer) =>
  (answer.errors ?? []).filter((error) => error.extensions?.code === 'FORBIDDEN').map((error) => (error.path ?? []).join('.'));

const records = 'query Records { detentionRecords(first: 1) { edges { node { id } } } people(first: 1) { edges { node { id } } } }';

test('one operation asked in turn by principals with and without the scope is pruned for each, every time', async () => {
  // The Russian Red Cross lacks detention:read; the ICRC delegation holds it.
  for (const caller of ['russianRedCross', 'icrc', 'russianRedCross', 'icrc'] as const) {
    const answer = await graph.query<{ detentionRecords: unknown; people: { edges: unknown[] } }>(records, {}, graph.as(caller));
    expect(answer.data?.people.edges).toHaveLength(1);
    if (caller === 'icrc') {
      expect(forbiddenPaths(answer)).toEqual([]);
      expect(answer.data?.detentionRecords).not.toBeNull();
    } else {
      expect(forbiddenPaths(answer)).toEqual(['detentionRecords']);
      expect(answer.data?.detentionRecords).toBeNull();
    }
  }
});

test('each operation of one document is pruned as itself', async () => {
  const document = `query Plain { people(first: 1) { edges { node { id } } } }
    query Detained { detentionRecords(first: 1) { edges { node { id } } } }`;
  const ask = async (operationName: string): Promise<Answer> => {
    const response = await fetch(graph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...graph.as('russianRedCross') },
      body: JSON.stringify({ query: document, operationName }),
    });
    return (await response.json()) as Answer;
  };
  for (const name of ['Detained', 'Plain', 'Detained', 'Plain']) {
    const answer = await ask(name);
    expect({ name, forbidden: forbiddenPaths(answer) }).toEqual({ name, forbidden: name === 'Detained' ? ['detentionRecords'] : [] });
  }
});
