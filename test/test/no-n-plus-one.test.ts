import { syntheticId } from '@movement/runtime/demo';
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
      familyLinks(first: 2) { edges { node { relationship } } }
      tracingRequests(first: 2) { edges { node { id } } }
      detentionRecords(first: 2) { edges { node { id } } }
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

test('50 people with messages, assistance, last-seen place, family links, tracing requests and detention records cost as many SQL statements as 5', async () => {
  const five = await statementsFor(5);
  const fifty = await statementsFor(50);
  expect(five).toBeGreaterThan(0);
  expect(fifty).toBe(five);
});

test("people's messages sent and received, in any page sizes, cost the messages subgraph one SQL statement", async () => {
  const messages = async (query: string, variables: Record<string, unknown>) => {
    const before = graph.graph.statements().messages;
    const result = await graph.query<{ people: { edges: Array<{ node: { messagesSent: { edges: unknown[] } } }> } }>(query, variables);
    expect(result.errors).toBeUndefined();
    expect(result.data!.people.edges).toHaveLength(20);
    expect(result.data!.people.edges.some((edge) => edge.node.messagesSent.edges.length > 0)).toBe(true);
    return graph.graph.statements().messages - before;
  };
  const both = `query { people(first: 20) { edges { node { messagesSent(first: 3) { edges { node { id } } } messagesReceived(first: 4) { edges { node { id } } } } } } }`;
  expect(await messages(both, {})).toBe(1);
  // Two page sizes of each relation still go in one statement, each page its own part.
  const pages = `query { people(first: 20) { edges { node {
    messagesSent(first: 3) { edges { node { id } } } older: messagesSent(first: 5) { edges { node { id } } }
    messagesReceived(first: 4) { edges { node { id } } }
  } } } }`;
  expect(await messages(pages, {})).toBe(1);
});

test("the people's page and their tracing requests cost the people subgraph one SQL statement, answering as the requests read on their own", async () => {
  type Page = { people: { edges: Array<{ node: { id: string; tracingRequests: unknown; later?: unknown } }> } };
  const people = async (query: string) => {
    const before = graph.graph.statements().people;
    const result = await graph.query<Page>(query, {});
    expect(result.errors).toBeUndefined();
    expect(result.data!.people.edges).toHaveLength(30);
    return { statements: graph.graph.statements().people - before, edges: result.data!.people.edges };
  };
  const requests = `tracingRequests(first: 2) { edges { node { id reference status openedOn lastSeenOn } } pageInfo { hasNextPage } }`;
  const together = await people(`query { people(first: 30) { edges { node { id ${requests} } } } }`);
  expect(together.statements).toBe(1);
  expect(together.edges.some((edge) => JSON.stringify(edge.node.tracingRequests).includes('"reference"'))).toBe(true);
  // Two pages of the relation are read after the people's page by the relation's loader, a statement per page size.
  const apart = await people(`query { people(first: 30) { edges { node { id ${requests} later: tracingRequests(first: 3) { edges { node { id } } } } } } }`);
  expect(apart.statements).toBe(3);
  expect(apart.edges.map((edge) => [edge.node.id, edge.node.tracingRequests])).toEqual(together.edges.map((edge) => [edge.node.id, edge.node.tracingRequests]));
});

/** Statements all subgraphs send for one query, after checking it answered without errors. */
async function statementsOf<T>(query: string, variables: Record<string, unknown>, check: (data: T) => void): Promise<number> {
  const total = () => Object.values(graph.graph.statements()).reduce((a, b) => a + b, 0);
  const before = total();
  const result = await graph.query<T>(query, variables);
  expect(result.errors).toBeUndefined();
  check(result.data!);
  return total() - before;
}

test('50 places with their children, and every organisation with its places, cost as many SQL statements as 5 and 2', async () => {
  // The demo catalogue is small: fifty more settlements in one region, each with an office inside.
  const region = syntheticId('location', 'BY-HM');
  const settlement = (n: number) => syntheticId('nplusone-settlement', n);
  for (let n = 0; n < 50; n += 1) {
    await graph.graph.subgraphs.locations.database.driver.query(
      `INSERT INTO "locations"."Location" (id, type, name, names, "parentId", "ancestorIds") VALUES ($1, 'SETTLEMENT', $2, '[]'::jsonb, $3, ARRAY[$3]::uuid[]),
         ($4, 'OFFICE', $5, '[]'::jsonb, $1, ARRAY[$3, $1]::uuid[])`,
      [settlement(n), `Test settlement ${String(n).padStart(2, '0')}`, region, syntheticId('nplusone-office', n), `Office of settlement ${n}`],
    );
  }
  type Places = { locations: { edges: Array<{ node: { children: { edges: Array<{ node: { name: string } }> } } }> } };
  const places = (first: number) =>
    statementsOf<Places>(
      `query($first: Int!, $parentId: ID!) { locations(parentId: $parentId, type: SETTLEMENT, first: $first) { edges { node { id name children(first: 5) { edges { node { id name operatedBy { name } } } } } } } }`,
      { first, parentId: region },
      (data) => {
        expect(data.locations.edges).toHaveLength(first);
        expect(data.locations.edges.every((e) => e.node.children.edges.length === 1)).toBe(true);
      },
    );
  const five = await places(5);
  const fifty = await places(50);
  expect(five).toBeGreaterThan(0);
  expect(fifty).toBe(five);

  type Organizations = { organizations: { edges: Array<{ node: { places: { edges: unknown[] } } }> } };
  const organizations = (first: number) =>
    statementsOf<Organizations>(
      `query($first: Int!) { organizations(first: $first) { edges { node { name places(first: 5) { edges { node { name } } } } } } }`,
      { first },
      (data) => {
        expect(data.organizations.edges).toHaveLength(first);
        expect(data.organizations.edges.some((e) => e.node.places.edges.length > 0)).toBe(true);
      },
    );
  const two = await organizations(2);
  // The demo catalogue has nine organisations.
  const all = await organizations(9);
  expect(all).toBe(two);
});

test('every tracing request with its reunification support costs as many SQL statements as 10', async () => {
  type Requests = { tracingRequests: { edges: Array<{ node: { reunificationSupport: { edges: unknown[] } } }> } };
  let supported = 0;
  const requests = (first: number) =>
    statementsOf<Requests>(
      `query($first: Int!) { tracingRequests(first: $first) { edges { node { id reunificationSupport(first: 5) { edges { node { id kind borderCrossing { name } } } } } } } }`,
      { first },
      (data) => {
        expect(data.tracingRequests.edges).toHaveLength(first);
        supported = data.tracingRequests.edges.filter((e) => e.node.reunificationSupport.edges.length > 0).length;
      },
    );
  // The ten most recent requests already have support, some of it through a border crossing, so
  // both pages make every kind of lookup (support follows found people, see the assistance seed).
  const ten = await requests(10);
  expect(supported).toBeGreaterThan(1);
  // The seed makes one tracing request per ten people: all twenty of them.
  const all = await requests(20);
  expect(ten).toBeGreaterThan(0);
  expect(all).toBe(ten);
});

test('10 detention records with their events, notifications, visits and the messages carried during them cost as many SQL statements as 5', async () => {
  const query = `query($first: Int!) {
    detentionRecords(first: $first) { edges { node {
      id legalCategory custodyStatus detainingAuthority { id }
      events { kind place { id } fromPlaceOfDetention { id } }
      notifications { kind familyInformed }
      visits(first: 2) { edges { node { id detentionRecord { id } messagesCollected(first: 2) { edges { node { id } } } messagesDelivered(first: 2) { edges { node { id } } } } } }
    } } }
  }`;
  type Records = { detentionRecords: { edges: unknown[] } };
  // The five most recent captures (records 5 to 9) already have visits, events and notifications.
  const five = await statementsOf<Records>(query, { first: 5 }, (data) => expect(data.detentionRecords.edges).toHaveLength(5));
  const ten = await statementsOf<Records>(query, { first: 10 }, (data) => expect(data.detentionRecords.edges).toHaveLength(10));
  expect(five).toBeGreaterThan(0);
  expect(ten).toBe(five);
});
