import { syntheticId } from '@movement/runtime/demo';
import { sharedTestGraph, type SharedTestGraph } from './harness';

let graph: SharedTestGraph;

beforeAll(async () => {
  graph = await sharedTestGraph();
});

afterAll(async () => {
  await graph?.stop();
});

interface PersonView {
  id: string;
  fullName: string;
  lastSeenAt: { name: string; pcode: string | null; ancestors: Array<{ name: string }> } | null;
  recordedBy: { name: string };
  messagesSent: {
    edges: Array<{ node: { reference: string; sender: { id: string }; addressee: { fullName: string }; collectingPartner: { shortName: string } } }>;
  };
  assistanceReceived: { edges: Array<{ node: { item: string; location: { name: string } } }> };
}

test('one query joins people, places, family messages and assistance from four subgraphs', async () => {
  const result = await graph.query<{ people: { edges: Array<{ node: PersonView }> } }>(`{
    people(first: 20) {
      edges { node {
        id fullName
        lastSeenAt { name pcode ancestors { name } }
        recordedBy { name }
        messagesSent(first: 3) { edges { node { reference sender { id } addressee { fullName } collectingPartner { shortName } } } }
        assistanceReceived(first: 3) { edges { node { item location { name } } } }
      } }
    }
  }`);
  expect(result.errors).toBeUndefined();
  const people = result.data!.people.edges.map((e) => e.node);
  expect(people).toHaveLength(20);
  expect(people.every((p) => p.recordedBy.name.length > 0)).toBe(true);
  const located = people.filter((p) => p.lastSeenAt);
  expect(located.length).toBeGreaterThan(0);
  expect(located[0].lastSeenAt!.ancestors.length).toBeGreaterThan(0);
  const writers = people.filter((p) => p.messagesSent.edges.length > 0);
  expect(writers.length).toBeGreaterThan(0);
  for (const writer of writers) {
    for (const { node } of writer.messagesSent.edges) {
      expect(node.sender.id).toBe(writer.id);
      expect(node.addressee.fullName.length).toBeGreaterThan(0);
      expect(node.collectingPartner.shortName.length).toBeGreaterThan(0);
    }
  }
  const assisted = people.filter((p) => p.assistanceReceived.edges.length > 0);
  expect(assisted.length).toBeGreaterThan(0);
  expect(assisted[0].assistanceReceived.edges[0].node.location.name.length).toBeGreaterThan(0);
});

test('a distribution point lists its distributions; a tracing request its reunification support', async () => {
  const place = await graph.query<{ location: { name: string; distributions: { edges: Array<{ node: { date: string; partner: { name: string } } }> } } }>(
    `query($id: ID!) { location(id: $id) { name distributions(first: 5) { edges { node { date partner { name } } } } } }`,
    { id: syntheticId('location', 'DP-BELGOROD-1') },
  );
  expect(place.errors).toBeUndefined();
  expect(place.data!.location.distributions.edges.length).toBeGreaterThan(0);
  expect(place.data!.location.distributions.edges[0].node.partner.name.length).toBeGreaterThan(0);

  const requests = await graph.query<{
    tracingRequests: {
      edges: Array<{
        node: {
          reference: string;
          soughtPerson: { fullName: string };
          reunificationSupport: { edges: Array<{ node: { kind: string; person: { id: string } } }> };
        };
      }>;
    };
  }>(
    `{ tracingRequests(first: 20) { edges { node { reference soughtPerson { fullName } reunificationSupport(first: 5) { edges { node { kind person { id } } } } } } } }`,
  );
  expect(requests.errors).toBeUndefined();
  const supported = requests.data!.tracingRequests.edges.filter((e) => e.node.reunificationSupport.edges.length > 0);
  expect(supported.length).toBeGreaterThan(0);
});

test('a message names its sender and addressee as people from the people subgraph', async () => {
  const result = await graph.query<{
    messages: {
      edges: Array<{ node: { status: string; sender: { fullName: string; names: Array<{ script: string }> }; statusHistory: Array<{ status: string }> } }>;
    };
  }>(`{ messages(first: 10) { edges { node { status sender { fullName names { script } } statusHistory { status } } } } }`);
  expect(result.errors).toBeUndefined();
  const messages = result.data!.messages.edges.map((e) => e.node);
  expect(messages).toHaveLength(10);
  for (const message of messages) {
    expect(message.sender.names.map((n) => n.script)).toEqual(expect.arrayContaining(['Cyrl', 'Latn']));
    expect(message.statusHistory[message.statusHistory.length - 1].status).toBe(message.status);
  }
});

test('the demo casework is consistent across subgraphs: support follows its case, Ukraine is reached, detention is reflected', async () => {
  // Three queries, each within the gateway's cost limit.
  const ask = async <T>(query: string): Promise<T> => {
    const answer = await graph.query<T>(query);
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  };
  const data = {
    ...(await ask<{
      tracingRequests: {
        edges: Array<{
          node: {
            status: string;
            reunificationSupport: {
              edges: Array<{
                node: {
                  outcome: string;
                  fromCountry: string | null;
                  toCountry: string | null;
                  crossingOpen: boolean | null;
                  borderCrossing: { borderCrossing: { countries: string[] } } | null;
                };
              }>;
            };
          };
        }>;
      };
    }>(
      `{ tracingRequests(first: 20) { edges { node { status reunificationSupport(first: 3) { edges { node { outcome fromCountry toCountry crossingOpen borderCrossing { borderCrossing { countries } } } } } } } } }`,
    )),
    ...(await ask<{
      messages: {
        edges: Array<{
          node: {
            addressee: { nationality: string | null };
            addresseeAddress: string | null;
            deliveringPartner: { shortName: string } | null;
            statusHistory: Array<{ status: string; location: { pcode: string | null } | null }>;
          };
        }>;
      };
    }>(
      `{ messages(first: 100) { edges { node { addressee { nationality } addresseeAddress deliveringPartner { shortName } statusHistory { status location { pcode } } } } } }`,
    )),
    ...(await ask<{
      detentionRecords: {
        edges: Array<{
          node: {
            custodyStatus: string;
            person: { status: string };
            visits: { edges: Array<{ node: { messagesCollected: { edges: Array<{ node: { sender: { id: string } } }> } } }> };
          };
        }>;
      };
    }>(
      `{ detentionRecords(first: 10) { edges { node { custodyStatus person { status } visits(first: 2) { edges { node { messagesCollected(first: 2) { edges { node { sender { id } } } } } } } } } } }`,
    )),
  };
  const requests = data.tracingRequests.edges.map((e) => e.node);
  for (const request of requests) {
    for (const { node: support } of request.reunificationSupport.edges) {
      if (support.outcome === 'COMPLETED') expect(['LOCATED', 'REUNITED']).toContain(request.status);
      if (support.borderCrossing) {
        // A journey across a border says from where to where, between the crossing's countries.
        expect(support.borderCrossing.borderCrossing.countries).toEqual(expect.arrayContaining([support.fromCountry, support.toCountry]));
        if (support.outcome === 'COMPLETED') expect(support.crossingOpen).not.toBe(false);
      }
    }
  }
  const reunited = requests.filter((r) => r.status === 'REUNITED');
  const supported = reunited.filter((r) => r.reunificationSupport.edges.some((e) => e.node.outcome === 'COMPLETED'));
  expect(supported.length / reunited.length).toBeGreaterThan(0.5);

  const toUkraine = data.messages.edges.map((e) => e.node).filter((m) => m.deliveringPartner?.shortName === 'URCS');
  expect(toUkraine.length).toBeGreaterThan(0);
  for (const message of toUkraine) {
    expect(message.addresseeAddress ?? '').toMatch(/^вул\./u);
    const delivered = message.statusHistory.find((step) => step.status === 'DELIVERED');
    // Delivered in a Ukrainian raion: its COD-AB admin-2 P-code, the oblast's code and two digits.
    if (delivered) expect(delivered.location!.pcode).toMatch(/^UA\d{4}$/);
  }
  expect(toUkraine.some((m) => m.addressee.nationality === 'UA')).toBe(true);

  const records = data.detentionRecords.edges.map((e) => e.node);
  for (const record of records) {
    if (record.custodyStatus === 'IN_CUSTODY') expect(record.person.status).toBe('DETAINED');
    if (record.custodyStatus === 'DECEASED') expect(record.person.status).toBe('DECEASED');
    if (['RELEASED', 'REPATRIATED'].includes(record.custodyStatus)) expect(record.person.status).toBe('CIVILIAN');
  }
  expect(records.some((r) => r.custodyStatus !== 'IN_CUSTODY')).toBe(true);
  expect(records.some((r) => r.visits.edges.some((v) => v.node.messagesCollected.edges.length > 0))).toBe(true);
});
